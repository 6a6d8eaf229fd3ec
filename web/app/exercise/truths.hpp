// The true values an exercise checks answers against, taken from each mode's own model (the numbers
// the panels draw). No ImGui: tested natively.
#pragma once

#include "exercise/exercise_model.hpp"
#include "expr/graph_export.hpp"
#include "function/model.hpp"
#include "network/trainer.hpp"

namespace bp::app {

// fx, slope, fd (for h and the scheme), step (x₀ − η·f′(x₀)), besth (log₁₀ of the best h; needs `curve`).
Truths function_truths(const FunctionState& state, const PointReading& point, const ErrorCurve* curve);
// The exponent of the h whose error is smallest on the curve once each sample is raised to the worst
// error within ±0.2 decades: a lucky rounding (an error that happens to be tiny) does not count.
double best_h_exponent(const ErrorCurve& curve);
// value:NAME and grad:NAME of every named node, the grads in backward order with their local rules.
Truths graph_truths(const expr::GraphExport& graph);
// Training example `index` through one step-through (a copy of the network): yhat, eloss, zL:i, aL:i,
// deltaL:i, dWL:i,j, dbL:i, then after W ← W − η·∂L/∂W: WL:i,j and bL:i. Empty for an index out of range.
Truths network_truths(Trainer& trainer, int index, double learning_rate);

// The network's askable ids by kind, for the author panel's picker: yhat and eloss first, then layer by layer
// z, a, delta, dW, db, W, b, each kind's ids in row order ("dW2:0,0", "dW2:0,1", …).
struct AskGroup {
  std::string kind;   // "dW2"
  std::string title;  // "dW2: ∂L/∂W of layer 2"
  std::vector<std::string> ids;
};
std::vector<AskGroup> network_ask_groups(const Truths& truths);

}  // namespace bp::app
