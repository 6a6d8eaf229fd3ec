// The finite differences' controls both views of function mode show: the step h (typed as 1e-6, 0.001 or 10^-6)
// and the scheme (forward, central, backward), each honouring a course page's lock, and dimmed when h is hidden.
#pragma once

#include "state/app_state.hpp"

namespace bp::app {

void step_controls(FunctionState& state, float width);

}  // namespace bp::app
