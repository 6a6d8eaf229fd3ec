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
#include "widgets/theme.hpp"

namespace bp::app {

namespace {
constexpr double kCheckBudgetMs = 8;  // of a frame, for the check's rows
constexpr double kCheckStep = 1e-5;   // the h the caveat tests kinks against, as the rows use

void check_table(const std::vector<CheckRow>& rows) {
  if (!ImGui::BeginTable("gradcheck", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("input");
  ImGui::TableSetupColumn("autodiff");
  ImGui::TableSetupColumn("difference");
  ImGui::TableSetupColumn("rel. error");
  ImGui::TableHeadersRow();
  ImGui::PushFont(platform::fonts().mono);
  for (const CheckRow& row : rows) {
    const double error = row.relative_error();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.name.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.8g", row.grad);
    ImGui::TableNextColumn();
    ImGui::Text("%.8g", row.estimate);
    ImGui::TableNextColumn();
    if (!(error < 1e-6)) ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::Text("%.1e", error);
    if (!(error < 1e-6)) ImGui::PopStyleColor();
  }
  ImGui::PopFont();
  ImGui::EndTable();
}
}  // namespace

void gradient_check_section(const std::string& text, const expr::Program& program, const expr::Vars& vars,
                            const expr::GraphExport& g) {
  if (!ImGui::CollapsingHeader("Check gradients")) return;
  static GradientCheck check;
  check.update(text, program, vars, now_ms() + kCheckBudgetMs);
  if (!check.is_complete()) {
    ImGui::TextDisabled("checking… %zu of %zu inputs", check.rows().size(), check.input_count());
    platform::request_frame();
  }
  ImGui::TextWrapped("Central differences (f(x+h) − f(x−h))/2h, h = 1e-5·max(1, |x|), against autodiff:");
  check_table(check.rows());
  const std::string warning = gradient_check_caveat(g, kCheckStep);
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
  ImGui::Text("Δ%s = ε·∂%s/∂%s = %.6g", name, out, name, n.dx);
  ImGui::Text("predicted Δ%s = ∂%s/∂%s·Δ%s = %.6g", out, out, name, name, n.predicted);
  if (n.actual) ImGui::Text("actual    Δ%s = %.6g", out, *n.actual);
  ImGui::PopFont();
  const double x = vars[static_cast<std::size_t>(chosen)].second;
  if (ImGui::Button("Apply the nudge")) set_input_value(s, n.name, x + n.dx);
}

}  // namespace bp::app
