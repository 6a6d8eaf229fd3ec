// Graph mode's model: the program's graph with every node's value and gradient, the inputs'
// values, and the backward pass stepped node by node. No ImGui, no browser: tested natively.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/engine.hpp"
#include "graph/layout.hpp"
#include "state/app_state.hpp"

namespace bp::app {

// What the panel draws. The parse and the layout change only with the program's text, the values
// and gradients only with the inputs' values; until a new evaluation is done the previous graph stays.
struct GraphSnapshot {
  std::string text;                      // the program these describe
  std::optional<expr::Program> program;  // compiled once per text
  std::optional<expr::Error> error;      // of text; with is_stale, the rest is of the last good text
  bool is_stale = false;
  std::optional<expr::GraphExport> graph;
  std::vector<expr::Input> inputs;       // the names the program reads, in order
  expr::Vars vars;                       // the values the graph was evaluated at
  GraphLayout layout;                    // of graph
  bool is_pending = false;               // the frame's budget went on parsing: evaluated next frame
};

class GraphModel {
 public:
  // The snapshot for the state's program and values. A long program (20,000 characters) is parsed
  // in one frame and evaluated in a later one, when `deadline` (now_ms()) has passed.
  const GraphSnapshot& compute(const GraphState& state, double deadline);

 private:
  GraphSnapshot s_;
  bool evaluated_ = false;  // graph (or error) is of this program at vars
  bool laid_out_ = false;   // layout is of this program's graph
};

// An input's value: the learner's slider if moved, else the program's number, else 1.
double input_value(const GraphState& state, const expr::Input& input);
expr::Vars input_values(const GraphState& state, const std::vector<expr::Input>& inputs);
void set_input_value(GraphState& state, const std::string& name, double value);

// The backward pass one node at a time, from the output (the last id) down. state.backward_step
// counts the nodes whose gradient is shown; -1 shows them all. `count` is the graph's node count.
bool is_revealed(const GraphState& state, int id, int count);
// The node the last step reached, or -1 when none is (all shown, or none yet).
int current_node(const GraphState& state, int count);
void step_backward(GraphState& state, int count);  // one node further down
void step_back(GraphState& state, int count);      // undo one step
void reset_gradients(GraphState& state);           // all gradients 0, nothing revealed
void run_to_end(GraphState& state);                // every gradient shown

// Whether an exercise hides a node's value (hide=values: every computed node's; inputs stay shown) or
// its gradient (hide=grads, or grad:NAME for a named node). Hidden numbers are left out of the
// descriptions below as of the canvas.
bool is_value_hidden(const expr::ExportedNode& node);
bool is_grad_hidden(const expr::ExportedNode& node);

// The sentence a screen reader hears: the output's value and the named nodes' revealed gradients.
std::string graph_description(const GraphState& state, const expr::GraphExport& graph);
// One node as the keyboard reaches it, every digit: "Node 6 of 7: e = d + c, value 2, gradient -2"
// (or "gradient not yet computed" before the backward pass reaches it).
std::string node_description(const GraphState& state, const expr::GraphExport& graph, int id);

}  // namespace bp::app
