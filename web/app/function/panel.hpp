// Function mode: type f(x), see it plotted with a draggable point, its tangent (exact slope from
// reverse mode), the secant of the finite difference for a chosen h and scheme, the error of that
// difference against h on a log-log plot, the seed's table, and gradient descent on f.
#pragma once

#include "state/app_state.hpp"

namespace bp::app {

// Draws the panel in the current window region; returns true while an animation needs frames.
bool function_panel(FunctionState& state);

}  // namespace bp::app
