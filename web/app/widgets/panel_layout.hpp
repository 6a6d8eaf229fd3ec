// How a mode's panel shares the room under the tabs. From kOneColumnBelow CSS px up: controls on the
// left, pictures on the right, each its own height. Below it: one column that scrolls as a whole, the
// pictures first at full width (so a phone opens on the picture), then the controls. Also the layout
// report (pictures' rectangles, tabs' widths) that the browser tests read through the page.
// ImGui only; no platform or page calls.
#pragma once

#include <string>

#include "imgui.h"

namespace bp::app {

// The widget's width (CSS px, its zoom divided out) below which every mode is one column.
constexpr float kOneColumnBelow = 700;

// True when the widget is narrower than kOneColumnBelow (decided from the viewport, any time).
bool is_one_column();

// The room one column leaves for the pictures: the visible height of the scrolling column.
float one_column_view_height();

struct PanelSplitOptions {
  float controls_share = 0.36f;  // side by side: the controls' share of the width, clamped to:
  float controls_min = 220;
  float controls_max = 360;
  float controls_margin = 20;    // right of the controls' items (their labels)
  float pictures_height = 0;     // one column: the pictures' height; 0: the column's visible height × 0.85
};

// One panel's split. Draw the controls between begin_controls() and end_controls(), then the pictures
// between begin_pictures() and end_pictures(), in that order whatever the layout.
class PanelSplit {
 public:
  explicit PanelSplit(const char* id, const PanelSplitOptions& options = {});
  bool is_one_column() const { return one_column_; }
  float controls_width() const { return controls_width_; }  // for SetNextItemWidth of the controls' items
  void begin_controls();
  void end_controls();
  ImVec2 begin_pictures();  // the room the pictures may fill
  void end_pictures();      // reports the pictures' rectangle as "<id> pictures"

 private:
  const char* id_;
  bool one_column_;
  float controls_width_;
  ImVec2 top_;       // one column: where the pictures start (window-local cursor)
  ImVec2 pictures_;  // the pictures' room
  float controls_bottom_ = 0;
};

// Begins the scrolling column a mode's panel lives in when one column (a plain group otherwise);
// main.cpp calls these around every panel.
void begin_mode_column();
void end_mode_column();

// --- the layout report ---------------------------------------------------------------------------
// Forgets last frame's rectangles; call at the start of a frame.
void begin_layout_report(const char* mode);
// The last drawn item's rectangle under `name`, with the window that clips it.
void report_last_item(const std::string& name);
// A rectangle (screen coordinates) under `name`, clipped by the current window.
void report_rect(const std::string& name, ImVec2 min, ImVec2 max);
// The last drawn tab's label, rectangle, and whether the tab bar had to shorten it.
void report_tab(const char* label, bool is_cut);
// {"width","height","one_column","mode","rects":[{"name","box":[x,y,w,h],"clip":[x,y,w,h]}],
//  "tabs":[{"label","cut","box":[x,y,w,h]}]} of the last finished frame (CSS px).
std::string layout_json();

}  // namespace bp::app
