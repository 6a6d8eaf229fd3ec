// The heat map: the GPU draws f's colours and contours under the plot's axes (plane/heat_map_renderer.hpp);
// on top, the level curve, the gradient field, ∇f at the point and the direction of the directional derivative.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "clock.hpp"
#include "imgui_internal.h"  // SetKeyOwner: the focused map's arrow keys move the point, not the focus
#include "plane/heat_map_renderer.hpp"
#include "plane/views.hpp"
#include "race/race_view.hpp"
#include "platform.hpp"
#include "state/embed_options.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/plot.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

constexpr int kGridSize = 256;      // f's samples per side: the texture the shader interpolates
constexpr double kSamplingMs = 2;   // what sampling may take of a frame (issue 16's budget)
constexpr float kArrowPixels = 64;  // ∇f's arrow and the direction's circle, CSS pixels

enum class Drag { kNone, kPoint, kDirection, kPan };

// Orange: apart from ∇f's red on every colour of the map.
constexpr ImU32 kDirectionColor = IM_COL32(255, 150, 30, 255);

void arrow(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float thickness) {
  const float dx = to.x - from.x, dy = to.y - from.y, length = std::sqrt(dx * dx + dy * dy);
  if (!(length > 1)) return;
  const float ux = dx / length, uy = dy / length, head = std::min(10.0f, length * 0.4f) * theme::line_scale();
  const ImVec2 base(to.x - ux * head, to.y - uy * head);
  draw->AddLine(from, base, color, thickness * theme::line_scale());
  draw->AddTriangleFilled(to, ImVec2(base.x - uy * head * 0.5f, base.y + ux * head * 0.5f),
                          ImVec2(base.x + uy * head * 0.5f, base.y - ux * head * 0.5f), color);
}

void pan(PlotView& view, ImVec2 size) {
  const ImVec2 d = ImGui::GetIO().MouseDelta;
  const double dx = d.x / size.x * (view.x_max - view.x_min);
  const double dy = d.y / size.y * (view.y_max - view.y_min);
  view.x_min -= dx, view.x_max -= dx, view.y_min += dy, view.y_max += dy;
}

// ← → move x₀, ↑ ↓ move y₀ by a round step (a fiftieth of the view, Shift: a fifth).
void keyboard_point(FunctionState& s, const Plot& plot) {
  if (!plot.is_focused() || is_locked("x0")) return;
  for (ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow}) {
    ImGui::SetKeyOwner(key, plot.id());
  }
  if (!ImGui::GetCurrentContext()->NavDisableHighlight) {  // a focus ring when the keyboard got here
    ImGui::GetWindowDrawList()->AddRect(ImVec2(plot.min().x - 2, plot.min().y - 2),
                                        ImVec2(plot.max().x + 2, plot.max().y + 2),
                                        ImGui::GetColorU32(ImGuiCol_NavHighlight), 3, 0, 2.5f);
  }
  const auto pressed = [&](ImGuiKey key) { return ImGui::IsKeyPressed(key, plot.id()) ? 1 : 0; };
  const int across = pressed(ImGuiKey_RightArrow) - pressed(ImGuiKey_LeftArrow);
  const int up = pressed(ImGuiKey_UpArrow) - pressed(ImGuiKey_DownArrow);
  if (across == 0 && up == 0) return;
  const double step = nice_step(plot.right() - plot.left(), ImGui::GetIO().KeyShift ? 5 : 50);
  const auto move = [step](double& v, int direction) {
    if (direction == 0) return;
    v = (std::round(v / step) + direction) * step;
    if (std::fabs(v) < step * 1e-9) v = 0;  // no "-1.1e-16" from the rounding
  };
  move(s.x0, across);
  move(s.plane.y0, up);
  platform::request_frame();
}

