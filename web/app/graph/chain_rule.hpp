// Graph mode's notation: a node's name or formula, and the chain rule written out with its numbers.
// No ImGui: tested natively.
#pragma once

#include <string>

#include "expr/graph_export.hpp"

namespace bp::app {

// True for an operation's label ("a*b" style), false for a name the program gave or a number.
bool is_operator_label(const std::string& label);
// "a·b", "d + c", "sin(x)": the node's operation written with its inputs' names; unnamed inputs are
// written out in turn, a few levels deep, then as "…".
std::string formula(const expr::GraphExport& graph, const expr::ExportedNode& node);
// "∂L/∂d = ∂L/∂e · ∂e/∂d\n  = -2 · 1 = -2": the chain rule for `node` from its users' gradients,
// with a note when several users' contributions add up.
std::string chain_rule(const expr::GraphExport& graph, const expr::ExportedNode& node);

}  // namespace bp::app
