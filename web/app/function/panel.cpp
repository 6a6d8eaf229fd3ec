// Function mode panel: draws the model's snapshot (function/model.hpp) and turns the learner's
// input into state changes and model calls. No number is computed here.
#include "function/panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "clock.hpp"
#include "fonts.hpp"
#include "function/model.hpp"
#include "function/plots.hpp"
#include "function/seed_table.hpp"
#include "imgui.h"
#include "platform.hpp"
#include "state/choices.hpp"
#include "state/description.hpp"
#include "state/embed_options.hpp"
#include "widgets/export.hpp"
#include "widgets/expression_field.hpp"
#include "widgets/listen.hpp"
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

void readout(const char* name, double value, ImU32 color = 0) {
  ImGui::TextUnformatted(name);
  ImGui::SameLine(170);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushFont(platform::fonts().mono);
  ImGui::Text("%.17g", value);
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
  const EmbedOptions& embed = embed_options();
  ImGui::SetNextItemWidth(width - 60);
  double step = 0.01;
  ImGui::BeginDisabled(embed.locks("x0"));
  ImGui::InputScalar("x₀", ImGuiDataType_Double, &s.x0, &step, nullptr, "%.6g");
  ImGui::EndDisabled();
  const double h = step_size(s);
  float log_h = static_cast<float>(s.log10_h);
  ImGui::BeginDisabled(embed.hides("h"));
  ImGui::SetNextItemWidth(width - 60);
  char h_label[32];
  std::snprintf(h_label, sizeof h_label, h >= 1e-3 ? "h = %.3g" : "h = %.0e", h);
  if (ImGui::SliderFloat("h", &log_h, -15.0f, 0.0f, h_label)) s.log10_h = log_h;
  bool is_first = true;
  for (const auto& choice : scheme_choices()) {
    if (!is_first) ImGui::SameLine();
    is_first = false;
    const std::string label(choice.name);
    if (ImGui::RadioButton(label.c_str(), s.scheme == choice.value)) s.scheme = choice.value;
  }
  ImGui::EndDisabled();
}

void point_readouts(const FunctionState& s, const PointReading& p) {
  char said[256];
  std::snprintf(said, sizeof said,
                "At x0 = %.6g: f(x0) = %.6g, exact slope %.6g; %s finite difference with h = %.3g gives %.10g.",
                p.x0, p.value, p.slope, std::string(name_of(scheme_choices(), p.scheme)).c_str(), p.h, p.estimate);
  describe("Function mode. f is " + s.text + ". " + said);
  ImGui::Separator();
  readout("f(x₀)", p.value);
  readout("exact slope f′(x₀)", p.slope, theme::colors().tangent);
  ImGui::TextDisabled("  reverse-mode autodiff");
  readout("finite difference", p.estimate, theme::colors().secant);
  ImGui::TextDisabled("  %s", scheme_formula(p.scheme));
  readout("difference", p.estimate - p.slope);
}

void controls(FunctionState& s, FunctionModel& m, float width) {
  const StagedCompile& c = m.compiled();
  ImGui::TextUnformatted("Function");
  const EmbedOptions& embed = embed_options();
  ExpressionFieldOptions field;
  field.width = width;
  field.read_only = embed.locks("expr");
  if (expression_field("f", s.text, c.error(), field)) m.text_edited(s.text);
  if (c.error()) describe("Function mode. The function " + s.text + " has an error: " + c.error()->message);
  if (!embed.hides("reading")) {
    ImGui::Checkbox("show how it was read", &s.show_reading);
    if (s.show_reading) ImGui::TextWrapped("%s", c.reading().c_str());
  }
  if (!m.has_function()) return;

  ImGui::Separator();
  point_inputs(s, width);
  point_readouts(s, m.snapshot(s).point);

  if (embed.hides("derivative")) return;
  ImGui::Separator();
  ImGui::Checkbox("show f′", &s.show_derivative);
  ImGui::SameLine();
  ImGui::TextDisabled("symbolic:");
  ImGui::TextWrapped("f′(%s) = %s", c.variable().c_str(), c.derivative().c_str());
}

