// Every function the page's scripts call by name (Module._bp_*: web/page.js, web/embed.js, the
// browser tests), in this one file. The build reads the names marked EMSCRIPTEN_KEEPALIVE here into
// -sEXPORTED_FUNCTIONS (web/platform/CMakeLists.txt): a new export is one function below, on one line
// of the form `extern "C" EMSCRIPTEN_KEEPALIVE <type> bp_<name>(`. Each forwards to the platform layer
// or to a hook the app registered (page.hpp).
#include <emscripten.h>

#include <limits>
#include <string>
#include <vector>

#include "browser_calls.hpp"
#include "page.hpp"
#include "platform.hpp"

namespace {
bp::page::AppHooks g_hooks;
}  // namespace

void bp::page::set_app_hooks(const AppHooks& hooks) { g_hooks = hooks; }

// --- the platform ----------------------------------------------------------------------------------

// Called by the text sink (platform_emscripten.cpp) with what the learner typed.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_text_input(const char* text) { bp::platform::text_input(text); }

// Called by the canvas's focus listener (platform_emscripten.cpp): focus came in by keyboard or left.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_keyboard_focus(int dir) { bp::platform::keyboard_focus(dir); }

// Called by the page's paste listener (platform_emscripten.cpp).
extern "C" EMSCRIPTEN_KEEPALIVE void bp_paste(const char* text) { bp::platform::paste(text); }

// Six numbers for window.playground.frameStats() (browser_calls.hpp says which).
extern "C" EMSCRIPTEN_KEEPALIVE const double* bp_frame_stats() { return bp::platform::frame_stats(); }

// The timed frames' build times (ms), as many as frame_stats()'s first number. Valid until the next frame.
extern "C" EMSCRIPTEN_KEEPALIVE const double* bp_frame_build_times() { return bp::platform::frame_build_times(); }

// Forgets the timed frames, so a measurement covers only what follows.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_reset_frame_stats() { bp::platform::reset_frame_stats(); }

// The host resized the element, or showed it again: its size is read anew and a few frames drawn.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_wake() { bp::platform::resized(); }

// Stops drawing for good (the module aborted).
extern "C" EMSCRIPTEN_KEEPALIVE void bp_stop() { bp::platform::stop(); }

// The instance went out of view or its tab was hidden (1: no frames, no training), or came back (0).
extern "C" EMSCRIPTEN_KEEPALIVE void bp_set_paused(int paused) { bp::platform::set_paused(paused != 0); }

// Test hook (instances.test.mjs): frames drawn since the start.
extern "C" EMSCRIPTEN_KEEPALIVE double bp_frames_drawn() { return bp::platform::frames_drawn(); }

// destroy(): no more frames, no listener left on the page, the WebGL context destroyed.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_shutdown() { bp::platform::shutdown(); }

// Test hook for the browser tests (keyboard.test.mjs, touch.test.mjs): the controls in tab order with
// their labels, places and focus, so a test finds a control by its label. Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bp_test_hook_controls() { return bp::platform::controls_json(); }

// Test hook, for tests/browser/heap.test.mjs only (the app never calls it): allocates 16 MB blocks
// and keeps them until the heap reaches its limit, as a runaway computation would, so the test can
// check what the page then shows. Never returns.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_test_hook_fill_heap() {
  static std::vector<char*> blocks;
  for (;;) {
    char* block = new char[16 << 20];
    block[0] = 1;
    blocks.push_back(block);
  }
}

// --- the app, through its hooks --------------------------------------------------------------------

// window.playground.setState() and hash changes made outside the app arrive here.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_set_state(const char* hash) {
  if (g_hooks.set_state) g_hooks.set_state(hash ? hash : "");
  bp::platform::wake();
}

// Every key, defaults included, for window.playground.getState(). Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bp_get_state() {
  static std::string full;
  full = g_hooks.full_state ? g_hooks.full_state() : "";
  return full.c_str();
}

// Where the last frame drew each mode's pictures and whether a tab was shortened, as JSON, for the
// layout tests (window.playground.testHooks.layout()). Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bp_layout() {
  static std::string json;
  json = g_hooks.layout_json ? g_hooks.layout_json() : "{}";
  return json.c_str();
}

// The gallery as JSON for window.playground.gallery(). Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bp_gallery() {
  static std::string json;
  json = g_hooks.gallery_json ? g_hooks.gallery_json() : "[]";
  return json.c_str();
}

// The results for instance.getResults() and change events: {"shown":{…},"answers":[…]}. Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bp_results() {
  static std::string json;
  json = g_hooks.results_json ? g_hooks.results_json() : "{}";
  return json.c_str();
}

// instance.answer(id, value): checks an answer as the canvas's Check would. The attempt as JSON, or
// {"error": why}. Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bp_answer(const char* id, double value) {
  static std::string json;
  json = g_hooks.answer ? g_hooks.answer(id ? id : "", value) : "{\"error\":\"no exercise here\"}";
  bp::platform::wake();
  return json.c_str();
}

// The network's output at (x1, x2), for the page's tests (the GPU surface against the engine).
extern "C" EMSCRIPTEN_KEEPALIVE double bp_network_output(double x1, double x2, int k) {
  return g_hooks.network_output ? g_hooks.network_output(x1, x2, k) : std::numeric_limits<double>::quiet_NaN();
}

// The system's colour scheme changed while the app follows it (theme=auto; page_emscripten.cpp).
extern "C" EMSCRIPTEN_KEEPALIVE void bp_set_dark(int dark) {
  if (g_hooks.set_dark) g_hooks.set_dark(dark != 0);
  bp::platform::wake();
}
