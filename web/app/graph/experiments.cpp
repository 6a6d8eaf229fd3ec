// Gradient check and nudge: the model computes (graph/gradient_check.cpp); these sections lay the
// numbers out.
#include "graph/experiments.hpp"

#include <algorithm>
#include <string>

#include "clock.hpp"
#include "fonts.hpp"
#include "graph/gradient_check.hpp"
#include "graph/model.hpp"
#include "imgui.h"
#include "platform.hpp"
#include "state/choices.hpp"
#include "widgets/number_field.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {
constexpr double kCheckBudgetMs = 8;  // of a frame, for the check's rows

const char* scheme_formula(expr::Scheme s) {
  switch (s) {
    case expr::Scheme::kForward: return "(f(x+h) − f(x)) / h";
    case expr::Scheme::kCentral: return "(f(x+h) − f(x−h)) / 2h";
    case expr::Scheme::kBackward: return "(f(x) − f(x−h)) / h";
  }
  return "";
}

// Function mode's controls for the same two choices: the scheme's buttons and h typed or dragged.
void check_settings(CheckSettings& settings, float width) {
  bool is_first = true;
  for (const auto& choice : scheme_choices()) {
    if (!is_first) ImGui::SameLine();
    is_first = false;
    const std::string label = std::string(choice.name) + "##check";
    if (ImGui::RadioButton(label.c_str(), settings.scheme == choice.value)) settings.scheme = choice.value;
  }
  number_field("h##check", settings.h, step_field(width));
}

// One block per input, a line per number, every digit: four columns of 19-digit numbers do not fit
// a side panel, and a cut -2.0000000000042206 is the one number the seed asks to compare.
void check_rows(const std::vector<CheckRow>& rows) {
  ImGui::PushFont(platform::fonts().mono);
  for (const CheckRow& row : rows) {
    const double error = row.relative_error();
    ImGui::TextUnformatted(row.name.c_str());
    ImGui::Indent(12);
    ImGui::TextWrapped("autodiff    %s", number_text(row.grad).c_str());
    ImGui::TextWrapped("difference  %s", number_text(row.estimate).c_str());
    if (!(error < 1e-6)) ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::Text("rel. error  %.1e", error);
    if (!(error < 1e-6)) ImGui::PopStyleColor();
    ImGui::Unindent(12);
  }
  ImGui::PopFont();
}
}  // namespace

void gradient_check_section(GraphState& s, const std::string& text, const expr::Program& program,
                            const expr::Vars& vars, const expr::GraphExport& g) {
  ImGui::SetNextItemOpen(s.show_check);  // the link's gcheck (a click below changes it)
  s.show_check = ImGui::CollapsingHeader("Check gradients");
  if (!s.show_check) return;
  static GradientCheck check;
  CheckSettings settings{s.check_scheme, s.check_h};
  check_settings(settings, ImGui::GetContentRegionAvail().x);
  s.check_scheme = settings.scheme, s.check_h = settings.h;
  check.update(text, program, vars, now_ms() + kCheckBudgetMs, settings);
  if (!check.is_complete()) {
    ImGui::TextDisabled("checking… %zu of %zu inputs", check.rows().size(), check.input_count());
    platform::request_frame();
  }
  ImGui::TextWrapped("%s, h = %s, against autodiff:", scheme_formula(settings.scheme),
                     number_text(settings.h).c_str());
  check_rows(check.rows());
  const std::string warning = gradient_check_caveat(g, settings.h);
  if (!warning.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped("%s", warning.c_str());
    ImGui::PopStyleColor();
  }
}

void nudge_section(GraphState& s, const expr::Program& program, const expr::Vars& vars, const expr::GraphExport& g) {
  if (!ImGui::CollapsingHeader("Nudge an input")) return;
  static int chosen = 0;
  static float epsilon = 0.01f;
  if (vars.empty()) return;
  chosen = std::clamp(chosen, 0, static_cast<int>(vars.size()) - 1);
  if (ImGui::BeginCombo("input", vars[static_cast<std::size_t>(chosen)].first.c_str())) {
    for (int i = 0; i < static_cast<int>(vars.size()); ++i) {
      if (ImGui::Selectable(vars[static_cast<std::size_t>(i)].first.c_str(), i == chosen)) chosen = i;
    }
    ImGui::EndCombo();
  }
  ImGui::SliderFloat("step ε", &epsilon, 0.0001f, 0.5f, "%.4f", ImGuiSliderFlags_Logarithmic);
  const Nudge n = nudge(program, vars, g, static_cast<std::size_t>(chosen), epsilon);
  const char* name = n.name.c_str();
  const char* out = g.nodes[static_cast<std::size_t>(g.output)].label.c_str();
  ImGui::PushFont(platform::fonts().mono);
  ImGui::TextWrapped("Δ%s = ε·∂%s/∂%s = %s", name, out, name, number_text(n.dx).c_str());
  ImGui::TextWrapped("predicted Δ%s = ∂%s/∂%s·Δ%s = %s", out, out, name, name, number_text(n.predicted).c_str());
  if (n.actual) ImGui::TextWrapped("actual    Δ%s = %s", out, number_text(*n.actual).c_str());
  ImGui::PopFont();
  const double x = vars[static_cast<std::size_t>(chosen)].second;
  if (ImGui::Button("Apply the nudge")) set_input_value(s, n.name, x + n.dx);
}

}  // namespace bp::app
