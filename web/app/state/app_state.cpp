// Derived values of the app state.
#include "state/app_state.hpp"

#include <cmath>

namespace bp::app {

double step_size(const FunctionState& state) { return std::pow(10.0, state.log10_h); }

}  // namespace bp::app
