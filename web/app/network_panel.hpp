// Network mode: TensorFlow Playground's controls, the decision surface, the network diagram, the
// loss curve, and one example stepped through forward, backward and update.
#pragma once

#include "app_state.hpp"

namespace bp::app {

// Returns true while training runs (the page keeps drawing).
bool network_panel(NetworkState& state);

}  // namespace bp::app
