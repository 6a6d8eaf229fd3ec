// Graph mode's canvas: the computational graph laid out left to right, every node's value and
// (once the backward pass has reached it) its gradient. ImGui only; the numbers come from the model.
#pragma once

#include "graph/model.hpp"
#include "imgui.h"

namespace bp::app {

// Draws the snapshot's graph (which must be there) over `size` at the cursor, fitted to it whenever
// the graph or the size change; drag, wheel and pinch pan and zoom, "fit" and a double-click fit
// again. Returns the node the keyboard has reached (arrows step in topological order), or -1.
int draw_graph(const GraphState& state, const GraphSnapshot& snapshot, ImVec2 size);

}  // namespace bp::app
