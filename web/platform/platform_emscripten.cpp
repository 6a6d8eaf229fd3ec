// Platform layer on emscripten/html5.h. Emscripten's GLFW does not handle devicePixelRatio,
// clipboard or touch, so this talks to the browser directly.
#include "platform.hpp"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <new>
#include <string>
#include <vector>

#include "browser_calls.hpp"
#include "fonts.hpp"
#include "present_pacing.hpp"
#include "tab_order.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // InputEventsQueue: whether ImGui still holds input for later frames

namespace bp::platform {

namespace {

const char* g_selector = "#canvas";
void (*g_frame)() = nullptr;
bool g_frame_scheduled = false;
int g_frames_left = 0;      // ImGui settles hover and animations over a few frames after input
float g_ratio = 1;
float g_font_ratio = 0;     // the ratio the font atlas was built for
std::string g_clipboard;    // last text pasted into the page or copied from the app

// Input events wait here and reach ImGui in their order, at most one mouse press or release per
// frame and never in the frame that moved the pointer: tabs (and anything that allows overlap) only
// take a press on an item hovered the frame before, so a quick click or a tap would otherwise be
// lost. Keys and text queue behind the clicks before them, so typing goes to the field just clicked.
// Keyboard focus moves (Tab, entering from the page, leaving it) queue the same way, so a Tab typed
// right after a click or a character moves on from where those left the focus.
struct InputEvent {
  enum Kind { kMove, kButton, kLeave, kKey, kText, kFocus, kEnter, kBlur, kDeactivate };
  Kind kind = kMove;
  float x = 0, y = 0;
  int button = 0;
  bool down = false;
  ImGuiMouseSource source = ImGuiMouseSource_Mouse;
  ImGuiKey key = ImGuiKey_None;
  std::string text;
  tab_order::Stop stop;  // kFocus: where the focus goes; kEnter: key = +1 (first control) or -1 (last)
};
std::deque<InputEvent> g_input_events;
ImGuiID g_focus_queued = 0;  // the control the last queued kFocus goes to, until it is applied

InputEvent pointer(InputEvent::Kind kind, float x, float y, ImGuiMouseSource source = ImGuiMouseSource_Mouse) {
  InputEvent e;
  e.kind = kind;
  e.x = x, e.y = y, e.source = source;
  return e;
}
InputEvent button_event(int button, bool down, ImGuiMouseSource source = ImGuiMouseSource_Mouse) {
  InputEvent e;
  e.kind = InputEvent::kButton;
  e.button = button, e.down = down, e.source = source;
  return e;
}
void queue_key(ImGuiKey key, bool down) {
  InputEvent e;
  e.kind = InputEvent::kKey;
  e.key = key, e.down = down;
  g_input_events.push_back(std::move(e));
}
void queue_text(const char* text) {
  InputEvent e;
  e.kind = InputEvent::kText;
  e.text = text;
  g_input_events.push_back(std::move(e));
}

bool is_focus_event(InputEvent::Kind kind) {
  return kind == InputEvent::kFocus || kind == InputEvent::kEnter || kind == InputEvent::kBlur ||
         kind == InputEvent::kDeactivate;
}

void feed_input_events() {
  ImGuiIO& io = ImGui::GetIO();
  bool moved = false, fed = false;
  while (!g_input_events.empty()) {
    InputEvent& e = g_input_events.front();
    if (e.kind == InputEvent::kButton && moved) break;
    // A focus move waits until ImGui has taken in every key and character before it, which go to
    // the control they were typed into.
    if (is_focus_event(e.kind) && (fed || ImGui::GetCurrentContext()->InputEventsQueue.Size > 0)) break;
    fed = true;
    bool end_frame = false;
    switch (e.kind) {
      case InputEvent::kMove:
        io.AddMouseSourceEvent(e.source);
        moved = moved || e.x != io.MousePos.x || e.y != io.MousePos.y;
        io.AddMousePosEvent(e.x, e.y);
        break;
      case InputEvent::kLeave: io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); break;
      case InputEvent::kButton:
        io.AddMouseSourceEvent(e.source);
        io.AddMouseButtonEvent(e.button, e.down);
        end_frame = true;
        break;
      case InputEvent::kKey: io.AddKeyEvent(e.key, e.down); break;
      case InputEvent::kText: io.AddInputCharactersUTF8(e.text.c_str()); break;
      case InputEvent::kFocus:
        tab_order::focus(e.stop);
        if (g_focus_queued == e.stop.id) g_focus_queued = 0;
        end_frame = true;
        break;
      case InputEvent::kEnter:
        if (const tab_order::Stop* stop = tab_order::end(e.button)) tab_order::focus(*stop);
        end_frame = true;
        break;
      case InputEvent::kBlur: tab_order::clear_focus(); break;
      case InputEvent::kDeactivate: ImGui::ClearActiveID(); break;  // what was typed stays
    }
    g_input_events.pop_front();
    if (end_frame) break;
  }
}

// The app's own frame timer over the last frames: CPU milliseconds for the whole frame, and for
// building it (everything but handing the vertices to WebGL, which is the GPU driver's time; under
// a software renderer such as headless Chromium's SwiftShader it dominates and says nothing of a GPU).
constexpr int kTimedFrames = 240;
double g_frame_ms[kTimedFrames] = {};
double g_build_ms[kTimedFrames] = {};
double g_frame_start = 0;
int g_frames_timed = 0;
double g_last_build_ms = 0;  // the last frame's, for work spread over frames to plan its share

// --- lost and restored WebGL contexts ---------------------------------------------------------------
// A phone drops a background tab's GPU context; when it comes back every GL object is gone, so the
// renderer starts afresh. Without a context there is nothing to draw: frames wait.
bool g_context_lost = false;
// The canvas's size is read again only after a resize (the window's, or the widget's own through the page's
// ResizeObserver: resized()), a lost context restored, or a resume: reading it costs a layout query, which
// each frame of an unattended training was a tenth of the frame at 4× CPU throttling.
bool g_size_stale = true;
std::vector<void (*)()> g_on_context_restored;  // each renderer of the app's own registers one
unsigned g_gl_generation = 1;                     // counts the contexts: GL names of an older one are dead

EM_BOOL on_context_lost(int, const void*, void*) {
  g_context_lost = true;
  return EM_TRUE;  // preventDefault: asks the browser to restore the context when it can
}

EM_BOOL on_context_restored(int, const void*, void*) {
  g_context_lost = false;
  g_size_stale = true;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplOpenGL3_Init("#version 300 es");
  g_font_ratio = 0;  // rebuild the font texture on the next frame
  ++g_gl_generation;
  for (auto* callback : g_on_context_restored) callback();
  wake();
  return EM_TRUE;
}

// --- frame scheduling ----------------------------------------------------------------------------
// Paused (set_paused: the instance is out of view or its tab hidden): no frame is drawn, so nothing
// trains either (training runs inside frames); a frame asked for meanwhile waits for the resume.
bool g_paused = false;
PresentPacing g_pacing;    // whether a frame built is also put on the canvas (present_pacing.hpp)
bool g_presenting = true;  // this frame's answer
long g_animation_frame = 0;  // the pending requestAnimationFrame, cancelled by shutdown()
double g_frames_drawn = 0;   // since the start, for the browser tests (frames_drawn())

EM_BOOL on_animation_frame(double, void*) {
  g_frame_scheduled = false;
  if (g_paused) return EM_FALSE;
  g_frame_start = emscripten_get_now();
  g_presenting = g_pacing.begin_frame(g_frame_start);
  if (g_frame && !g_context_lost) {
    g_frame();
    ++g_frames_drawn;
  }
  g_frame_ms[g_frames_timed++ % kTimedFrames] = emscripten_get_now() - g_frame_start;
  // ImGui spreads fast input over frames itself (its trickling queue): keep drawing until it is done.
  const bool imgui_pending = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
  // A frame built but not shown asks for the next, so the canvas always ends on the latest picture.
  if (--g_frames_left > 0 || !g_input_events.empty() || imgui_pending || !g_presenting) request_frame();
  return EM_FALSE;
}

}  // namespace

