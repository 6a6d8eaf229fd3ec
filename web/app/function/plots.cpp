// The plots draw what the model computed; the only input they take is the view (pan, zoom) and x₀.
#include "function/plots.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "imgui_internal.h"  // SetKeyOwner: the focused plot's arrow keys move x₀, not the focus
#include "platform.hpp"
#include "race/race_view.hpp"
#include "state/embed_options.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/plot.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {
// Left-drag moves x₀ (anywhere in the plot: a point is hard to hit with a finger). A second finger
// landing turns the touch into a pinch: x₀ goes back to where it was before the first one.
void drag_x0(FunctionState& s, FunctionModel& m, const Plot& plot) {
  static double x0_at_press = s.x0;
  if (ImGui::IsItemActivated()) x0_at_press = s.x0;
  if (platform::gesture().happened() && plot.contains(platform::gesture().center)) s.x0 = x0_at_press;
  if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left) && !is_locked("x0")) {
    s.x0 = plot.x_at(ImGui::GetIO().MousePos.x);
    m.stop_descent();
  }
}

// The plot is a keyboard stop: ← and → move x₀ by a round step (about a fiftieth of the view, Shift:
// a fifth; 0.1 and 1 over the seed's x from -3 to 4), landing on multiples of it so the announced values stay short ("x₀ = 2.1").
void keyboard_x0(FunctionState& s, FunctionModel& m, const Plot& plot) {
  if (!plot.is_focused() || is_locked("x0")) return;
  ImGui::SetKeyOwner(ImGuiKey_LeftArrow, plot.id());
  ImGui::SetKeyOwner(ImGuiKey_RightArrow, plot.id());
  const int direction = (ImGui::IsKeyPressed(ImGuiKey_RightArrow, plot.id()) ? 1 : 0) -
                        (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, plot.id()) ? 1 : 0);
  if (!ImGui::GetCurrentContext()->NavDisableHighlight) {  // a focus ring when the keyboard got here
    ImGui::GetWindowDrawList()->AddRect(ImVec2(plot.min().x - 2, plot.min().y - 2),
                                        ImVec2(plot.max().x + 2, plot.max().y + 2),
                                        ImGui::GetColorU32(ImGuiCol_NavHighlight), 3, 0, 2.5f);
  }
  if (direction == 0) return;
  const double step = nice_step(plot.right() - plot.left(), ImGui::GetIO().KeyShift ? 5 : 50);
  s.x0 = (std::round(s.x0 / step) + direction) * step;
  if (std::fabs(s.x0) < step * 1e-9) s.x0 = 0;  // no "-1.1e-16" from the rounding
  m.stop_descent();
  platform::request_frame();
}
// The parabola with f's value, slope and curvature at x₀ (dashed look: short segments with gaps), and
// Newton's steps x ← x − f′/f″ racing descent's from the same start.
void taylor_and_newton(const Plot& plot, const FunctionSnapshot& snapshot) {
  const PointReading& p = snapshot.point;
  if (std::isfinite(p.curvature)) {
    constexpr int kPieces = 120;
    const double left = plot.left(), span = plot.right() - plot.left();
    for (int i = 0; i < kPieces; i += 2) {
      const double a = left + span * i / kPieces, b = left + span * (i + 1) / kPieces;
      plot.segment(a, taylor_parabola(p, a), b, taylor_parabola(p, b), {kTaylorColor, 2});
    }
  }
  const auto& newton = snapshot.newton_trail;
  const ImU32 newton_color = IM_COL32(160, 40, 40, 255);
  for (std::size_t i = 0; i + 1 < newton.size(); ++i) {
    plot.segment(newton[i].first, newton[i].second, newton[i + 1].first, newton[i + 1].second, {newton_color});
  }
  for (const auto& [x, y] : newton) plot.point(x, y, {newton_color, 3});
  if (!newton.empty()) plot.label(newton.back().first, newton.back().second, "Newton", {newton_color, ImVec2(6, 4)});
}
}  // namespace

