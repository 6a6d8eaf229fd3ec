// Embed options parser.
#include "state/embed_options.hpp"

#include <algorithm>
#include <cstdlib>

#include "state/link_codec.hpp"

namespace bp::app {

namespace {
EmbedOptions g_options;

std::vector<std::string> list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

const std::vector<std::string> kControls{"h", "scheme", "reading", "derivative", "table", "descent", "error",
                                         "inputs", "backward", "experiments", "tabs"};
const std::vector<std::string> kFields{"expr", "prog", "x0"};
}  // namespace

bool EmbedOptions::hides(std::string_view control) const {
  return std::find(hide.begin(), hide.end(), control) != hide.end();
}

bool EmbedOptions::locks(std::string_view field) const {
  return std::find(lock.begin(), lock.end(), field) != lock.end();
}

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
    } else if (key == "hide") {
      for (const auto& c : list(value)) {
        if (std::find(kControls.begin(), kControls.end(), c) == kControls.end()) {
          o.notices.push_back("hide: unknown control '" + c + "'");
        } else {
          o.hide.push_back(c);
        }
      }
    } else if (key == "lock") {
      for (const auto& f : list(value)) {
        if (std::find(kFields.begin(), kFields.end(), f) == kFields.end()) {
          o.notices.push_back("lock: unknown field '" + f + "'");
        } else {
          o.lock.push_back(f);
        }
      }
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
void set_embed_options(EmbedOptions options) { g_options = std::move(options); }

}  // namespace bp::app