void wake() {
  g_pacing.attend(emscripten_get_now());  // input, a resize, a change from the page: every frame shows
  g_frames_left = 3;
  request_frame();
}

namespace {

// --- size and pixel ratio ------------------------------------------------------------------------
void update_size() {
  if (!g_size_stale) return;
  g_size_stale = false;
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
  resized();
  return EM_FALSE;
}

// --- mouse and wheel -----------------------------------------------------------------------------
int imgui_button(unsigned short button) { return button == 0 ? 0 : button == 2 ? 1 : button == 1 ? 2 : -1; }

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  const auto x = static_cast<float>(e->targetX), y = static_cast<float>(e->targetY);
  g_input_events.push_back(pointer(InputEvent::kMove, x, y));
  const int button = imgui_button(e->button);
  if (button >= 0 && (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP)) {
    g_input_events.push_back(button_event(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN));
  }
  wake();
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_FALSE : EM_TRUE;  // mousedown keeps focus handling
}

EM_BOOL on_window_mouseup(int, const EmscriptenMouseEvent* e, void*) {
  const int button = imgui_button(e->button);
  if (button >= 0) g_input_events.push_back(button_event(button, false));  // released outside the canvas
  wake();
  return EM_FALSE;
}

EM_BOOL on_mouseleave(int, const EmscriptenMouseEvent*, void*) {
  g_input_events.push_back(pointer(InputEvent::kLeave, 0, 0));
  wake();
  return EM_FALSE;
}

// Whether this instance has the focus (its canvas or its text sink).
EM_JS(int, js_has_focus, (), {
  const active = document.activeElement;
  return active === Module.canvas || (active && active.id === Module.canvas.id + "-text") ? 1 : 0;
});

