// Graph mode's canvas: the computational graph laid out left to right, every node's value and
// (once the backward pass has reached it) its gradient. ImGui only; the numbers come from the model.
#pragma once

#include "graph/model.hpp"
#include "imgui.h"

namespace bp::app {

// Draws the snapshot's graph (which must be there) over `size` at the cursor.
void draw_graph(const GraphState& state, const GraphSnapshot& snapshot, ImVec2 size);

}  // namespace bp::app
