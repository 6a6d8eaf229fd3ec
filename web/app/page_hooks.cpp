// The app's side of the page's calls: each hook is a function of a room (state link, gallery, network
// panel, theme); this file only hands them to the page.
#include "page_hooks.hpp"

#include <string>

#include "network/panel.hpp"
#include "page.hpp"
#include "state/gallery.hpp"
#include "state/link_codec.hpp"
#include "link_sync.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// The gallery for window.playground.gallery(): [{ title, caption, hash }, ...].
std::string gallery_json() {
  std::string json = "[";
  for (const auto& entry : gallery()) {
    json += (json.size() > 1 ? "," : "") + std::string("{\"title\":") + json_string(entry.title) +
            ",\"caption\":" + json_string(entry.caption) + ",\"hash\":" + json_string(encode_state(entry.state)) +
            "}";
  }
  return json + "]";
}

}  // namespace

void connect_page_hooks() {
  page::AppHooks hooks;
  hooks.set_state = set_state_from_page;
  hooks.full_state = full_state;
  hooks.gallery_json = gallery_json;
  hooks.network_output = network_output;
  hooks.set_dark = theme::apply;
  hooks.layout_json = layout_json;
  page::set_app_hooks(hooks);
}

}  // namespace bp::app