// Browsers report wheel deltas in pixels, lines or pages; one notch is about 100 px or 3 lines.
// Until the reader clicks into an embedded instance, the wheel scrolls the host page as usual.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  if (!js_has_focus()) return EM_FALSE;
  const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3 : 1.0;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale));
  wake();
  return EM_TRUE;  // the page must not scroll under the canvas
}

// --- touch: the first finger is the mouse ------------------------------------------------------
// --- two-finger pinch and pan --------------------------------------------------------------------
// Two fingers zoom and pan the plot under them. The gesture accumulates between frames; the plot
// under its centre applies it. One finger is the mouse again only after all fingers are lifted.
Gesture g_gesture_next, g_gesture;
bool g_pinching = false;
float g_pinch_distance = 0;
ImVec2 g_pinch_center;

bool track_pinch(int type, const EmscriptenTouchEvent* e) {
  int active = 0;
  const EmscriptenTouchPoint* fingers[2] = {nullptr, nullptr};
  for (int i = 0; i < e->numTouches; ++i) {
    const bool ended = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    const bool lifted = ended && e->touches[i].isChanged;
    if (lifted) continue;
    if (active < 2) fingers[active] = &e->touches[i];
    ++active;
  }
  if (active >= 2) {
    const ImVec2 a(static_cast<float>(fingers[0]->targetX), static_cast<float>(fingers[0]->targetY));
    const ImVec2 b(static_cast<float>(fingers[1]->targetX), static_cast<float>(fingers[1]->targetY));
    const float distance = std::max(1.0f, std::hypot(a.x - b.x, a.y - b.y));
    const ImVec2 center((a.x + b.x) / 2, (a.y + b.y) / 2);
    if (!g_pinching) {
      g_pinching = true;
      g_input_events.push_back(button_event(0, false, ImGuiMouseSource_TouchScreen));  // end any one-finger drag
    } else {
      g_gesture_next.zoom *= distance / g_pinch_distance;
      g_gesture_next.pan.x += center.x - g_pinch_center.x;
      g_gesture_next.pan.y += center.y - g_pinch_center.y;
    }
    g_gesture_next.center = center;
    g_pinch_distance = distance;
    g_pinch_center = center;
    return true;
  }
  if (g_pinching) {
    if (active == 0) g_pinching = false;
    return true;  // the fingers left of a pinch do not drag
  }
  return false;
}

// One finger. A swipe that starts on nothing the app drags (platform::claim_touch) and goes up or
// down first belongs to the browser: it scrolls the host page (the canvas allows `touch-action:
// pan-y`), or, where the window under the finger scrolls, that window. Anything else is the mouse:
// a tap clicks, a sideways drag drags a slider or the point, a drag that started on a claimed thing
// drags it whichever way it goes.
struct OneFinger {
  bool claimed = false;    // started on something the app drags: the browser gets none of it
  bool scrolling = false;  // went up or down first: a scroll, not a press
  ImVec2 start, last;
  ImGuiWindow* window = nullptr;  // the window under the finger, when it can scroll itself
  float scroll = 0;               // that window's scroll as the finger has moved it
};
OneFinger g_finger;
std::vector<ImRect> g_claims_next, g_claims;  // what the app drags, this frame and the last
constexpr float kScrollSlop = 8;                // CSS pixels a finger moves before it is a scroll

ImGuiWindow* scrollable_window_at(ImVec2 at) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  for (int i = g.Windows.Size - 1; i >= 0; --i) {
    ImGuiWindow* window = g.Windows[i];
    if (!window->WasActive || window->Hidden || !window->InnerRect.Contains(at)) continue;
    if (window->ScrollMax.y > 0) return window;
  }
  return nullptr;
}

EM_JS(void, js_focus_canvas_for_tap, (), {
  const sink = document.getElementById(Module.canvas.id + "-text");
  if (document.activeElement !== Module.canvas && document.activeElement !== sink) {
    Module.quietFocus = true;
    Module.canvas.focus({ preventScroll: true });
  }
});

