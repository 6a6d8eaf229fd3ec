// The app's side of the page's calls: each hook is a function of a room (state link, gallery, network
// panel, theme); this file only hands them to the page.
#include "page_hooks.hpp"

#include <string>

#include "exercise/results.hpp"
#include "network/panel.hpp"
#include "page.hpp"
#include "state/gallery.hpp"
#include "state/link_codec.hpp"
#include "link_sync.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/theme.hpp"
#include "json_text.hpp"

namespace bp::app {

namespace {

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

// {"shown": what the panels show now (never a hidden result), "answers": one entry per asked quantity}.
std::string results_json() { return "{\"shown\":" + shown_results_json() + ",\"answers\":" + answers_json() + "}"; }

// The page's instance.answer(id, value): checked against this frame's true values.
std::string answer(const std::string& id, double value) {
  if (const auto attempt = submit_answer(id, value)) return attempt_json(*attempt);
  std::string asked;
  for (const Quantity& q : exercise().quantities()) asked += (asked.empty() ? "" : ", ") + q.id;
  const bool is_asked = exercise().find(id) != nullptr;
  const std::string why = asked.empty() ? "this link asks for nothing (ask=…)"
                          : !is_asked   ? "'" + id + "' is not asked; asked: " + asked
                                        : "'" + id + "' has no true value yet: it is asked in another mode, "
                                          "or the mode shown is still computing it (try after a frame)";
  // pending: asked, so a value may come (submitAnswer() waits for it); otherwise the id is wrong.
  return "{\"error\":" + json_string(why) + (is_asked ? ",\"pending\":true" : "") + "}";
}

}  // namespace

void connect_page_hooks() {
  set_answer_listener([](const std::string& json) { page::answered(json); });
  page::AppHooks hooks;
  hooks.set_state = set_state_from_page;
  hooks.full_state = full_state;
  hooks.gallery_json = gallery_json;
  hooks.network_output = network_output;
  hooks.set_dark = theme::apply;
  hooks.layout_json = layout_json;
  hooks.results_json = results_json;
  hooks.answer = answer;
  page::set_app_hooks(hooks);
}

}  // namespace bp::app
