// The two-variable view's panel: the field for f, the point (x₀, y₀), h and the scheme, the readouts of
// ∇f with their finite differences and the directional derivative, the toggles, and the map or the surface.
// No number is computed here: plane/model.hpp does it.
#include "plane/panel.hpp"
#include "race/race_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "fonts.hpp"
#include "function/step_controls.hpp"
#include "imgui.h"
#include "plane/model.hpp"
#include "plane/views.hpp"
#include "platform.hpp"
#include "state/choices.hpp"
#include "state/description.hpp"
#include "state/embed_options.hpp"
#include "widgets/export.hpp"
#include "widgets/expression_field.hpp"
#include "widgets/number_field.hpp"
#include "widgets/number_text.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

PlaneModel& model() {
  static PlaneModel m;
  return m;
}

// "name   value", the value beside the name when the line has room, else under it; a non-finite value is named.
void readout(const std::string& name, double value, ImU32 color = 0) {
  constexpr float kValueColumn = 150;
  const std::string text = number_text(value);
  ImGui::TextUnformatted(name.c_str());
  ImGui::PushFont(platform::fonts().mono);
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  const float name_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 8;
  if (std::max(kValueColumn, name_end) + width <= ImGui::GetWindowContentRegionMax().x) {
    ImGui::SameLine(std::max(kValueColumn, name_end));
  } else {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 12);
  }
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text.c_str());
  if (color) ImGui::PopStyleColor();
  ImGui::PopFont();
  if (!std::isfinite(value)) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped(std::isnan(value) ? "  not a number: undefined here" : "  infinite here");
    ImGui::PopStyleColor();
  }
}

std::string brief(double v) {
  if (!std::isfinite(v)) return number_text(v);
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

void point_inputs(FunctionState& s, const PlaneModel& m, float width) {
  NumberFieldOptions field;
  field.width = width;
  field.limits = {-1e12, 1e12};
  field.read_only = is_locked("x0");
  number_field((m.horizontal() + "₀").c_str(), s.x0, field);
  number_field((m.vertical() + "₀").c_str(), s.plane.y0, field);
  step_controls(s, width);
}

// A dimmed remark under a read-out, wrapped at the panel's edge (a narrow panel cut it off there).
void dim_note(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void readouts(FunctionState& s, const PlaneModel& m, const PlaneReading& r, float width) {
  const std::string& a = m.horizontal();
  const std::string& b = m.vertical();
  const theme::Palette& colors = theme::colors();
  ImGui::Separator();
  readout("f(" + a + "₀, " + b + "₀)", r.value);
  readout("∂f/∂" + a + " exact", r.dfdx, colors.tangent);
  readout("  finite difference", r.estimate_x, colors.secant);
  readout("∂f/∂" + b + " exact", r.dfdy, colors.tangent);
  readout("  finite difference", r.estimate_y, colors.secant);
  dim_note("  exact: reverse-mode autodiff; " + std::string(name_of(scheme_choices(), r.scheme)) + " difference, h = " +
           number_text(r.h));
  readout("|∇f|", std::hypot(r.dfdx, r.dfdy));
  ImGui::Separator();
  NumberFieldOptions angle;
  angle.width = width;
  angle.limits = {-360, 360};
  angle.read_only = is_locked("dir");
  number_field("direction θ°", s.plane.direction, angle);
  readout("slope along θ", r.directional, IM_COL32(230, 120, 0, 255));
  dim_note("  ∇f · (cos θ, sin θ): drag the orange handle");
}

// Returns true while the optimizer race plays (it needs more frames).
bool controls(FunctionState& s, PlaneModel& m, float width) {
  ImGui::TextUnformatted("Function of two variables");
  ExpressionFieldOptions field;
  field.width = width;
  field.read_only = is_locked("expr");
  expression_field("f", s.text, m.error(), field);  // a new text is compiled at the next frame's begin
  if (!m.has_function()) return false;
  ImGui::TextDisabled("%s across, %s up", m.horizontal().c_str(), m.vertical().c_str());
  ImGui::Separator();
  point_inputs(s, m, width);
  const PlaneReading& r = m.reading(s);
  readouts(s, m, r, width);
  ImGui::Separator();
  ImGui::Checkbox("gradient field", &s.plane.show_field);
  ImGui::SameLine();
  ImGui::Checkbox("level curve", &s.plane.show_level);
  bool is_first = true;
  for (const auto& choice : plane_view_choices()) {
    if (!is_first) ImGui::SameLine();
    is_first = false;
    const char* label = choice.value == PlaneView::kMap ? "heat map" : "3-D surface";
    if (ImGui::RadioButton(label, s.plane.view == choice.value)) s.plane.view = choice.value;
  }
  ImGui::Separator();
  const bool racing = race_section(s, {{m.horizontal(), s.x0}, {m.vertical(), s.plane.y0}}, width);
  if (!m.error()) {
    describe("Function mode, two variables: f is " + s.text + ". At " + m.horizontal() + " = " + brief(s.x0) + ", " +
             m.vertical() + " = " + brief(s.plane.y0) + ": f = " + brief(r.value) + ", ∂f/∂" + m.horizontal() +
             " = " + brief(r.dfdx) + ", ∂f/∂" + m.vertical() + " = " + brief(r.dfdy) + ", slope along " +
             brief(s.plane.direction) + "° = " + brief(r.directional) + ". Arrow keys on the map move the point.");
  } else {
    describe("Function mode. The function " + s.text + " has an error: " + m.error()->message + ".");
  }
  return racing;
}

}  // namespace

bool shows_two_variables(const std::string& text) {
  static ViewChoice choice;
  return choice.is_two_variable(text);
}

bool plane_panel(FunctionState& s) {
  PlaneModel& m = model();
  m.begin_frame(s);
  PanelSplitOptions layout;
  layout.pictures_height = std::max(300.0f, one_column_view_height() * 0.8f);
  PanelSplit split("plane_controls", layout);
  static ImVec4 picture;  // the picture's x, y, width, height on screen (last frame's), for its PNG
  split.begin_controls();
  const bool racing = controls(s, m, split.controls_width());
  if (m.has_function()) {
    ImGui::Separator();
    if (ImGui::Button("picture PNG")) download_png("function-plane.png", picture.x, picture.y, picture.z, picture.w);
  }
  split.end_controls();
  const ImVec2 size = split.begin_pictures();
  bool animating = false;
  if (m.has_function()) {
    const bool is_stale = m.error() != nullptr;
    if (is_stale) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
    animating = s.plane.view == PlaneView::kMap ? map_view(s, m, size, picture) : surface_view(s, m, size, picture);
    if (is_stale) ImGui::PopStyleVar();
  } else {
    ImGui::Dummy(ImVec2(size.x, ImGui::GetTextLineHeight()));
    ImGui::TextDisabled("Fix the function to see its map.");
  }
  split.end_pictures();
  return animating || racing;
}

}  // namespace bp::app