EM_BOOL on_one_finger(int type, const EmscriptenTouchPoint& t) {
  const ImVec2 at(static_cast<float>(t.targetX), static_cast<float>(t.targetY));
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
    g_finger = OneFinger{};
    g_finger.start = g_finger.last = at;
    for (const ImRect& claim : g_claims) g_finger.claimed = g_finger.claimed || claim.Contains(at);
    g_finger.window = scrollable_window_at(at);
    if (g_finger.window) g_finger.scroll = g_finger.window->Scroll.y;
    g_input_events.push_back(pointer(InputEvent::kMove, at.x, at.y, ImGuiMouseSource_TouchScreen));
    g_input_events.push_back(button_event(0, true, ImGuiMouseSource_TouchScreen));
    return g_finger.claimed ? EM_TRUE : EM_FALSE;
  }
  const bool ended = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
  if (!g_finger.claimed && !g_finger.scrolling) {
    const float dx = at.x - g_finger.start.x, dy = at.y - g_finger.start.y;
    if (std::fabs(dy) > kScrollSlop && std::fabs(dy) > std::fabs(dx)) {
      // A scroll: the press never happened for the app (nothing under it is clicked or dragged).
      g_finger.scrolling = true;
      g_input_events.push_back(pointer(InputEvent::kLeave, 0, 0));
      g_input_events.push_back(button_event(0, false, ImGuiMouseSource_TouchScreen));
    }
  }
  if (g_finger.scrolling) {
    // A panel that scrolls itself follows the finger while it can; at its end the browser scrolls
    // whatever lies around (the host page).
    const float dy = at.y - g_finger.last.y;
    g_finger.last = at;
    ImGuiWindow* window = g_finger.window;
    if (window && !ended) {
      const float max = window->ScrollMax.y;
      if ((dy < 0 && g_finger.scroll < max) || (dy > 0 && g_finger.scroll > 0)) {
        g_finger.scroll = std::clamp(g_finger.scroll - dy, 0.0f, max);
        ImGui::SetScrollY(window, g_finger.scroll);
        return EM_TRUE;
      }
    }
    return ended ? EM_TRUE : EM_FALSE;
  }
  g_finger.last = at;
  g_input_events.push_back(pointer(InputEvent::kMove, at.x, at.y, ImGuiMouseSource_TouchScreen));
  if (ended) {
    g_input_events.push_back(button_event(0, false, ImGuiMouseSource_TouchScreen));
    g_input_events.push_back(pointer(InputEvent::kLeave, 0, 0));  // no hover after a tap
    js_focus_canvas_for_tap();  // typing goes here next (a tapped field takes the keyboard)
  }
  // A touchend kept from the browser means no emulated mouse events after it.
  return ended || g_finger.claimed ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  if (track_pinch(type, e)) {
    wake();
    return EM_TRUE;
  }
  EM_BOOL handled = EM_FALSE;
  for (int i = 0; i < e->numTouches; ++i) {
    if (!e->touches[i].isChanged) continue;
    handled = on_one_finger(type, e->touches[i]);
    break;
  }
  wake();
  return handled;
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
      {"KeyT", ImGuiKey_T}, {"KeyH", ImGuiKey_H},  // the audio trace: Alt+T, then H (widgets/listen.cpp)
  };
  for (const auto& k : kKeys) {
    if (std::strcmp(k.code, code) == 0) return k.key;
  }
  return ImGuiKey_None;
}

void add_modifiers(const EmscriptenKeyboardEvent* e) {
  queue_key(ImGuiMod_Ctrl, e->ctrlKey || e->metaKey);  // ⌘ on macOS does what Ctrl does elsewhere
  queue_key(ImGuiMod_Shift, e->shiftKey);
  queue_key(ImGuiMod_Alt, e->altKey);
}

void queue_focus_event(InputEvent::Kind kind, int dir = 0) {
  InputEvent e;
  e.kind = kind;
  e.button = dir;
  g_input_events.push_back(std::move(e));
}

EM_JS(void, js_leave_widget, (int blur), {
  // Tab or Escape past the widget's ends: from the canvas, where the browser moves on (to the host
  // page's next or previous element, or out of an iframe); Escape takes the focus off the canvas too.
  const canvas = Module.canvas;
  if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
  if (blur) canvas.blur();
});

// Tab and Shift+Tab step through tab_order's list; past its ends the browser takes the key and the
// focus leaves the widget (no keyboard trap). Inside a popup ImGui's own tabbing keeps to the popup.
EM_BOOL on_tab(bool down, bool shift) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.OpenPopupStack.Size > 0) {
    queue_key(ImGuiKey_Tab, down);
    wake();
    return EM_TRUE;
  }
  if (!down) return EM_TRUE;
  const tab_order::Stop* next = tab_order::step(g_focus_queued ? g_focus_queued : g.NavId, shift ? -1 : 1);
  if (next == nullptr) {
    g_focus_queued = 0;
    queue_focus_event(InputEvent::kBlur);
    js_leave_widget(0);
    wake();
    return EM_FALSE;  // the browser moves the focus on
  }
  InputEvent e;
  e.kind = InputEvent::kFocus;
  e.stop = *next;
  g_focus_queued = next->id;
  g_input_events.push_back(std::move(e));
  wake();
  return EM_TRUE;
}

// Escape closes a popup, or does what the app claimed it for (claim_escape), or leaves the field or
// number being edited (keeping what was typed), then leaves the widget.
bool g_escape_claimed = false, g_escape_claimed_next = false;  // claim_escape(): the last frame, this one

