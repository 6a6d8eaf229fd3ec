// State link: the glue between the link codec (link_codec.cpp) and page.js, through a few exported functions.
#include "state/link_sync.hpp"

#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID: end an edit when the state changes from outside
#include "platform.hpp"
#include "state/link_codec.hpp"

namespace bp::app {

namespace {
AppState* g_state = nullptr;
std::vector<std::string> g_notices;
std::string g_last_published;

EM_JS(char*, js_initial_state, (), {
  const hash = (typeof Module.initialState === 'string') ? Module.initialState : location.hash;
  const bytes = lengthBytesUTF8(hash) + 1;
  const ptr = _malloc(bytes);
  stringToUTF8(hash, ptr, bytes);
  return ptr;
});

EM_JS(void, js_state_changed, (const char* hash), {
  if (typeof Module.onStateChange === 'function') Module.onStateChange(UTF8ToString(hash));
});

EM_JS(void, js_report_notice, (const char* text), {
  console.warn('Backprop Playground link: ' + UTF8ToString(text));
});

void apply(const char* hash) {
  if (!g_state) return;
  DecodedState decoded = decode_state(hash ? hash : "");
  *g_state = std::move(decoded.state);
  g_notices = std::move(decoded.notices);
  for (const auto& notice : g_notices) js_report_notice(notice.c_str());
}
}  // namespace

void attach_state(AppState& state) { g_state = &state; }

void load_initial_state(AppState& state) {
  attach_state(state);
  char* hash = js_initial_state();
  apply(hash);
  free(hash);
}

void publish_state(const AppState& state) {
  std::string hash = encode_state(state);
  if (hash == g_last_published) return;
  g_last_published = std::move(hash);
  js_state_changed(g_last_published.c_str());
}

std::vector<std::string>& state_notices() { return g_notices; }

}  // namespace bp::app

// window.playground.setState() and hash changes made outside the app arrive here.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_set_state(const char* hash) {
  // A text field being edited keeps its own copy of the text and would write it back over the new
  // state: the edit ends here.
  ImGui::ClearActiveID();
  bp::app::apply(hash);
  bp::platform::wake();
}

// Every key, defaults included, for window.playground.getState(). Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bp_get_state() {
  static std::string full;
  full = bp::app::g_state ? bp::app::encode_state(*bp::app::g_state, true) : "";
  return full.c_str();
}
