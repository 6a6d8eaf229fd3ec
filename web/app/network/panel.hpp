// Network mode: TensorFlow Playground's controls, the decision surface, the network diagram, the
// loss curve, and one example stepped through forward, backward and update.
#pragma once

#include <string>

#include "state/app_state.hpp"

namespace bp::app {

// Returns true while training runs (the page keeps drawing).
// `function_text` is function mode's expression, for the "function" data set.
bool network_panel(NetworkState& state, const std::string& function_text);

// The trained network's output at (x1, x2), for the page's tests (the GPU surface against the engine).
double network_output(double x1, double x2, int k);

}  // namespace bp::app