EM_BOOL on_escape(bool down) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!down || g.OpenPopupStack.Size > 0 || g_escape_claimed) {
    queue_key(ImGuiKey_Escape, down);  // a key up always, so ImGui never keeps it held
  } else if (down && g.ActiveId != 0) {
    queue_focus_event(InputEvent::kDeactivate);
  } else if (down) {
    g_focus_queued = 0;
    queue_focus_event(InputEvent::kBlur);
    js_leave_widget(1);
  }
  wake();
  return EM_TRUE;
}

// `from_sink` is non-null for the text sink's keys, null for the canvas's.
EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void* from_sink) {
  ImGuiIO& io = ImGui::GetIO();
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  const bool command = e->ctrlKey || e->metaKey;
  add_modifiers(e);
  // Ctrl+V is left to the browser, whose paste event brings the text (see bp_paste).
  if (command && std::strcmp(e->code, "KeyV") == 0) return EM_FALSE;
  const ImGuiKey key = imgui_key(e->code);
  if (key == ImGuiKey_Tab && !command && !e->altKey) return on_tab(down, e->shiftKey);
  if (key == ImGuiKey_Escape && !command) return on_escape(down);
  if (key != ImGuiKey_None) queue_key(key, down);
  // A printable key: its `key` is one character (any script, ², π typed with a layout or an IME).
  const std::size_t key_bytes = std::strlen(e->key);
  const bool printable =
      key_bytes > 0 && (key_bytes == 1 || static_cast<unsigned char>(e->key[0]) >= 0x80) && key_bytes <= 4;
  // Characters typed into the text sink come through its input event (which also brings IME
  // compositions); those typed while the canvas has the focus (a field just clicked, before the sink
  // took over, or a slider's digits) go to ImGui directly, in order behind the click.
  wake();
  if (printable && !command && from_sink) return EM_FALSE;  // let the textarea take the character
  if (down && printable && !command) queue_text(e->key);
  // Keep arrows, Space, Backspace and Enter in the app while it has a text field or a widget active.
  return (io.WantCaptureKeyboard || io.WantTextInput) && (printable || key != ImGuiKey_None) && !command
             ? EM_TRUE
             : (command && (key == ImGuiKey_A || key == ImGuiKey_Z || key == ImGuiKey_Y) && io.WantTextInput);
}

// --- text entry ----------------------------------------------------------------------------------
// Text arrives through a hidden textarea that holds the focus while an ImGui text field is active:
// that is what raises a phone's soft keyboard, and it receives IME composition, dead keys, emoji
// pickers and text inserted by assistive tools, none of which come as plain key events.

EM_JS(void, js_text_sink_setup, (), {
  const id = Module.canvas.id + "-text";  // one per instance: several may share a page
  if (document.getElementById(id)) return;
  // Pasted or inserted text beyond this many characters is cut before it enters the heap: no field
  // takes that much (a longer paste is refused whole, with a message), and a megabyte of clipboard
  // would only cost ImGui a long frame to take in and the heap its room.
  const MAX_TEXT = 1 << 16;
  const outOfMemory = () => {
    if (typeof Module.onOutOfMemory === 'function') Module.onOutOfMemory();
    abort('out of memory');
  };
  const sink = document.createElement('textarea');
  sink.id = id;
  sink.setAttribute('aria-label', 'text entry for the playground');
  sink.setAttribute('autocapitalize', 'off');
  sink.setAttribute('autocomplete', 'off');
  sink.setAttribute('spellcheck', 'false');
  sink.tabIndex = -1;  // not a tab stop of the host page: Tab goes through the app's controls
  sink.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;opacity:0;border:0;padding:0;margin:0;' +
                       'resize:none;overflow:hidden;font-size:16px;z-index:-1';
  const send = (text) => {
    if (!text) return;
    if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
    const bytes = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(bytes);
    if (!ptr) return outOfMemory();
    stringToUTF8(text, ptr, bytes);
    _bp_text_input(ptr);
    _free(ptr);
  };
  sink.addEventListener('input', (event) => {
    if (event.isComposing) return;  // the composition's end brings the final text
    send(sink.value);
    sink.value = "";
  });
  sink.addEventListener('compositionend', () => {
    send(sink.value);
    sink.value = "";
  });
  document.body.appendChild(sink);
});

// The sink holds the focus exactly while a field is being edited. Checked every frame, as a click
// (into another field, or inside the one being edited) moves the browser's focus to the canvas while
// ImGui keeps a field active. Only when this instance has the focus: the host page's is its own.
EM_JS(void, js_text_sink_sync, (int want, float x, float y), {
  // Found once and kept: looked up every frame, this call was 0.5-0.9 ms of a frame at 4x CPU throttling.
  let sink = Module.bpTextSink;
  if (!sink || !sink.isConnected) sink = Module.bpTextSink = document.getElementById(Module.canvas.id + "-text");
  if (!sink) return;
  const active = document.activeElement;
  if (want && active === Module.canvas) {
    sink.style.left = x + 'px';  // near the field, so a phone scrolls the right place into view
    sink.style.top = y + 'px';
    sink.focus({ preventScroll: true });
  } else if (!want && active === sink) {
    Module.canvas.focus({ preventScroll: true });
  }
});

