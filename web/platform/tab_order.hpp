// The app's controls in reading order, for Tab and Shift+Tab. Dear ImGui's own tabbing stays inside
// one window's focus scope (so it skips the panels' child windows) and wraps at the ends (so a
// keyboard user could never leave the canvas). Here every control of the frame is one list across
// windows; Tab past the last one (Shift+Tab before the first) is left to the browser, which moves the
// focus on to the host page. Items are collected through Dear ImGui's item hook
// (IMGUI_ENABLE_TEST_ENGINE, web/CMakeLists.txt); nothing else of its test engine is used.
#pragma once

#include <string>

#include "imgui.h"
#include "imgui_internal.h"

namespace bp::platform::tab_order {

// One control the keyboard can stop on, as the last frame drew it.
struct Stop {
  ImGuiID id = 0;
  ImGuiWindow* window = nullptr;
  ImGuiID focus_scope = 0;
  ImRect rect;             // absolute, CSS pixels
  bool inputable = false;  // a text field, slider or number: tabbing in edits its value
  std::string label;       // as the app named it ("h", "##text"), for tests
};

// Around each frame: start collecting, then order what was collected (after ImGui::Render()).
void begin_frame();
void end_frame();

// The stop after (dir = +1) or before (dir = -1) the control `from`; from a control that is not in
// the list, the first (or last). Null past either end: the focus leaves the widget there.
const Stop* step(ImGuiID from, int dir);
// The first or last stop (dir = +1 or -1), or null when the frame had none.
const Stop* end(int dir);

// Moves the keyboard focus to `stop` with a visible focus ring, scrolled into view; a text field or
// a number is opened for typing, as tabbing in ImGui does. Call between frames.
void focus(const Stop& stop);
// Forgets the keyboard focus (the focus left the widget): no ring, nothing active.
void clear_focus();

// The last frame's stops as JSON, for the browser tests: [{"label", "x", "y", "w", "h", "focused",
// "active"}, ...] in tab order (CSS pixels), so a test finds a control by its label, not its place.
std::string json();

}  // namespace bp::platform::tab_order