bool function_plot(FunctionState& s, FunctionModel& m, ImVec2 size, double deadline, ImVec4& rect) {
  PlotView view{s.view_x_min, s.view_x_max, s.view_y_min, s.view_y_max};
  Plot plot("function_plot", size, view);
  s.view_x_min = view.x_min, s.view_x_max = view.x_max, s.view_y_min = view.y_min, s.view_y_max = view.y_max;
  drag_x0(s, m, plot);
  keyboard_x0(s, m, plot);
  const theme::Palette& colors = theme::colors();
  const PlotCurves curves = m.curves(plot.window(), s.show_derivative && !is_hidden("fprime"), deadline);
  if (curves.slopes) plot.runs(*curves.slopes, {colors.derivative, 1.5f});
  plot.runs(*curves.values, {colors.curve, 2.5f});

  const FunctionSnapshot& snapshot = m.snapshot(s);  // after the drag: of this frame's x₀
  const PointReading& p = snapshot.point;
  if (!is_hidden("tangent") && !is_hidden("slope")) plot.line(s.x0, p.value, p.slope, {colors.tangent});
  const Secant& secant = p.secant;
  if (!is_hidden("tangent") && !is_hidden("fd")) {  // its slope is the finite difference
    plot.line(secant.xa, secant.ya, secant.slope, {colors.secant});
    plot.point(secant.xa, secant.ya, {colors.secant, 4});
    plot.point(secant.xb, secant.yb, {colors.secant, 4});
  }
  if (s.show_taylor) taylor_and_newton(plot, snapshot);
  const auto& trail = snapshot.trail;
  for (std::size_t i = 0; i + 1 < trail.size(); ++i) {
    plot.segment(trail[i].first, trail[i].second, trail[i + 1].first, trail[i + 1].second, {colors.trail});
    plot.point(trail[i].first, trail[i].second, {colors.trail, 3});
  }
  draw_race_trails(plot.draw_list(), [&](double x, double y) { return plot.to_screen(x, y); });
  plot.point(s.x0, p.value, {colors.point, 6});
  // A finger that lands on the point drags it whichever way it then moves (a tap-sized square around it);
  // anywhere else on the plot an upward or downward swipe scrolls the page.
  const ImVec2 at = plot.to_screen(s.x0, p.value);
  if (plot.contains(at)) {
    platform::claim_touch(ImVec2(at.x - 22, at.y - 22), ImVec2(at.x + 22, at.y + 22));
    report_rect("x0 point", ImVec2(at.x - 22, at.y - 22), ImVec2(at.x + 22, at.y + 22));
  }
  rect = ImVec4(plot.min().x, plot.min().y, plot.max().x - plot.min().x, plot.max().y - plot.min().y);
  char text[64];
  std::snprintf(text, sizeof text, "x₀ = %.4g", s.x0);
  plot.label(s.x0, p.value, text, {colors.label});
  if (plot.fit_control()) {
    m.fit_view(s);
    platform::request_frame();  // drawn in the new view next frame
  }
  plot.end();
  return curves.is_sampling;
}

// Truncation error falls with h, round-off rises as h shrinks: the curve's V has its low point at
// the best h for this f and x₀.
void error_plot(const FunctionState& s, FunctionModel& m, ImVec2 size) {
  const ErrorCurve& c = m.error_curve(s);
  ImGui::TextWrapped(
      "|finite difference − exact| against h (log–log): truncation error falls as h shrinks, round-off rises");
  size.y -= ImGui::GetItemRectSize().y + ImGui::GetStyle().ItemSpacing.y;  // the caption, wrapped or not
  PlotView view = PlotView::log_log(-16, 0, -17, 2);
  PlotOptions fixed;
  fixed.pan_and_zoom = false;
  Plot plot("error_plot", size, view, fixed);
  const theme::Palette& colors = theme::colors();
  constexpr double kFloor = 1e-17;  // an exact zero sits on the plot's floor
  for (int i = 0; i + 1 < ErrorCurve::kSamples; ++i) {
    const double a = std::max(c.errors[i], kFloor), b = std::max(c.errors[i + 1], kFloor);
    plot.segment(c.hs[i], a, c.hs[i + 1], b, {colors.secant, 2});
  }
  if (std::isfinite(c.best)) {
    plot.point(c.best_h, c.best, {colors.trail, 5});
    char text[64];
    std::snprintf(text, sizeof text, "sweet spot h ≈ %.0e", c.best_h);
    plot.label(c.best_h, c.best, text, {colors.trail, ImVec2(8, 4)});
  }
  const PointReading& p = m.snapshot(s).point;
  plot.point(p.h, std::max(std::fabs(p.estimate - p.slope), kFloor), {colors.point, 6});
  plot.end();
}

}  // namespace bp::app