void update_text_sink() {
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  // Near the field being edited (its input rectangle), else near the pointer.
  ImVec2 at = g.PlatformImeData.InputPos;
  if (!g.PlatformImeData.WantVisible) at = ImVec2(std::max(io.MousePos.x, 0.0f), std::max(io.MousePos.y, 0.0f));
  js_text_sink_sync(io.WantTextInput ? 1 : 0, at.x, at.y);
}

// Focus arriving from the page by keyboard (Tab, Shift+Tab) lands on the first or last control with its
// focus ring; focus from a click or a tap lands where the click does. Focus leaving the instance
// (not to its own text sink) takes the ring away.
EM_JS(void, js_listen_for_focus, (), {
  const canvas = Module.canvas;
  const sink = () => document.getElementById(canvas.id + "-text");
  let pointer = false;
  const pressed = () => { pointer = true; setTimeout(() => { pointer = false; }, 0); };
  // Recorded for shutdown() (js_remove_page_listeners).
  const listen = (target, type, handler, options) => {
    target.addEventListener(type, handler, options);
    (Module.bpListeners = Module.bpListeners || []).push([target, type, handler, options]);
  };
  listen(canvas, 'pointerdown', pressed, true);
  listen(canvas, 'mousedown', pressed, true);
  listen(canvas, 'touchstart', pressed, { capture: true, passive: true });
  let windowLeft = false;  // the browser window lost the focus with the canvas focused in it
  listen(canvas, 'focus', (event) => {
    const from = event.relatedTarget;
    const back = windowLeft;
    windowLeft = false;
    if (pointer || back || (from && from === sink()) || Module.quietFocus) {
      Module.quietFocus = false;
      return;
    }
    // From an element after the canvas (Shift+Tab): the last control.
    const fromAfter = from && (canvas.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING);
    _bp_keyboard_focus(fromAfter ? -1 : 1);
  });
  const left = (event) => {
    const to = event.relatedTarget;
    if (to === canvas || to === sink()) return;
    // Another window or tab took the focus: this page keeps its focused element and gives it back.
    if (document.activeElement === canvas || document.activeElement === sink()) {
      windowLeft = true;
      return;
    }
    _bp_keyboard_focus(0);
  };
  listen(canvas, 'blur', left);
  listen(document, 'focusout', (event) => { if (event.target === sink()) left(event); });
});

// --- clipboard -----------------------------------------------------------------------------------
EM_JS(void, js_write_clipboard, (const char* text), {
  const value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(() => {});
});

EM_JS(void, js_listen_for_paste, (), {
  const MAX_TEXT = 1 << 16;  // as in js_text_sink_setup
  const outOfMemory = () => {
    if (typeof Module.onOutOfMemory === 'function') Module.onOutOfMemory();
    abort('out of memory');
  };
  const listener = (event) => {
    // Only what is pasted into this instance (its canvas or its text sink), not a neighbour's.
    const sink = document.getElementById(Module.canvas.id + "-text");
    if (event.target !== Module.canvas && event.target !== sink) return;
    let text = (event.clipboardData || window.clipboardData).getData('text');
    event.preventDefault();
    if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
    const bytes = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(bytes);
    if (!ptr) return outOfMemory();
    stringToUTF8(text, ptr, bytes);
    _bp_paste(ptr);
    _free(ptr);
  };
  document.addEventListener('paste', listener);
  (Module.bpListeners = Module.bpListeners || []).push([document, 'paste', listener]);  // for shutdown()
});

void set_clipboard(void*, const char* text) {
  g_clipboard = text;
  js_write_clipboard(text);
}
const char* get_clipboard(void*) { return g_clipboard.c_str(); }

EM_JS(void, js_notify_ready, (), {
  if (typeof Module.onReady === 'function') Module.onReady();
});

// --- the heap's limit ------------------------------------------------------------------------------
// The heap may grow to BP_MEMORY_LIMIT_BYTES (-sMAXIMUM_MEMORY, web/CMakeLists.txt). An allocation
// beyond it, anywhere (the engine, Eigen, ImGui, strings), ends here: the page is told it ran out of
// memory (so it says so, and keeps the link) and the module stops, as Emscripten's abort() stops it.
EM_JS(void, js_set_memory_limit, (double bytes), { Module.memoryLimitBytes = bytes; });
EM_JS(void, js_out_of_memory, (), {
  if (typeof Module.onOutOfMemory === 'function') Module.onOutOfMemory();
});

[[noreturn]] void out_of_memory() {
  js_out_of_memory();
  std::abort();
}

// ImGui allocates with malloc, which returns null at the limit; operator new never does.
void* imgui_alloc(std::size_t size, void*) { return ::operator new(size); }
void imgui_free(void* p, void*) { ::operator delete(p); }

}  // namespace

