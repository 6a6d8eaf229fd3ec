// A 2-D plot drawn with ImGui's draw list: axes, ticks and labels, pan (drag) and zoom (wheel),
// linear or logarithmic axes, and curves that break at poles and jumps instead of drawing false
// vertical lines.
#pragma once

#include <functional>
#include <vector>

#include "widgets/curve_sampling.hpp"
#include "imgui.h"

namespace bp::app {

struct PlotView {
  double x_min = -1, x_max = 1, y_min = -1, y_max = 1;  // for a log axis: log10 of the bounds
  bool log_x = false, log_y = false;
  // Both axes logarithmic; the bounds are powers of ten (−16 for 1e-16).
  static PlotView log_log(double x_min, double x_max, double y_min, double y_max) {
    return PlotView{x_min, x_max, y_min, y_max, true, true};
  }
};

struct PlotOptions {
  bool pan_and_zoom = true;  // false: the view stays as given (the error plot's fixed decades)
  // Drawn over the background and under the grid and axes, in the view after this frame's pan and zoom
  // (the two-variable view's heat map); called with the plot's screen rectangle.
  std::function<void(ImDrawList*, ImVec2 min, ImVec2 max)> underlay;
};

struct Stroke {
  ImU32 color = 0;
  float thickness = 1.5f;  // pixels
};

struct Marker {
  ImU32 color = 0;
  float radius = 5.0f;  // pixels; drawn with a white ring
};

struct LabelStyle {
  ImU32 color = 0;
  ImVec2 offset = ImVec2(6, -18);  // pixels from the point to the text's top left
};

class Plot {
 public:
  // Lays out a plot of `size` at the cursor and, unless options say otherwise, pans (right-drag) and
  // zooms (wheel, pinch) `view`, which must outlive the plot.
  Plot(const char* id, ImVec2 size, PlotView& view, const PlotOptions& options = {});

  ImVec2 to_screen(double x, double y) const;
  double x_at(float screen_x) const;   // data x under a screen position
  double y_at(float screen_y) const;
  bool contains(ImVec2 p) const;
  bool hovered() const { return hovered_; }
  ImGuiID id() const { return id_; }
  // True while the plot has keyboard focus (Tab reached it, or a click): the caller's arrow keys.
  bool is_focused() const { return is_focused_; }
  // Draws a "fit" button in the plot's top right corner; true when it or a double-click on the plot
  // asks for the view to fit again. Call before end().
  bool fit_control() const;
  ImDrawList* draw_list() const { return draw_; }
  ImVec2 min() const { return min_; }
  ImVec2 max() const { return max_; }
  double left() const { return view_.x_min; }
  double right() const { return view_.x_max; }

  // The window curve sampling needs for this plot: its view and its size on screen.
  CurveWindow window() const;
  // Draws runs sampled earlier (perhaps for another view, while a new sampling is under way).
  void runs(const std::vector<CurveRun>& runs, const Stroke& stroke) const;
  // A straight line through (x, y) with slope m, clipped to the plot.
  void line(double x, double y, double slope, const Stroke& stroke) const;
  void segment(double x1, double y1, double x2, double y2, const Stroke& stroke) const;
  void point(double x, double y, const Marker& marker) const;
  void label(double x, double y, const char* text, const LabelStyle& style) const;
  // Ends clipping; call once after drawing.
  void end() const;

 private:
  void draw_axes() const;
  double screen_x(double x) const;
  double screen_y(double y) const;
  const PlotView& view_;
  ImDrawList* draw_;
  ImVec2 min_, max_;
  ImGuiID id_ = 0;
  bool hovered_ = false;
  bool is_focused_ = false;
  bool double_clicked_ = false;
};

// A nice tick step for `span` covered by about `count` ticks: 1, 2 or 5 × 10^k.
double nice_step(double span, int count);

}  // namespace bp::app
