// A 2-D plot drawn with ImGui's draw list: axes, ticks and labels, pan (drag) and zoom (wheel),
// linear or logarithmic axes, and curves that break at poles and jumps instead of drawing false
// vertical lines.
#pragma once

#include <functional>

#include "function/curve_sampling.hpp"
#include "imgui.h"

namespace bp::app {

struct PlotView {
  double x_min = -1, x_max = 1, y_min = -1, y_max = 1;  // for a log axis: log10 of the bounds
  bool log_x = false, log_y = false;
};

class Plot {
 public:
  // Lays out a plot of `size` at the cursor and handles pan and zoom on `view` (unless fixed).
  Plot(const char* id, ImVec2 size, PlotView& view, bool interactive = true);

  ImVec2 to_screen(double x, double y) const;
  double x_at(float screen_x) const;   // data x under a screen position
  double y_at(float screen_y) const;
  bool contains(ImVec2 p) const;
  bool hovered() const { return hovered_; }
  ImDrawList* draw_list() const { return draw_; }
  ImVec2 min() const { return min_; }
  ImVec2 max() const { return max_; }
  double left() const { return view_.x_min; }
  double right() const { return view_.x_max; }

  // Samples f adaptively (curve_sampling.hpp) and draws it, with gaps at poles and jumps. Linear axes.
  void curve(const std::function<double(double)>& f, ImU32 color, float thickness = 2.0f) const;
  // The window curve sampling needs for this plot: its view and its size on screen.
  CurveWindow window() const;
  // Draws runs sampled earlier (perhaps for another view, while a new sampling is under way).
  void runs(const std::vector<CurveRun>& runs, ImU32 color, float thickness = 2.0f) const;
  // A straight line through (x, y) with slope m, clipped to the plot.
  void line(double x, double y, double slope, ImU32 color, float thickness = 1.5f) const;
  void segment(double x1, double y1, double x2, double y2, ImU32 color, float thickness = 1.5f) const;
  void point(double x, double y, ImU32 color, float radius = 5.0f) const;
  void label(double x, double y, const char* text, ImU32 color, ImVec2 offset = ImVec2(6, -18)) const;
  // Ends clipping; call once after drawing.
  void end() const;

 private:
  void draw_axes() const;
  double screen_x(double x) const;
  double screen_y(double y) const;
  const PlotView& view_;
  ImDrawList* draw_;
  ImVec2 min_, max_;
  bool hovered_ = false;
};

// A nice tick step for `span` covered by about `count` ticks: 1, 2 or 5 × 10^k.
double nice_step(double span, int count);

}  // namespace bp::app
