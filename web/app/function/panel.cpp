// Function mode panel: draws the model's snapshot (function/model.hpp) and turns the learner's
// input into state changes and model calls. No number is computed here.
#include "function/panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "clock.hpp"
#include "exercise/answer_panel.hpp"
#include "exercise/results.hpp"
#include "exercise/truths.hpp"
#include "fonts.hpp"
#include "function/model.hpp"
#include "function/plots.hpp"
#include "function/seed_table.hpp"
#include "function/step_controls.hpp"
#include "imgui.h"
#include "plane/panel.hpp"
#include "platform.hpp"
#include "race/race_view.hpp"
#include "state/choices.hpp"
#include "state/description.hpp"
#include "state/embed_options.hpp"
#include "widgets/export.hpp"
#include "widgets/expression_field.hpp"
#include "widgets/listen.hpp"
#include "widgets/number_field.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

// What the panel's heavy work (compiling, sampling curves) may take of a frame. A 20,000-character
// function (the most a field and a link hold) is compiled over a few frames and plotted over a few
// more, so no frame of a 60 Hz page stalls for long.
constexpr double kWorkBudgetMs = 12;

FunctionModel& model() {
  static FunctionModel m;
  return m;
}

const char* scheme_formula(Scheme s) {
  switch (s) {
    case Scheme::kForward: return "(f(x₀+h) − f(x₀)) / h";
    case Scheme::kCentral: return "(f(x₀+h) − f(x₀−h)) / 2h";
    case Scheme::kBackward: return "(f(x₀) − f(x₀−h)) / h";
  }
  return "";
}

// "name   value" with every digit of the value: beside the name when the line has room, else on the
// next line (a narrow panel cut 0.45464871341284085 to "0.45"); hovering shows it again.
void readout(const char* name, double value, ImU32 color = 0) {
  constexpr float kValueColumn = 170;
  const std::string text = number_text(value);
  ImGui::TextUnformatted(name);
  ImGui::PushFont(platform::fonts().mono);
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  const float right = ImGui::GetWindowContentRegionMax().x;
  const float name_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 8;
  if (std::max(kValueColumn, name_end) + width <= right) {
    ImGui::SameLine(std::max(kValueColumn, name_end));
  } else {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 12);
  }
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s = %s", name, text.c_str());
  ImGui::PopFont();
  if (color) ImGui::PopStyleColor();
  if (!std::isfinite(value)) {  // a domain error is named, not left as silent garbage
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped(std::isnan(value) ? "  not a number: undefined here (log or √ of a negative, 0/0, ∞ − ∞)"
                                         : "  infinite here (a division by zero or an overflow)");
    ImGui::PopStyleColor();
  }
}

// x₀, h and the scheme; the inputs change the state before the readouts below are taken.
void point_inputs(FunctionState& s, float width) {
  NumberFieldOptions x0_field;
  x0_field.width = width;
  x0_field.limits = {-1e12, 1e12};
  x0_field.read_only = is_locked("x0");
  number_field("x₀", s.x0, x0_field);
  step_controls(s, width);
}

void point_readouts(const FunctionState& s, const PointReading& p, bool is_stale) {
  // What a screen reader hears first after each move of x₀: "x₀ = 2.1, f = 6.42, slope 5.4"; six
  // digits (the screen shows them all), NaN and ∞ as words.
  const auto brief = [](double v) {
    if (!std::isfinite(v)) return number_text(v);
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return std::string(text);
  };
  // A hidden result (an exercise's hide=) is left out of the words as of the screen.
  const bool show_fx = !is_hidden("fx"), show_slope = !is_hidden("slope"), show_fd = !is_hidden("fd");
  const std::string said = "x₀ = " + brief(p.x0) + (show_fx ? ", f = " + brief(p.value) : "") +
                           (show_slope ? ", slope " + brief(p.slope) : "") + ". Function mode, f is " + s.text +
                           "; the " + std::string(name_of(scheme_choices(), p.scheme)) +
                           " finite difference with h = " + number_text(p.h) +
                           (show_fd ? " gives " + number_text(p.estimate) : " is asked of you") + ".";
  if (!is_stale) describe(said);
  ImGui::Separator();
  if (show_fx) readout("f(x₀)", p.value), show_result("fx", p.value);
  if (show_slope) {
    readout("exact slope f′(x₀)", p.slope, theme::colors().tangent);
    ImGui::TextDisabled("  reverse-mode autodiff");
    show_result("slope", p.slope);
  }
  if (show_fd) {
    readout("finite difference", p.estimate, theme::colors().secant);
    ImGui::TextDisabled("  %s", scheme_formula(p.scheme));
    show_result("fd", p.estimate);
  }
  if (!is_hidden("diff")) readout("difference", p.estimate - p.slope), show_result("diff", p.estimate - p.slope);
}