// Arrows of ∇f on a grid about 44 px apart, as long as the spacing where |∇f| is largest in view.
void gradient_field(PlaneModel& m, const Plot& plot) {
  const float spacing = 44 * theme::line_scale();
  const int across = std::max(2, static_cast<int>((plot.max().x - plot.min().x) / spacing));
  const int up = std::max(2, static_cast<int>((plot.max().y - plot.min().y) / spacing));
  std::vector<double> xs, ys;
  for (int j = 0; j < up; ++j) {
    for (int i = 0; i < across; ++i) {
      const float u = (static_cast<float>(i) + 0.5f) / static_cast<float>(across);
      const float v = (static_cast<float>(j) + 0.5f) / static_cast<float>(up);
      xs.push_back(plot.x_at(plot.min().x + u * (plot.max().x - plot.min().x)));
      ys.push_back(plot.y_at(plot.min().y + v * (plot.max().y - plot.min().y)));
    }
  }
  std::vector<double> values(xs.size()), gx(xs.size()), gy(xs.size());
  m.gradients(xs.data(), ys.data(), xs.size(), values.data(), gx.data(), gy.data());
  double largest = 0;
  for (std::size_t k = 0; k < xs.size(); ++k) {
    const double g = std::hypot(gx[k], gy[k]);
    if (std::isfinite(g)) largest = std::max(largest, g);
  }
  if (!(largest > 0)) return;
  for (std::size_t k = 0; k < xs.size(); ++k) {
    const double g = std::hypot(gx[k], gy[k]);
    if (!std::isfinite(g) || !(g > 0)) continue;
    const double length = 0.8 * spacing * std::sqrt(g / largest);  // √: small gradients still show a direction
    const ImVec2 at = plot.to_screen(xs[k], ys[k]);
    const ImVec2 tip(at.x + static_cast<float>(gx[k] / g * length), at.y - static_cast<float>(gy[k] / g * length));
    const ImVec2 tail(2 * at.x - tip.x, 2 * at.y - tip.y);  // centred on its point
    arrow(plot.draw_list(), tail, tip, IM_COL32(0, 0, 0, 110), 2.6f);  // a dark rim: visible on yellow too
    arrow(plot.draw_list(), tail, tip, IM_COL32(255, 255, 255, 220), 1.2f);
  }
}

void level_curve(FunctionState& s, PlaneModel& m, const Plot& plot, const PlotView& view) {
  const auto& segments = m.level_curve(s, view.x_min, view.x_max, view.y_min, view.y_max);
  // A whole number of pixels: ImGui then draws each of the curve's (up to thousands of) segments from its
  // baked anti-aliased line texture, 4 vertices instead of 8 and a third of the indices.
  const float thickness = std::round(2.5f * theme::line_scale());
  for (const auto& [x1, y1, x2, y2] : segments) {
    plot.draw_list()->AddLine(plot.to_screen(x1, y1), plot.to_screen(x2, y2), IM_COL32(255, 255, 255, 235), thickness);
  }
}

}  // namespace

