// Gradient check and nudge: the engine computes; these sections lay the numbers out.
#include "graph/experiments.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "imgui.h"
#include "platform.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {
double value_in(const expr::Vars& vars, const std::string& name) {
  for (const auto& [key, v] : vars) {
    if (key == name) return v;
  }
  return 0;
}

// Why a central difference may disagree with autodiff here, or "" when nothing suspicious is near.
std::string caveat(const expr::GraphExport& g, double h) {
  for (const auto& node : g.nodes) {
    if (!std::isfinite(node.value)) return "domain error: " + node.label + " is " + std::to_string(node.value);
    const bool kink = node.op == "relu" || node.op == "abs" || node.op == "sign" || node.op == "step";
    if (kink && std::fabs(g.nodes[static_cast<std::size_t>(node.inputs[0])].value) < 10 * h) {
      return "kink: " + node.op + " is evaluated at its corner, where the two sides' slopes differ";
    }
  }
  return "";
}

// The check's rows, kept while the program and the values stay: each row evaluates the program
// twice, so a program with thousands of inputs fills its table over several frames.
struct CheckRow {
  std::string name;
  double grad = 0, estimate = 0;
};
struct Check {
  std::string text;  // the program's text
  expr::Vars vars;
  std::vector<std::pair<std::string, double>> exact;
  std::vector<CheckRow> rows;
};

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void gradient_check_section(const std::string& text, const expr::Program& program, const expr::Vars& vars,
                            const expr::GraphExport& g) {
  if (!ImGui::CollapsingHeader("Check gradients")) return;
  static Check check;
  if (check.text != text || check.vars != vars) {
    check = Check{text, vars, {}, {}};
    auto exact = expr::gradient(program, vars);
    if (!exact) return;
    check.exact = std::move(exact->grad);
  }
  const double deadline = now_ms() + 8;
  while (check.rows.size() < check.exact.size() && (check.rows.empty() || now_ms() < deadline)) {
    const auto& [name, grad] = check.exact[check.rows.size()];
    const double h = 1e-5 * std::max(1.0, std::fabs(value_in(vars, name)));
    auto numeric = expr::numerical_derivative(program, name, vars, h, expr::Scheme::kCentral);
    check.rows.push_back({name, grad, numeric ? numeric->slope : NAN});
  }
  if (check.rows.size() < check.exact.size()) {
    ImGui::TextDisabled("checking… %zu of %zu inputs", check.rows.size(), check.exact.size());
    platform::request_frame();
  }
  ImGui::TextWrapped("Central differences (f(x+h) − f(x−h))/2h, h = 1e-5·max(1, |x|), against autodiff:");
  if (ImGui::BeginTable("gradcheck", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("input");
    ImGui::TableSetupColumn("autodiff");
    ImGui::TableSetupColumn("difference");
    ImGui::TableSetupColumn("rel. error");
    ImGui::TableHeadersRow();
    ImGui::PushFont(platform::fonts().mono);
    for (const auto& [name, grad, estimate] : check.rows) {
      const double error = std::fabs(estimate - grad) / std::max({1.0, std::fabs(grad), std::fabs(estimate)});
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.8g", grad);
      ImGui::TableNextColumn();
      ImGui::Text("%.8g", estimate);
      ImGui::TableNextColumn();
      if (!(error < 1e-6)) ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
      ImGui::Text("%.1e", error);
      if (!(error < 1e-6)) ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    ImGui::EndTable();
  }
  const std::string warning = caveat(g, 1e-5);
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
  const std::string& name = vars[static_cast<std::size_t>(chosen)].first;
  const double x = vars[static_cast<std::size_t>(chosen)].second;
  double grad = 0;
  for (const auto& node : g.nodes) {
    if (node.op == "var" && node.label == name) grad = node.grad.value_or(0);
  }
  const double dx = epsilon * grad;  // along the gradient: the output should rise
  expr::Vars moved = vars;
  moved[static_cast<std::size_t>(chosen)].second = x + dx;
  auto after = expr::evaluate(program, moved);
  const double before = g.nodes[static_cast<std::size_t>(g.output)].value;
  const std::string& out = g.nodes[static_cast<std::size_t>(g.output)].label;
  ImGui::PushFont(platform::fonts().mono);
  ImGui::Text("Δ%s = ε·∂%s/∂%s = %.6g", name.c_str(), out.c_str(), name.c_str(), dx);
  ImGui::Text("predicted Δ%s = ∂%s/∂%s·Δ%s = %.6g", out.c_str(), out.c_str(), name.c_str(), name.c_str(), grad * dx);
  if (after) ImGui::Text("actual    Δ%s = %.6g", out.c_str(), *after - before);
  ImGui::PopFont();
  if (ImGui::Button("Apply the nudge")) {
    bool found = false;
    for (auto& entry : s.values) {
      if (entry.first == name) entry.second = x + dx, found = true;
    }
    if (!found) s.values.emplace_back(name, x + dx);
  }
}

}  // namespace bp::app
