// Platform layer on emscripten/html5.h. Emscripten's GLFW does not handle devicePixelRatio,
// clipboard or touch, so this talks to the browser directly.
#include "platform.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <string>

#include "fonts.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"

namespace bp::platform {

namespace {

const char* g_selector = "#canvas";
void (*g_frame)() = nullptr;
bool g_frame_scheduled = false;
int g_frames_left = 0;      // ImGui settles hover and animations over a few frames after input
float g_ratio = 1;
float g_font_ratio = 0;     // the ratio the font atlas was built for
std::string g_clipboard;    // last text pasted into the page or copied from the app

// Mouse and touch events wait here and reach ImGui at most one press or release per frame, and never
// in the frame that moved the pointer: tabs (and anything that allows overlap) only take a press on
// an item hovered the frame before, so a quick click or a tap would otherwise be lost.
struct PointerEvent {
  enum Kind { kMove, kButton, kLeave } kind;
  float x = 0, y = 0;
  int button = 0;
  bool down = false;
  ImGuiMouseSource source = ImGuiMouseSource_Mouse;
};
std::deque<PointerEvent> g_pointer_events;

void feed_pointer_events() {
  ImGuiIO& io = ImGui::GetIO();
  bool moved = false;
  while (!g_pointer_events.empty()) {
    const PointerEvent e = g_pointer_events.front();
    if (e.kind == PointerEvent::kButton && moved) break;
    g_pointer_events.pop_front();
    io.AddMouseSourceEvent(e.source);
    if (e.kind == PointerEvent::kMove) {
      moved = moved || e.x != io.MousePos.x || e.y != io.MousePos.y;
      io.AddMousePosEvent(e.x, e.y);
    } else if (e.kind == PointerEvent::kLeave) {
      io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else {
      io.AddMouseButtonEvent(e.button, e.down);
      break;
    }
  }
}

// --- frame scheduling ----------------------------------------------------------------------------
EM_BOOL on_animation_frame(double, void*) {
  g_frame_scheduled = false;
  if (g_frame) g_frame();
  if (--g_frames_left > 0 || !g_pointer_events.empty()) request_frame();
  return EM_FALSE;
}

void wake() {
  g_frames_left = 3;
  request_frame();
}

// --- size and pixel ratio ------------------------------------------------------------------------
void update_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(g_selector, &css_w, &css_h);
  g_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (g_ratio <= 0) g_ratio = 1;
  const int w = static_cast<int>(std::lround(css_w * g_ratio)), h = static_cast<int>(std::lround(css_h * g_ratio));
  int cur_w = 0, cur_h = 0;
  emscripten_get_canvas_element_size(g_selector, &cur_w, &cur_h);
  if (w != cur_w || h != cur_h) emscripten_set_canvas_element_size(g_selector, w, h);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale = ImVec2(g_ratio, g_ratio);
}

// Text is rasterised at device resolution and drawn at 1/ratio, so it stays crisp at any ratio.
void update_fonts() {
  if (g_font_ratio == g_ratio) return;
  g_font_ratio = g_ratio;
  load_fonts(g_ratio);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  wake();
  return EM_FALSE;
}

// --- mouse and wheel -----------------------------------------------------------------------------
int imgui_button(unsigned short button) { return button == 0 ? 0 : button == 2 ? 1 : button == 1 ? 2 : -1; }

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  const auto x = static_cast<float>(e->targetX), y = static_cast<float>(e->targetY);
  g_pointer_events.push_back({PointerEvent::kMove, x, y});
  const int button = imgui_button(e->button);
  if (button >= 0 && (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP)) {
    g_pointer_events.push_back({PointerEvent::kButton, x, y, button, type == EMSCRIPTEN_EVENT_MOUSEDOWN});
  }
  wake();
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_FALSE : EM_TRUE;  // mousedown keeps focus handling
}

EM_BOOL on_window_mouseup(int, const EmscriptenMouseEvent* e, void*) {
  const int button = imgui_button(e->button);
  if (button >= 0) g_pointer_events.push_back({PointerEvent::kButton, 0, 0, button, false});  // released outside
  wake();
  return EM_FALSE;
}

EM_BOOL on_mouseleave(int, const EmscriptenMouseEvent*, void*) {
  g_pointer_events.push_back({PointerEvent::kLeave});
  wake();
  return EM_FALSE;
}

// Browsers report wheel deltas in pixels, lines or pages; one notch is about 100 px or 3 lines.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3 : 1.0;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale));
  wake();
  return EM_TRUE;  // the page must not scroll under the canvas
}

// --- touch: the first finger is the mouse ------------------------------------------------------
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& t = e->touches[i];
    if (!t.isChanged) continue;
    const auto x = static_cast<float>(t.targetX), y = static_cast<float>(t.targetY);
    g_pointer_events.push_back({PointerEvent::kMove, x, y, 0, false, ImGuiMouseSource_TouchScreen});
    if (type != EMSCRIPTEN_EVENT_TOUCHMOVE) {
      g_pointer_events.push_back(
          {PointerEvent::kButton, x, y, 0, type == EMSCRIPTEN_EVENT_TOUCHSTART, ImGuiMouseSource_TouchScreen});
    }
    if (type == EMSCRIPTEN_EVENT_TOUCHEND) g_pointer_events.push_back({PointerEvent::kLeave});  // no hover after a tap
    break;
  }
  wake();
  return EM_TRUE;  // no emulated mouse events, no page scroll
}

