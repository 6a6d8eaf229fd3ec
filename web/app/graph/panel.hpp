// Graph mode: a small program, its computational graph with every node's value and gradient, input
// sliders, and the backward pass stepped node by node with the chain rule written out.
#pragma once

#include "state/app_state.hpp"

namespace bp::app {

void graph_panel(GraphState& state);

}  // namespace bp::app
