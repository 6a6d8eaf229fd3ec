// Symbolic differentiation: d output / d variable as a new node in the same graph, simplified.
#pragma once

#include <string_view>

#include "expr/program.hpp"

namespace bp::expr {

// Adds the derivative's nodes to program.graph and returns the derivative's node. One forward walk
// over the nodes in creation order (forward-mode, symbolically), so a DAG's size grows linearly.
NodeId differentiate(Program& program, std::string_view variable);

}  // namespace bp::expr