// --- keyboard ------------------------------------------------------------------------------------
ImGuiKey imgui_key(const char* code) {
  static const struct { const char* code; ImGuiKey key; } kKeys[] = {
      {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"Insert", ImGuiKey_Insert},
      {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace}, {"Space", ImGuiKey_Space},
      {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter}, {"Escape", ImGuiKey_Escape},
      {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl}, {"ShiftLeft", ImGuiKey_LeftShift},
      {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt}, {"AltRight", ImGuiKey_RightAlt},
      {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper}, {"KeyA", ImGuiKey_A},
      {"KeyC", ImGuiKey_C}, {"KeyV", ImGuiKey_V}, {"KeyX", ImGuiKey_X}, {"KeyY", ImGuiKey_Y}, {"KeyZ", ImGuiKey_Z},
  };
  for (const auto& k : kKeys) {
    if (std::strcmp(k.code, code) == 0) return k.key;
  }
  return ImGuiKey_None;
}

void add_modifiers(const EmscriptenKeyboardEvent* e) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey || e->metaKey);  // ⌘ on macOS does what Ctrl does elsewhere
  io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
  io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  const bool command = e->ctrlKey || e->metaKey;
  add_modifiers(e);
  // Ctrl+V is left to the browser, whose paste event brings the text (see bp_paste).
  if (command && std::strcmp(e->code, "KeyV") == 0) return EM_FALSE;
  const ImGuiKey key = imgui_key(e->code);
  if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
  // A printable key: its `key` is one character (any script, ², π typed with a layout or an IME).
  const bool printable = e->key[0] != 0 && (std::strlen(e->key) == 1 || static_cast<unsigned char>(e->key[0]) >= 0x80) &&
                         std::strlen(e->key) <= 4;
  if (down && printable && !command) io.AddInputCharactersUTF8(e->key);
  wake();
  // Keep Tab, arrows and typing in the app while it has a text field or a widget active.
  return (io.WantCaptureKeyboard || io.WantTextInput) && (printable || key != ImGuiKey_None) && !command
             ? EM_TRUE
             : (command && (key == ImGuiKey_A || key == ImGuiKey_Z || key == ImGuiKey_Y) && io.WantTextInput);
}

// --- clipboard -----------------------------------------------------------------------------------
EM_JS(void, js_write_clipboard, (const char* text), {
  const value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(() => {});
});

EM_JS(void, js_listen_for_paste, (), {
  document.addEventListener('paste', (event) => {
    const text = (event.clipboardData || window.clipboardData).getData('text');
    const bytes = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(bytes);
    stringToUTF8(text, ptr, bytes);
    _bp_paste(ptr);
    _free(ptr);
    event.preventDefault();
  });
});

void set_clipboard(void*, const char* text) {
  g_clipboard = text;
  js_write_clipboard(text);
}
const char* get_clipboard(void*) { return g_clipboard.c_str(); }

EM_JS(void, js_notify_ready, (), {
  if (typeof Module.onReady === 'function') Module.onReady();
});

}  // namespace

// Called from the page's paste listener: remember the text and press Ctrl+V in ImGui.
extern "C" EMSCRIPTEN_KEEPALIVE void bp_paste(const char* text) {
  g_clipboard = text;
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, true);
  io.AddKeyEvent(ImGuiKey_V, true);
  io.AddKeyEvent(ImGuiKey_V, false);
  io.AddKeyEvent(ImGuiMod_Ctrl, false);
  wake();
}

bool init(const char* selector) {
  g_selector = selector;
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(selector, &attrs);
  if (context <= 0) return false;
  emscripten_webgl_make_context_current(context);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the URL holds the state; nothing in local storage
  io.BackendPlatformName = "backprop_playground_html5";
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplOpenGL3_Init("#version 300 es");

  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  emscripten_set_mousedown_callback(selector, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mousemove_callback(selector, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseup_callback(selector, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_window_mouseup);
  emscripten_set_mouseleave_callback(selector, nullptr, EM_FALSE, on_mouseleave);
  emscripten_set_wheel_callback(selector, nullptr, EM_FALSE, on_wheel);
  emscripten_set_touchstart_callback(selector, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchmove_callback(selector, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchend_callback(selector, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchcancel_callback(selector, nullptr, EM_FALSE, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
  js_listen_for_paste();
  return true;
}

void run(void (*frame)()) {
  g_frame = frame;
  wake();
}

void request_frame() {
  if (g_frame_scheduled) return;
  g_frame_scheduled = true;
  emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void begin_frame() {
  update_size();
  update_fonts();
  // After an idle spell the first frame would see a huge step; animations get at most 0.1 s.
  static double last = emscripten_get_now();
  const double now = emscripten_get_now();
  ImGui::GetIO().DeltaTime = static_cast<float>(std::clamp((now - last) / 1000.0, 0.001, 0.1));
  last = now;
  feed_pointer_events();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
}

void end_frame() {
  ImGui::Render();
  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * g_ratio), static_cast<int>(io.DisplaySize.y * g_ratio));
  const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(clear.x, clear.y, clear.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

float pixel_ratio() { return g_ratio; }

void notify_ready() { js_notify_ready(); }

}  // namespace bp::platform