void keyboard_focus(int dir) {
  if (dir == 0) {
    g_focus_queued = 0;
    queue_focus_event(InputEvent::kBlur);
  } else {
    const tab_order::Stop* stop = tab_order::end(dir);
    if (stop == nullptr) {
      queue_focus_event(InputEvent::kEnter, dir);  // before the first frame: resolved when fed
    } else {
      InputEvent e;
      e.kind = InputEvent::kFocus;
      e.stop = *stop;
      g_focus_queued = stop->id;  // a Tab right behind this goes on from there
      g_input_events.push_back(std::move(e));
    }
  }
  wake();
}

void text_input(const char* text) {
  queue_text(text);
  wake();
}

void paste(const char* text) {
  g_clipboard = text;
  queue_key(ImGuiMod_Ctrl, true);
  queue_key(ImGuiKey_V, true);
  queue_key(ImGuiKey_V, false);
  queue_key(ImGuiMod_Ctrl, false);
  wake();
}

const double* frame_stats() {
  static double stats[6];
  const int n = std::min(g_frames_timed, kTimedFrames);
  double sorted[kTimedFrames];
  stats[0] = n;
  for (int which = 0; which < 2; ++which) {
    const double* ms = which == 0 ? g_frame_ms : g_build_ms;
    std::copy(ms, ms + n, sorted);
    std::sort(sorted, sorted + n);
    stats[1 + 2 * which] = n ? sorted[n / 2] : 0;
    stats[2 + 2 * which] = n ? sorted[n - 1] : 0;
  }
  stats[5] = n ? sorted[(n * 95 + 99) / 100 - 1] : 0;  // the build times' 95th percentile (nearest rank)
  return stats;
}

const double* frame_build_times() { return g_build_ms; }

void reset_frame_stats() { g_frames_timed = 0; }

const char* controls_json() {
  static std::string json;
  json = tab_order::json();
  return json.c_str();
}

void stop() { g_frame = nullptr; }

void set_paused(bool paused) {
  if (paused == g_paused) return;
  g_paused = paused;
  if (!paused) resized();  // the frames asked for meanwhile, a few for ImGui to settle, and the size anew
}

double frames_drawn() { return g_frames_drawn; }

namespace {
// Every listener the module's own JavaScript put on the page (document, window, the media query, the
// canvas), recorded by listen() in the EM_JS functions below, and what else on the page points back
// into the module: any of them left behind would keep the whole module, heap included, alive after
// destroy().
EM_JS(void, js_remove_page_listeners, (), {
  for (const listener of Module.bpListeners || []) {
    listener[0].removeEventListener(listener[1], listener[2], listener[3]);
  }
  Module.bpListeners = [];
  const sink = document.getElementById(Module.canvas.id + "-text");
  if (sink) sink.remove();
  // Emscripten's GL library wraps the canvas's getContext in a closure over the module (a Safari fix).
  if (Module.canvas.getContextSafariWebGL2Fixed) {
    delete Module.canvas.getContext;
    delete Module.canvas.getContextSafariWebGL2Fixed;
  }
  if (Module.bpAudio) Module.bpAudio.context.close().catch(() => {});
  Module.bpAudio = null;
});
}  // namespace

void shutdown() {
  g_frame = nullptr;
  g_paused = true;  // and no frame is scheduled again
  if (g_frame_scheduled) emscripten_cancel_animation_frame(g_animation_frame);
  g_frame_scheduled = false;
  emscripten_html5_remove_all_event_listeners();
  js_remove_page_listeners();
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_get_current_context();
  if (context > 0) emscripten_webgl_destroy_context(context);
}

bool init(const char* selector) {
  g_selector = selector;
  std::set_new_handler(out_of_memory);
  js_set_memory_limit(BP_MEMORY_LIMIT_BYTES);
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.preserveDrawingBuffer = EM_TRUE;  // screenshot() reads the canvas between frames
  // WebGL2 has all the app draws with; enabling every extension the browser offers (Emscripten's
  // default) cost 50–130 ms of the start under a software renderer. The surface renderer enables the
  // one it uses (KHR_parallel_shader_compile) itself.
  attrs.enableExtensionsByDefault = EM_FALSE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(selector, &attrs);
  if (context <= 0) return false;
  emscripten_webgl_make_context_current(context);

  IMGUI_CHECKVERSION();
  ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free);
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the URL holds the state; nothing in local storage
  io.BackendPlatformName = "backprop_playground_html5";
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplOpenGL3_Init("#version 300 es");

  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  emscripten_set_webglcontextlost_callback(selector, nullptr, EM_FALSE, on_context_lost);
  emscripten_set_webglcontextrestored_callback(selector, nullptr, EM_FALSE, on_context_restored);
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
  // Keys reach this instance only while it has the focus (its canvas, or its text sink while a field
  // is being edited), so neither the host page nor a second instance loses its keystrokes to it.
  js_text_sink_setup();
  static std::string sink_selector = std::string(selector) + "-text";
  emscripten_set_keydown_callback(selector, nullptr, EM_FALSE, on_key);
  emscripten_set_keyup_callback(selector, nullptr, EM_FALSE, on_key);
  static int from_sink = 1;
  emscripten_set_keydown_callback(sink_selector.c_str(), &from_sink, EM_FALSE, on_key);
  emscripten_set_keyup_callback(sink_selector.c_str(), &from_sink, EM_FALSE, on_key);
  js_listen_for_paste();
  js_listen_for_focus();
  return true;
}

