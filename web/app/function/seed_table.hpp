// Function mode's table, as in the seed article: x, f(x), f(x+h) and the forward difference for a
// few points the learner lists ("2, 6, -2"). ImGui only; the rows come from the model.
#pragma once

#include "function/model.hpp"
#include "state/app_state.hpp"

namespace bp::app {

// The points field (a typo keeps the last good list) and the table below it. Needs a function.
void seed_table(FunctionState& state, FunctionModel& model);

}  // namespace bp::app
