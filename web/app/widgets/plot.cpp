// Plot drawing and interaction.
#include "widgets/plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "widgets/curve_sampling.hpp"
#include "platform.hpp"
#include "widgets/opaque_fill.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

double nice_step(double span, int count) {
  const double raw = span / std::max(1, count);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / power;
  return power * (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10);
}

Plot::Plot(const char* id, ImVec2 size, PlotView& view, const PlotOptions& options) : view_(view) {
  const bool interactive = options.pan_and_zoom;
  min_ = ImGui::GetCursorScreenPos();
  max_ = ImVec2(min_.x + size.x, min_.y + size.y);
  ImGui::SetNextItemAllowOverlap();  // the fit button drawn over it takes its own clicks
  ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  id_ = ImGui::GetItemID();
  hovered_ = ImGui::IsItemHovered();
  is_focused_ = ImGui::IsItemFocused();
  double_clicked_ = hovered_ && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  draw_ = ImGui::GetWindowDrawList();
  if (interactive && ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0)) {
    const ImVec2 d = ImGui::GetIO().MouseDelta;  // right-drag pans; left-drag is for the point
    const double dx = d.x / (max_.x - min_.x) * (view.x_max - view.x_min);
    const double dy = d.y / (max_.y - min_.y) * (view.y_max - view.y_min);
    view.x_min -= dx, view.x_max -= dx, view.y_min += dy, view.y_max += dy;
  }
  if (interactive && hovered_ && ImGui::GetIO().MouseWheel != 0) {
    const double factor = std::pow(0.85, ImGui::GetIO().MouseWheel);  // zoom about the mouse
    const ImVec2 m = ImGui::GetIO().MousePos;
    const double cx = view.x_min + (m.x - min_.x) / (max_.x - min_.x) * (view.x_max - view.x_min);
    const double cy = view.y_max - (m.y - min_.y) / (max_.y - min_.y) * (view.y_max - view.y_min);
    view.x_min = cx + (view.x_min - cx) * factor, view.x_max = cx + (view.x_max - cx) * factor;
    view.y_min = cy + (view.y_min - cy) * factor, view.y_max = cy + (view.y_max - cy) * factor;
  }
  const platform::Gesture& g = platform::gesture();
  if (interactive && g.happened() && contains(g.center)) {  // two fingers: zoom about their centre, pan
    const double cx = view.x_min + (g.center.x - min_.x) / (max_.x - min_.x) * (view.x_max - view.x_min);
    const double cy = view.y_max - (g.center.y - min_.y) / (max_.y - min_.y) * (view.y_max - view.y_min);
    const double factor = 1.0 / g.zoom;
    view.x_min = cx + (view.x_min - cx) * factor, view.x_max = cx + (view.x_max - cx) * factor;
    view.y_min = cy + (view.y_min - cy) * factor, view.y_max = cy + (view.y_max - cy) * factor;
    const double dx = g.pan.x / (max_.x - min_.x) * (view.x_max - view.x_min);
    const double dy = g.pan.y / (max_.y - min_.y) * (view.y_max - view.y_min);
    view.x_min -= dx, view.x_max -= dx, view.y_min += dy, view.y_max += dy;
  }
  fill_opaque(draw_, min_, max_, theme::colors().plot_background);
  draw_->AddRect(min_, max_, IM_COL32(0, 0, 0, 40));
  draw_->PushClipRect(min_, max_, true);
  draw_axes();
}

void Plot::end() const { draw_->PopClipRect(); }

bool Plot::fit_control() const {
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize("fit").x + style.FramePadding.x * 2;
  ImGui::SetCursorScreenPos(ImVec2(max_.x - width - 6, min_.y + 6));
  ImGui::PushID(static_cast<int>(id_));
  const bool pressed = ImGui::Button("fit");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fit the view to the curve (or double-click the plot)");
  ImGui::PopID();
  ImGui::SetCursorScreenPos(cursor);
  return pressed || double_clicked_;
}

double Plot::screen_x(double x) const {
  const double v = view_.log_x ? std::log10(x) : x;
  return min_.x + (v - view_.x_min) / (view_.x_max - view_.x_min) * (max_.x - min_.x);
}

double Plot::screen_y(double y) const {
  const double v = view_.log_y ? std::log10(y) : y;
  return max_.y - (v - view_.y_min) / (view_.y_max - view_.y_min) * (max_.y - min_.y);
}

ImVec2 Plot::to_screen(double x, double y) const {
  auto clamp = [](double v) { return static_cast<float>(std::clamp(v, -1e6, 1e6)); };
  return ImVec2(clamp(screen_x(x)), clamp(screen_y(y)));
}

double Plot::x_at(float sx) const {
  const double v = view_.x_min + (sx - min_.x) / (max_.x - min_.x) * (view_.x_max - view_.x_min);
  return view_.log_x ? std::pow(10.0, v) : v;
}

double Plot::y_at(float sy) const {
  const double v = view_.y_max - (sy - min_.y) / (max_.y - min_.y) * (view_.y_max - view_.y_min);
  return view_.log_y ? std::pow(10.0, v) : v;
}

bool Plot::contains(ImVec2 p) const { return p.x >= min_.x && p.x <= max_.x && p.y >= min_.y && p.y <= max_.y; }

