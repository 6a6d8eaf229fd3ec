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
#include "widgets/number_text.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

constexpr double kWorkBudgetMs = 12;  // of a frame, for parsing and evaluating a long program

void input_sliders(GraphState& s, const GraphSnapshot& c, float width) {
  ImGui::Separator();
  ImGui::TextUnformatted("Inputs (drag to change)");
  for (const auto& input : c.inputs) {
    // A double, shown to the digits it has: Ctrl+click or Tab types the value itself (3.0001 stays 3.0001).
    double v = input_value(s, input);
    const double speed = 0.05, low = -100, high = 100;
    ImGui::SetNextItemWidth(width - 60);
    if (ImGui::DragScalar(input.name.c_str(), ImGuiDataType_Double, &v, static_cast<float>(speed), &low, &high,
                          "%.10g")) {
      set_input_value(s, input.name, v);
    }
  }
}

void backward_controls(GraphState& s, const expr::GraphExport& g) {
  const int count = static_cast<int>(g.nodes.size());
  ImGui::TextUnformatted("Backward pass, one node at a time");
  // The buttons wrap onto a second line rather than run past a narrow panel's edge.
  const auto next_fits = [](const char* label) {
    const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
  };
  if (ImGui::Button("Reset gradients")) reset_gradients(s);
  next_fits("Step ▶");
  if (ImGui::Button("Step ▶")) step_backward(s, count);
  next_fits("◀");
  if (ImGui::Button("◀")) step_back(s, count);
  next_fits("Run to the end");
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

// The output's value and the gradients of the inputs the backward pass has reached, every digit.
void results(const GraphState& s, const expr::GraphExport& g) {
  const int count = static_cast<int>(g.nodes.size());
  const auto& out = g.nodes[static_cast<std::size_t>(g.output)];
  ImGui::PushFont(platform::fonts().mono);
  ImGui::TextWrapped("%s = %s", out.label.c_str(), number_text(out.value).c_str());
  for (const auto& node : g.nodes) {
    if (node.op == "var" && is_revealed(s, node.id, count)) {
      ImGui::TextWrapped("∂%s/∂%s = %s", out.label.c_str(), node.label.c_str(),
                         number_text(node.grad.value_or(0)).c_str());
    }
  }
  ImGui::PopFont();
}


void controls(GraphState& s, const GraphSnapshot& c, float width) {
  ImGui::TextUnformatted("Program");
  const EmbedOptions& embed = embed_options();
  ExpressionFieldOptions field;
  field.width = width;
  field.lines = 8;
  field.read_only = embed.locks("prog");
  if (expression_field("program", s.program, c.error ? &*c.error : nullptr, field)) s.backward_step = -1;
  if (!c.graph) return;
  // While the text does not compile, what follows is of the last good program: drawn faded.
  if (c.is_stale) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
  if (!embed.hides("inputs")) input_sliders(s, c, width);
  ImGui::Separator();
  if (!embed.hides("backward")) backward_controls(s, *c.graph);
  if (!embed.hides("experiments")) {
    const expr::Vars vars = input_values(s, c.inputs);
    gradient_check_section(s, c.text, *c.program, vars, *c.graph);
    nudge_section(s, *c.program, vars, *c.graph);
  }
  ImGui::Separator();
  results(s, *c.graph);
  if (c.is_stale) ImGui::PopStyleVar();
}

// The graph, or why there is none; faded under a veil while it is of the last good program.
void picture(const GraphState& s, const GraphSnapshot& c, ImVec2 size) {
  if (!c.graph) {
    ImGui::TextDisabled("Fix the program to see its graph.");
    if (c.error) describe("Graph mode. The program has an error: " + c.error->message);
    return;
  }
  const int selected = draw_graph(s, c, size);
  if (c.is_stale) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 lo = ImGui::GetItemRectMin();
    draw->AddRectFilled(lo, ImVec2(lo.x + size.x, lo.y + size.y), (theme::colors().plot_background & 0x00FFFFFF) | 0x99000000);
    draw->AddText(ImVec2(lo.x + 8, lo.y + 6), theme::colors().error, "last good program: fix the text to update");
  }
  // Each node the keyboard reaches is announced; otherwise the output and the revealed gradients.
  if (c.error) {
    describe("Graph mode. The program has an error: " + c.error->message +
             (c.is_stale ? ". The graph shown is of the last good program." : "."));
  } else if (selected >= 0) {
    describe(node_description(s, *c.graph, selected));
  } else {
    describe(graph_description(s, *c.graph));
  }
}

}  // namespace

void graph_panel(GraphState& s) {
  static GraphModel model;
  const GraphSnapshot& c = model.compute(s, now_ms() + kWorkBudgetMs);
  if (c.is_pending) platform::request_frame();
  // Side by side the controls take at most 36% of the width; below 700 px one scrolling column, the
  // graph first across the width (widgets/panel_layout.hpp).
  PanelSplitOptions layout;
  layout.pictures_height = std::max(260.0f, one_column_view_height() * 0.7f);
  PanelSplit split("graph_controls", layout);
  split.begin_controls();
  controls(s, c, split.controls_width());
  split.end_controls();
  picture(s, c, split.begin_pictures());
  split.end_pictures();
}

}  // namespace bp::app
