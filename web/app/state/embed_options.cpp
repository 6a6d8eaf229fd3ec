// Embed options parser.
#include "state/embed_options.hpp"

#include <algorithm>
#include <cstdlib>

#include "state/exercise_names.hpp"
#include "state/link_codec.hpp"

namespace bp::app {

namespace {
EmbedOptions g_options;

const ExerciseState* g_exercise = nullptr;

bool has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}
}  // namespace

bool EmbedOptions::hides(std::string_view control) const { return has(hide, control); }

bool EmbedOptions::locks(std::string_view field) const { return has(lock, field); }

EmbedOptions parse_embed_options(std::string_view query) {
  EmbedOptions o;
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  bool gallery_given = false;
  std::size_t start = 0;
  const std::string text(query);
  while (start < text.size()) {
    std::size_t amp = text.find('&', start);
    if (amp == std::string::npos) amp = text.size();
    const std::string pair = text.substr(start, amp - start);
    start = amp + 1;
    const std::size_t eq = pair.find('=');
    std::string key, value;
    if (eq == std::string::npos || !percent_decode(pair.substr(0, eq), key) ||
        !percent_decode(pair.substr(eq + 1), value))
      continue;
    if (key == "embed") {
      o.embed = value == "1";
    } else if (key == "gallery") {
      o.gallery = value == "1";
      gallery_given = true;
    } else if (key == "hide" || key == "lock") {
      NameCheck check = check_names(key, value);
      (key == "hide" ? o.hide : o.lock) = std::move(check.known);
      if (!check.notice.empty()) o.notices.push_back(key + ": " + check.notice);
    } else if (key == "theme") {
      if (value == "light" || value == "dark" || value == "auto") {
        o.theme = value;
      } else {
        o.notices.push_back("theme: expected light, dark or auto (got '" + value.substr(0, 20) + "')");
      }
    } else if (key == "zoom") {
      char* end = nullptr;
      const double z = std::strtod(value.c_str(), &end);
      if (*end != '\0' || !(z >= 0.5 && z <= 2)) {
        o.notices.push_back("zoom: expected a number from 0.5 to 2 (got '" + value.substr(0, 20) + "')");
      } else {
        o.zoom = static_cast<float>(z);
      }
    }
  }
  if (o.embed && !gallery_given) o.gallery = false;
  o.tabs = !o.hides("tabs");
  return o;
}

const EmbedOptions& embed_options() { return g_options; }

void set_exercise(const ExerciseState& exercise) { g_exercise = &exercise; }

bool is_hidden(std::string_view name) {
  if (g_options.hides(name) || (g_exercise && has(g_exercise->hide, name))) return true;
  // One node's gradient is hidden with all of them.
  return name.substr(0, 5) == "grad:" && is_hidden("grads");
}

bool is_locked(std::string_view name) { return g_options.locks(name) || (g_exercise && has(g_exercise->lock, name)); }
void set_embed_options(EmbedOptions options) { g_options = std::move(options); }

}  // namespace bp::app