void run(void (*frame)()) {
  g_frame = frame;
  wake();
}

void resized() {
  g_size_stale = true;
  wake();
}

void request_frame() {
  if (g_frame_scheduled || g_paused) return;  // set_paused(false) wakes the loop again
  g_frame_scheduled = true;
  g_animation_frame = emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void begin_frame() {
  update_size();
  update_fonts();
  // After an idle spell the first frame would see a huge step; animations get at most 0.1 s.
  static double last = emscripten_get_now();
  const double now = emscripten_get_now();
  ImGui::GetIO().DeltaTime = static_cast<float>(std::clamp((now - last) / 1000.0, 0.001, 0.1));
  last = now;
  feed_input_events();
  tab_order::begin_frame();
  g_gesture = g_gesture_next;
  g_gesture_next = Gesture{};
  g_claims.swap(g_claims_next);
  g_claims_next.clear();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
}

void end_frame() {
  ImGui::Render();
  tab_order::end_frame();
  g_escape_claimed = g_escape_claimed_next;
  g_escape_claimed_next = false;
  update_text_sink();
  g_last_build_ms = emscripten_get_now() - g_frame_start;
  g_build_ms[g_frames_timed % kTimedFrames] = g_last_build_ms;
  if (!g_presenting) return;  // the canvas keeps the last picture shown; the next frame is asked for
  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * g_ratio), static_cast<int>(io.DisplaySize.y * g_ratio));
  const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(clear.x, clear.y, clear.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

float pixel_ratio() { return g_ratio; }

void on_context_restored(void (*callback)()) {
  for (auto* known : g_on_context_restored) {
    if (known == callback) return;
  }
  g_on_context_restored.push_back(callback);
}

unsigned gl_generation() { return g_gl_generation; }

double last_frame_build_ms() { return g_last_build_ms; }

double frame_elapsed_ms() { return g_frame_start > 0 ? emscripten_get_now() - g_frame_start : 0; }

const Gesture& gesture() { return g_gesture; }

void claim_touch(ImVec2 min, ImVec2 max) { g_claims_next.emplace_back(min, max); }

void claim_escape() { g_escape_claimed_next = true; }

namespace {
EM_JS(int, js_prefers_reduced_motion, (), {
  return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 1 : 0;
});
}  // namespace

bool prefers_reduced_motion() { return js_prefers_reduced_motion() != 0; }

namespace {
// The query list is kept: asked every frame, it answers as the pointer changes (a tablet's keyboard cover).
EM_JS(int, js_coarse_pointer, (), {
  if (!Module.bpCoarsePointer) {
    Module.bpCoarsePointer = window.matchMedia ? window.matchMedia("(pointer: coarse)") : { matches: false };
  }
  return Module.bpCoarsePointer.matches ? 1 : 0;
});
}  // namespace

bool coarse_pointer() { return js_coarse_pointer() != 0; }

void fit_style_to_pointer(ImGuiStyle& style, float font_px) {
  if (!js_coarse_pointer()) return;
  constexpr float kTapTarget = 40;  // CSS pixels
  style.FramePadding.y = std::max(style.FramePadding.y, std::ceil((kTapTarget - font_px) / 2));
  style.ItemSpacing.y = std::max(style.ItemSpacing.y, 8.0f);
  style.ScrollbarSize = std::max(style.ScrollbarSize, 18.0f);
  style.GrabMinSize = std::max(style.GrabMinSize, 24.0f);
  style.TouchExtraPadding = ImVec2(4, 4);
}

namespace {
EM_JS(int, js_prefers_more_contrast, (), {
  return window.matchMedia && window.matchMedia("(prefers-contrast: more)").matches ? 1 : 0;
});
}  // namespace

bool prefers_more_contrast() { return js_prefers_more_contrast() != 0; }

void notify_ready() { js_notify_ready(); }

namespace {
// The callback travels to the timer in a box: C++ does not allow casting a function pointer to void*.
struct Task {
  void (*run)();
};
void run_task(void* task) {
  static_cast<Task*>(task)->run();
  delete static_cast<Task*>(task);
}
}  // namespace

void run_later(void (*callback)(), int delay_ms) { emscripten_set_timeout(run_task, delay_ms, new Task{callback}); }

bool enable_gl_extension(const char* name) {
  return emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), name);
}

}  // namespace bp::platform