bool map_view(FunctionState& s, PlaneModel& m, ImVec2 size, ImVec4& rect) {
  static Drag drag = Drag::kNone;
  const double deadline = now_ms() + kSamplingMs;
  PlaneState& p = s.plane;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) drag = Drag::kNone;
  // The state keeps the window asked for; the map draws it with square pixels at this size.
  const PlaneWindow shown = shown_window({s.view_x_min, s.view_x_max, p.view_y_min, p.view_y_max}, size.x, size.y);
  PlotView view{shown.x_min, shown.x_max, shown.y_min, shown.y_max};
  if (drag == Drag::kPan && !platform::gesture().happened()) pan(view, size);  // this frame's move, before the axes
  PlotOptions options;
  options.underlay = [&](ImDrawList* draw, ImVec2 lo, ImVec2 hi) {
    const SampledGrid& grid = m.grid(view.x_min, view.x_max, view.y_min, view.y_max, kGridSize, deadline);
    if (heat_map_renderer_ready(draw)) {
      draw_heat_map_on_gpu(draw, lo, hi, grid, view.x_min, view.x_max, view.y_min, view.y_max);
    } else {
      draw_heat_map_on_cpu(draw, lo, hi, grid);
    }
  };
  Plot plot("plane_map", size, view, options);
  // Panned or zoomed (the drag above, or the plot's wheel, pinch or right-drag): what is seen is now what is asked
  // for. Otherwise the state keeps its window, so a link gives back what it said.
  if (!(PlaneWindow{view.x_min, view.x_max, view.y_min, view.y_max} == shown)) {
    s.view_x_min = view.x_min, s.view_x_max = view.x_max, p.view_y_min = view.y_min, p.view_y_max = view.y_max;
  }
  report_rect("plane map", plot.min(), plot.max());

  const float radius = kArrowPixels * theme::line_scale();
  const double theta = p.direction * M_PI / 180;
  ImVec2 at = plot.to_screen(s.x0, p.y0);
  ImVec2 handle(at.x + radius * static_cast<float>(std::cos(theta)),
                at.y - radius * static_cast<float>(std::sin(theta)));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const auto near = [&](ImVec2 a, float r) { return std::hypot(mouse.x - a.x, mouse.y - a.y) <= r; };
  if (ImGui::IsItemActivated() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    drag = near(handle, 20) && !is_locked("dir") ? Drag::kDirection : near(at, 24) ? Drag::kPoint : Drag::kPan;
  }
  if (drag == Drag::kPoint && ImGui::IsItemActive() && !is_locked("x0")) {
    s.x0 = plot.x_at(mouse.x), p.y0 = plot.y_at(mouse.y);
  }
  if (drag == Drag::kDirection && ImGui::IsItemActive()) {
    const double degrees = std::atan2(-(mouse.y - at.y), mouse.x - at.x) * 180 / M_PI;
    p.direction = std::round(degrees * 10) / 10;
  }
  keyboard_point(s, plot);
  const PlaneReading& r = m.reading(s);  // of this frame's point
  at = plot.to_screen(s.x0, p.y0);
  const double dir = p.direction * M_PI / 180;
  handle = ImVec2(at.x + radius * static_cast<float>(std::cos(dir)), at.y - radius * static_cast<float>(std::sin(dir)));

  ImDrawList* draw = plot.draw_list();
  if (p.show_field) gradient_field(m, plot);
  if (p.show_level) level_curve(s, m, plot, view);
  draw_race_trails(draw, [&](double x, double y) { return plot.to_screen(x, y); });
  const theme::Palette& colors = theme::colors();
  draw->AddCircle(at, radius, IM_COL32(255, 255, 255, 120), 0, 1.0f);
  arrow(draw, at, handle, kDirectionColor, 2.0f);
  draw->AddCircleFilled(handle, 7, kDirectionColor);
  draw->AddCircle(handle, 7, IM_COL32(255, 255, 255, 255), 0, 1.5f);
  const double g = std::hypot(r.dfdx, r.dfdy);
  if (std::isfinite(g) && g > 0) {
    const ImVec2 tip(at.x + radius * static_cast<float>(r.dfdx / g), at.y - radius * static_cast<float>(r.dfdy / g));
    arrow(draw, at, tip, colors.tangent, 3.0f);
    draw->AddText(ImVec2(tip.x + 4, tip.y - 16), IM_COL32(255, 255, 255, 255), "∇f");
  }
  draw->AddCircleFilled(at, 6, colors.point);
  draw->AddCircle(at, 6, IM_COL32(255, 255, 255, 255), 0, 1.5f);
  if (plot.contains(at)) {  // a finger on the point or the handle drags it; elsewhere a swipe scrolls the page
    platform::claim_touch(ImVec2(at.x - 22, at.y - 22), ImVec2(at.x + 22, at.y + 22));
    report_rect("plane point", ImVec2(at.x - 22, at.y - 22), ImVec2(at.x + 22, at.y + 22));
  }
  if (plot.contains(handle)) {
    platform::claim_touch(ImVec2(handle.x - 18, handle.y - 18), ImVec2(handle.x + 18, handle.y + 18));
    report_rect("plane direction", ImVec2(handle.x - 18, handle.y - 18), ImVec2(handle.x + 18, handle.y + 18));
  }
  rect = ImVec4(plot.min().x, plot.min().y, plot.max().x - plot.min().x, plot.max().y - plot.min().y);
  if (plot.fit_control()) {
    m.fit_view(s);
    platform::request_frame();
  }
  plot.end();
  return drag != Drag::kNone || m.is_sampling();
}

}  // namespace bp::app
