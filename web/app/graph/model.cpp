// Graph mode's model: compiles once per text, evaluates once per set of values, steps backward.
#include "graph/model.hpp"

#include <algorithm>
#include <utility>

#include "clock.hpp"
#include "expr/printer.hpp"
#include "graph/chain_rule.hpp"
#include "state/embed_options.hpp"

namespace bp::app {

const GraphSnapshot& GraphModel::compute(const GraphState& state, double deadline) {
  GraphSnapshot& c = s_;
  c.is_pending = false;
  if (c.text != state.program || (!c.program && !c.error)) {
    c.text = state.program;
    auto program = expr::compile(state.program, {});
    if (!program) {  // the last good graph (if any) stays on screen, marked stale, beside the error
      c.error = program.error();
      c.is_stale = c.graph.has_value();
      if (!c.is_stale) c.program.reset(), c.inputs.clear();
      return c;
    }
    c.program.reset();
    c.error.reset();
    c.is_stale = false;
    c.inputs.clear();
    c.vars.clear();
    evaluated_ = laid_out_ = false;
    c.inputs = program->inputs;
    c.program.emplace(std::move(*program));
  }
  if (!c.program || c.is_stale) return c;
  expr::Vars vars = input_values(state, c.inputs);
  if (evaluated_ && c.vars == vars) return c;
  if (now_ms() > deadline) {
    c.is_pending = true;
    return c;
  }
  c.vars = std::move(vars);
  evaluated_ = true;
  // Inputs are never e or pi (those read as constants here), so the program compiled without the
  // caller's names is the one graph() would compile with them.
  auto graph = expr::graph(*c.program, c.vars);
  c.graph.reset();
  c.error.reset();
  if (!graph) {
    c.error = graph.error();
    return c;
  }
  if (!laid_out_) {  // the same text gives the same graph: laid out once
    c.layout = layout_graph(*graph);
    laid_out_ = true;
  }
  c.graph = std::move(*graph);
  return c;
}

double input_value(const GraphState& state, const expr::Input& input) {
  for (const auto& [name, v] : state.values) {
    if (name == input.name) return v;
  }
  return input.default_value.value_or(1.0);  // a name the program reads but never sets starts at 1
}

expr::Vars input_values(const GraphState& state, const std::vector<expr::Input>& inputs) {
  expr::Vars vars;
  for (const auto& input : inputs) vars.emplace_back(input.name, input_value(state, input));
  return vars;
}

void set_input_value(GraphState& state, const std::string& name, double value) {
  for (auto& entry : state.values) {
    if (entry.first == name) {
      entry.second = value;
      return;
    }
  }
  state.values.emplace_back(name, value);
}

bool is_revealed(const GraphState& state, int id, int count) {
  return state.backward_step < 0 || count - 1 - id < state.backward_step;
}

int current_node(const GraphState& state, int count) {
  return state.backward_step > 0 && state.backward_step <= count ? count - state.backward_step : -1;
}

void step_backward(GraphState& state, int count) {
  state.backward_step = state.backward_step < 0 ? 1 : std::min(count, state.backward_step + 1);
}

void step_back(GraphState& state, int count) {
  state.backward_step = state.backward_step < 0 ? count - 1 : std::max(0, state.backward_step - 1);
}

void reset_gradients(GraphState& state) { state.backward_step = 0; }

void run_to_end(GraphState& state) { state.backward_step = -1; }

bool is_value_hidden(const expr::ExportedNode& node) {
  return node.op != "var" && node.op != "const" && is_hidden("values");
}

bool is_grad_hidden(const expr::ExportedNode& node) {
  return is_hidden("grads") || (!is_operator_label(node.label) && is_hidden("grad:" + node.label));
}

std::string graph_description(const GraphState& state, const expr::GraphExport& graph) {
  const auto& out = graph.nodes[static_cast<std::size_t>(graph.output)];
  const int count = static_cast<int>(graph.nodes.size());
  std::string said = "Graph mode. " + out.label +
                     (is_value_hidden(out) ? " is asked of you" : " = " + expr::format_number(out.value)) +
                     ". Gradients:";
  for (const auto& node : graph.nodes) {
    if (node.grad && is_revealed(state, node.id, count) && !is_operator_label(node.label) && !is_grad_hidden(node)) {
      said += " d" + out.label + "/d" + node.label + " = " + expr::format_number(*node.grad) + ";";
    }
  }
  return said;
}

std::string node_description(const GraphState& state, const expr::GraphExport& graph, int id) {
  const auto& node = graph.nodes[static_cast<std::size_t>(id)];
  const int count = static_cast<int>(graph.nodes.size());
  const std::string name = node.inputs.empty()                ? node.label
                           : is_operator_label(node.label)       ? formula(graph, node)
                                                                 : node.label + " = " + formula(graph, node);
  std::string said = "Node " + std::to_string(id + 1) + " of " + std::to_string(count) + ": " + name +
                     (is_value_hidden(node) ? ", value hidden" : ", value " + expr::format_number(node.value));
  if (!node.grad) return said;
  if (!is_revealed(state, id, count)) return said + ", gradient not yet computed";
  if (is_grad_hidden(node)) return said + ", gradient hidden";
  const std::string& out = graph.nodes[static_cast<std::size_t>(graph.output)].label;
  return said + ", gradient ∂" + out + "/∂" + (is_operator_label(node.label) ? name : node.label) + " = " +
         expr::format_number(*node.grad);
}

}  // namespace bp::app
