// Graph mode panel: the program editor, input sliders and the backward pass's controls on the left,
// the graph on the right. Draws the model's snapshot (graph/model.hpp); computes nothing itself.
#include "graph/panel.hpp"

#include <algorithm>
#include <string>

#include "clock.hpp"
#include "fonts.hpp"
#include "graph/canvas.hpp"
#include "graph/chain_rule.hpp"
#include "graph/experiments.hpp"
#include "graph/model.hpp"
#include "imgui.h"
#include "platform.hpp"
#include "state/description.hpp"
#include "state/embed_options.hpp"
#include "widgets/expression_field.hpp"
#include "widgets/panel_layout.hpp"

namespace bp::app {

namespace {

constexpr double kWorkBudgetMs = 12;  // of a frame, for parsing and evaluating a long program

void input_sliders(GraphState& s, const GraphSnapshot& c, float width) {
  ImGui::Separator();
  ImGui::TextUnformatted("Inputs (drag to change)");
  for (const auto& input : c.inputs) {
    float v = static_cast<float>(input_value(s, input));
    ImGui::SetNextItemWidth(width - 60);
    if (ImGui::DragFloat(input.name.c_str(), &v, 0.05f, -100.0f, 100.0f, "%.3f")) set_input_value(s, input.name, v);
  }
}

void backward_controls(GraphState& s, const expr::GraphExport& g) {
  const int count = static_cast<int>(g.nodes.size());
  ImGui::TextUnformatted("Backward pass, one node at a time");
  if (ImGui::Button("Reset gradients")) reset_gradients(s);
  ImGui::SameLine();
  if (ImGui::Button("Step ▶")) step_backward(s, count);
  ImGui::SameLine();
  if (ImGui::Button("◀")) step_back(s, count);
  ImGui::SameLine();
  if (ImGui::Button("Run to the end")) run_to_end(s);
  if (s.backward_step == 0) {
    ImGui::TextWrapped("All gradients are 0. Step to start at the output, where ∂L/∂L = 1.");
  }
  const int current = current_node(s, count);
  if (current >= 0) {
    ImGui::PushFont(platform::fonts().mono);
    ImGui::TextWrapped("%s", chain_rule(g, g.nodes[static_cast<std::size_t>(current)]).c_str());
    ImGui::PopFont();
  }
}

// The output's value and the gradients of the inputs the backward pass has reached.
void results(const GraphState& s, const expr::GraphExport& g) {
  const int count = static_cast<int>(g.nodes.size());
  const auto& out = g.nodes[static_cast<std::size_t>(g.output)];
  ImGui::Text("%s = %.6g", out.label.c_str(), out.value);
  describe(graph_description(s, g));
  for (const auto& node : g.nodes) {
    if (node.op == "var" && is_revealed(s, node.id, count)) {
      ImGui::Text("∂%s/∂%s = %.6g", out.label.c_str(), node.label.c_str(), node.grad.value_or(0));
    }
  }
}

}  // namespace

void graph_panel(GraphState& s) {
  static GraphModel model;
  const GraphSnapshot& c = model.compute(s, now_ms() + kWorkBudgetMs);
  if (c.is_pending) platform::request_frame();
  // Side by side, the controls take at most 36% of the width; on a phone one column (widgets/panel_layout.hpp).
  PanelSplit split("graph_controls");
  const float controls_width = split.controls_width();

  split.begin_controls();
  ImGui::TextUnformatted("Program");
  const EmbedOptions& embed = embed_options();
  ExpressionFieldOptions field;
  field.width = controls_width;
  field.lines = 8;
  field.read_only = embed.locks("prog");
  if (expression_field("program", s.program, c.error ? &*c.error : nullptr, field)) s.backward_step = -1;
  if (c.error) describe("Graph mode. The program has an error: " + c.error->message);
  if (c.graph) {
    if (!embed.hides("inputs")) input_sliders(s, c, controls_width);
    ImGui::Separator();
    if (!embed.hides("backward")) backward_controls(s, *c.graph);
    if (!embed.hides("experiments")) {
      const expr::Vars vars = input_values(s, c.inputs);
      gradient_check_section(s.program, *c.program, vars, *c.graph);
      nudge_section(s, *c.program, vars, *c.graph);
    }
    ImGui::Separator();
    results(s, *c.graph);
  }
  split.end_controls();
  const ImVec2 room = split.begin_pictures();
  if (c.graph) {
    draw_graph(s, c, room);
  } else {
    ImGui::TextDisabled("Fix the program to see its graph.");
  }
  split.end_pictures();
}

}  // namespace bp::app