// Returns true while descending (the panel needs frames).
bool descent_controls(FunctionState& s, FunctionModel& m, float width) {
  ImGui::TextUnformatted("Gradient descent  x ← x − η·f′(x)");
  ImGui::SetNextItemWidth(width - 60);
  float rate = static_cast<float>(s.learning_rate);
  if (ImGui::SliderFloat("η", &rate, 0.001f, 1.0f, "%.3f", ImGuiSliderFlags_Logarithmic)) s.learning_rate = rate;
  if (ImGui::Button(m.is_descending() ? "Pause" : "Descend")) {
    m.toggle_descent(s, platform::prefers_reduced_motion());  // no animation: all the steps at once
  }
  ImGui::SameLine();
  if (ImGui::Button("One step")) m.step(s);
  ImGui::SameLine();
  if (ImGui::Button("Clear trail")) m.clear_trail();
  const bool descending = m.advance_descent(s, ImGui::GetIO().DeltaTime);
  if (m.has_trail()) ImGui::Text("%zu steps, x = %.10g", m.steps_taken(), s.x0);
  return descending;
}

void export_buttons(FunctionState& s, FunctionModel& m, const ImVec4& plot_rect) {
  ImGui::TextUnformatted("Save:");
  ImGui::SameLine();
  if (ImGui::SmallButton("plot PNG")) {
    download_png("function-plot.png", plot_rect.x, plot_rect.y, plot_rect.z, plot_rect.w);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("page PNG")) download_png("playground.png");
  ImGui::SameLine();
  if (ImGui::SmallButton("samples CSV")) download_text("function-samples.csv", m.samples_csv(s));
}

}  // namespace

bool function_panel(FunctionState& s) {
  FunctionModel& m = model();
  static ImVec4 plot_rect;  // the function plot's x, y, width, height on screen, for "PNG of the plot"
  const double deadline = now_ms() + kWorkBudgetMs;
  m.begin_frame(s, deadline);
  // Narrow embeds give the pictures the room: the controls take at most 36% of the width.
  const float controls_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.36f, 220.0f, 360.0f);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  bool animating = false;

  ImGui::BeginChild("controls", ImVec2(controls_width + 20, avail.y), ImGuiChildFlags_None, ImGuiWindowFlags_None);
  controls(s, m, controls_width);
  const EmbedOptions& embed = embed_options();
  if (m.has_function()) {
    if (!embed.hides("table")) {
      ImGui::Separator();
      seed_table(s, m);
    }
    if (!embed.hides("descent")) {
      ImGui::Separator();
      animating = descent_controls(s, m, controls_width);
    }
    ImGui::Separator();
    export_buttons(s, m, plot_rect);
    if (listen_requested("f")) {  // the audio trace of f over the plot's view (widgets/listen.hpp)
      const auto sample = [&](const double* xs, std::size_t n, double* v, double* d) { m.sample(xs, n, v, d); };
      play_trace("f", sample_for_trace(s.view_x_min, s.view_x_max, s.view_y_min, s.view_y_max, sample));
    }
  }
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginGroup();
  const ImVec2 right = ImGui::GetContentRegionAvail();
  if (m.has_function()) {
    if (embed.hides("error")) {
      animating |= function_plot(s, m, right, deadline, plot_rect);
    } else {
      animating |= function_plot(s, m, ImVec2(right.x, right.y * 0.64f), deadline, plot_rect);
      error_plot(s, m, ImVec2(right.x, right.y * 0.36f - ImGui::GetStyle().ItemSpacing.y));
    }
  } else {
    ImGui::TextDisabled("Fix the function to see its plot.");
  }
  ImGui::EndGroup();
  // Frames until the rebuild is done, and one more: the table that first appears in the frame the compile
  // finishes sizes its columns only in the next (ImGui measures a new table's content once drawn).
  static bool was_compiling = true;
  const bool is_settling = was_compiling && !m.is_compiling();
  was_compiling = m.is_compiling();
  return animating || m.is_compiling() || is_settling;
}

}  // namespace bp::app