void Plot::draw_axes() const {
  char text[32];
  auto format = [&](double v, bool log) {
    if (log) {
      std::snprintf(text, sizeof text, "1e%d", static_cast<int>(std::lround(v)));
    } else {
      std::snprintf(text, sizeof text, "%g", std::fabs(v) < 1e-12 ? 0.0 : v);
    }
    return text;
  };
  const double width = max_.x - min_.x, height = max_.y - min_.y;
  // Decades on a log axis are as many as fit the plot's size (a phone's error plot is 100 px high).
  const int decades_x = std::clamp(static_cast<int>(width / 70), 2, 8);
  const int decades_y = std::clamp(static_cast<int>(height / 36), 2, 6);
  const double x_step = view_.log_x ? std::max(1.0, std::round(nice_step(view_.x_max - view_.x_min, decades_x)))
                                    : nice_step(view_.x_max - view_.x_min, static_cast<int>(width / 80));
  const double y_step = view_.log_y ? std::max(1.0, std::round(nice_step(view_.y_max - view_.y_min, decades_y)))
                                    : nice_step(view_.y_max - view_.y_min, static_cast<int>(height / 50));
  // Axis lines sit at zero when it is in view, else along the edge.
  const auto clamped = [](double v, float lo, float hi) {
    return static_cast<float>(std::clamp(v, double(lo), double(hi)));
  };
  const float axis_y = view_.log_y ? max_.y : clamped(screen_y(0), min_.y, max_.y);
  const float axis_x = view_.log_x ? min_.x : clamped(screen_x(0), min_.x, max_.x);
  for (double v = std::ceil(view_.x_min / x_step) * x_step; v <= view_.x_max; v += x_step) {
    const float sx = min_.x + static_cast<float>((v - view_.x_min) / (view_.x_max - view_.x_min) * width);
    draw_->AddLine(ImVec2(sx, min_.y), ImVec2(sx, max_.y), theme::colors().grid, theme::line_scale());
    const char* t = format(v, view_.log_x);
    const float ty = std::min(axis_y + 3, max_.y - ImGui::GetFontSize() - 2);
    draw_->AddText(ImVec2(sx + 3, ty), theme::colors().label, t);
  }
  for (double v = std::ceil(view_.y_min / y_step) * y_step; v <= view_.y_max; v += y_step) {
    const float sy = max_.y - static_cast<float>((v - view_.y_min) / (view_.y_max - view_.y_min) * height);
    draw_->AddLine(ImVec2(min_.x, sy), ImVec2(max_.x, sy), theme::colors().grid, theme::line_scale());
    const char* t = format(v, view_.log_y);
    const float tx = std::max(min_.x + 3, axis_x - ImGui::CalcTextSize(t).x - 4);
    if (std::fabs(v) > 1e-12 || view_.log_y) {
      draw_->AddText(ImVec2(tx, sy - ImGui::GetFontSize()), theme::colors().label, t);
    }
  }
  draw_->AddLine(ImVec2(min_.x, axis_y), ImVec2(max_.x, axis_y), theme::colors().axis, 1.5f * theme::line_scale());
  draw_->AddLine(ImVec2(axis_x, min_.y), ImVec2(axis_x, max_.y), theme::colors().axis, 1.5f * theme::line_scale());
}

CurveWindow Plot::window() const {
  return CurveWindow{view_.x_min, view_.x_max, view_.y_min, view_.y_max, max_.x - min_.x, max_.y - min_.y};
}

void Plot::runs(const std::vector<CurveRun>& runs, const Stroke& stroke) const {
  std::vector<ImVec2> points;
  for (const CurveRun& run : runs) {
    points.clear();
    for (const auto& [x, y] : run) points.push_back(to_screen(x, y));
    const int count = static_cast<int>(points.size());
    draw_->AddPolyline(points.data(), count, stroke.color, ImDrawFlags_None, stroke.thickness * theme::line_scale());
  }
}

void Plot::line(double x, double y, double slope, const Stroke& stroke) const {
  if (!std::isfinite(y) || !std::isfinite(slope)) return;
  const double x1 = view_.x_min, x2 = view_.x_max;
  draw_->AddLine(to_screen(x1, y + slope * (x1 - x)), to_screen(x2, y + slope * (x2 - x)), stroke.color,
                 stroke.thickness * theme::line_scale());
}

void Plot::segment(double x1, double y1, double x2, double y2, const Stroke& stroke) const {
  if (!std::isfinite(y1) || !std::isfinite(y2)) return;
  draw_->AddLine(to_screen(x1, y1), to_screen(x2, y2), stroke.color, stroke.thickness * theme::line_scale());
}

void Plot::point(double x, double y, const Marker& marker) const {
  if (!std::isfinite(y)) return;
  draw_->AddCircleFilled(to_screen(x, y), marker.radius, marker.color);
  draw_->AddCircle(to_screen(x, y), marker.radius, IM_COL32(255, 255, 255, 255), 0, 1.5f);
}

void Plot::label(double x, double y, const char* text, const LabelStyle& style) const {
  if (!std::isfinite(y)) return;
  const ImVec2 p = to_screen(x, y);
  draw_->AddText(ImVec2(p.x + style.offset.x, p.y + style.offset.y), style.color, text);
}

}  // namespace bp::app