// The Taylor parabola at x₀ (f″ from the symbolic f′) and Newton's trail beside descent's, on the plot.
void second_order(FunctionState& s, const PointReading& p) {
  ImGui::Checkbox("show the Taylor parabola and Newton", &s.show_taylor);
  if (!s.show_taylor) return;
  readout("curvature f″(x₀)", p.curvature, kTaylorColor);
  ImGui::TextDisabled("  f(x₀) + f′(x₀)(x − x₀) + ½f″(x₀)(x − x₀)²");
}

// While the text does not compile, what follows the field is of the last good f: drawn faded (the
// caller pops the style after the plots).
void controls(FunctionState& s, FunctionModel& m, float width, bool is_stale) {
  const StagedCompile& c = m.compiled();
  ImGui::TextUnformatted("Function");
  ExpressionFieldOptions field;
  field.width = width;
  field.read_only = is_locked("expr");
  if (expression_field("f", s.text, c.error(), field)) m.text_edited(s.text);
  if (c.error()) {
    const char* kept = c.is_stale() ? " The plot, table and numbers below are still of the last good function." : "";
    describe("Function mode. The function " + s.text + " has an error: " + c.error()->message + "." + kept);
  }
  if (is_stale) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
  if (!is_hidden("reading")) {
    ImGui::Checkbox("show how it was read", &s.show_reading);
    if (s.show_reading) ImGui::TextWrapped("%s", c.reading().c_str());
  }
  if (!m.has_function()) return;

  ImGui::Separator();
  point_inputs(s, width);
  const PointReading& point = m.snapshot(s).point;
  point_readouts(s, point, c.is_stale());
  if (asks_in(Mode::kFunction)) set_truths(function_truths(s, point, is_asked("besth") ? &m.error_curve(s) : nullptr));

  if (is_hidden("derivative") || is_hidden("fprime")) return;
  ImGui::Separator();
  ImGui::Checkbox("show f′", &s.show_derivative);
  ImGui::SameLine();
  ImGui::TextDisabled("symbolic:");
  ImGui::TextWrapped("f′(%s) = %s", c.variable().c_str(), c.derivative().c_str());
  second_order(s, point);
}

// Returns true while descending (the panel needs frames).
bool descent_controls(FunctionState& s, FunctionModel& m, float width) {
  ImGui::TextUnformatted("Gradient descent  x ← x − η·f′(x)");
  NumberFieldOptions eta_field = learning_rate_field(width);
  eta_field.read_only = is_locked("eta");
  number_field("η", s.learning_rate, eta_field);
  ImGui::BeginDisabled(is_locked("buttons") || is_locked("x0"));  // a step moves x₀
  // The step due this frame first, so the button says "Descend" again in the frame the descent settled.
  const bool was_descending = m.advance_descent(s, ImGui::GetIO().DeltaTime);
  if (ImGui::Button(m.is_descending() ? "Pause" : "Descend")) {
    m.toggle_descent(s, platform::prefers_reduced_motion());  // no animation: all the steps at once
  }
  ImGui::SameLine();
  if (ImGui::Button("One step")) m.step(s);
  ImGui::SameLine();
  if (ImGui::Button("Clear trail")) m.clear_trail();
  ImGui::EndDisabled();
  const bool descending = was_descending || m.is_descending();
  if (m.has_trail()) ImGui::Text("%zu steps, x = %s", m.steps_taken(), number_text(s.x0).c_str());
  return descending;
}

void export_buttons(FunctionState& s, FunctionModel& m, const ImVec4& plot_rect) {
  ImGui::TextUnformatted("Save:");
  ImGui::SameLine();
  if (ImGui::Button("plot PNG")) {
    download_png("function-plot.png", plot_rect.x, plot_rect.y, plot_rect.z, plot_rect.w);
  }
  ImGui::SameLine();
  if (ImGui::Button("page PNG")) download_png("playground.png");
  ImGui::SameLine();
  if (ImGui::Button("samples CSV")) download_text("function-samples.csv", m.samples_csv(s));
}

// f's plot over the error plot in `size`; returns true while a curve is still being sampled.
bool plots(FunctionState& s, FunctionModel& m, ImVec2 size, double deadline, ImVec4& plot_rect, bool is_stale) {
  bool animating = false;
  ImGui::BeginGroup();
  if (m.has_function()) {
    if (is_hidden("error")) {
      animating = function_plot(s, m, size, deadline, plot_rect);
    } else {
      animating = function_plot(s, m, ImVec2(size.x, size.y * 0.64f), deadline, plot_rect);
      error_plot(s, m, ImVec2(size.x, size.y * 0.36f - ImGui::GetStyle().ItemSpacing.y));
    }
  } else {
    ImGui::Dummy(ImVec2(size.x, ImGui::GetTextLineHeight()));
    ImGui::TextDisabled("Fix the function to see its plot.");
  }
  ImGui::EndGroup();
  if (is_stale && m.has_function()) {  // the plots faded under a veil, with a word on why
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 top_left(plot_rect.x, plot_rect.y);
    draw->AddRectFilled(top_left, ImGui::GetItemRectMax(), (theme::colors().plot_background & 0x00FFFFFF) | 0x99000000);
    draw->AddText(ImVec2(top_left.x + 8, top_left.y + 6), theme::colors().error,
                  "last good function: fix the text to update");
  }
  return animating;
}

}  // namespace

bool function_panel(FunctionState& s) {
  if (shows_two_variables(s.text)) return plane_panel(s);  // f(x, y): the heat map and the surface
  FunctionModel& m = model();
  static ImVec4 plot_rect;  // the function plot's x, y, width, height on screen, for "PNG of the plot"
  const double deadline = now_ms() + kWorkBudgetMs;
  m.begin_frame(s, deadline);
  // Side by side the controls take at most 36% of the width; below 700 px one scrolling column, the
  // plots first across the width (widgets/panel_layout.hpp).
  PanelSplitOptions layout;
  layout.pictures_height = std::max(300.0f, one_column_view_height() * 0.8f);
  PanelSplit split("controls", layout);
  const float controls_width = split.controls_width();
  bool animating = false;
  const bool is_stale = m.compiled().is_stale();

  split.begin_controls();
  answer_panel(Mode::kFunction, controls_width);
  controls(s, m, controls_width, is_stale);
  if (m.has_function()) {
    if (!is_hidden("table")) {
      ImGui::Separator();
      seed_table(s, m);
    }
    if (!is_hidden("descent")) {
      ImGui::Separator();
      animating = descent_controls(s, m, controls_width);
    }
    if (!is_hidden("race")) {
      ImGui::Separator();
      animating |= race_section(s, {{m.compiled().variable(), s.x0}}, controls_width);
    }
    ImGui::Separator();
    export_buttons(s, m, plot_rect);
    if (listen_requested("f")) {  // the audio trace of f over the plot's view (widgets/listen.hpp)
      const auto sample = [&](const double* xs, std::size_t n, double* v, double* d) { m.sample(xs, n, v, d); };
      play_trace("f", sample_for_trace(s.view_x_min, s.view_x_max, s.view_y_min, s.view_y_max, sample));
    }
  }
  if (is_stale) ImGui::PopStyleVar();
  split.end_controls();
  animating |= plots(s, m, split.begin_pictures(), deadline, plot_rect, is_stale);
  split.end_pictures();
  // Frames until the rebuild is done, and one more: the table that first appears in the frame the compile
  // finishes sizes its columns only in the next (ImGui measures a new table's content once drawn).
  static bool was_compiling = true;
  const bool is_settling = was_compiling && !m.is_compiling();
  was_compiling = m.is_compiling();
  return animating || m.is_compiling() || is_settling;
}

}  // namespace bp::app
