// The race's "Show code": a PyTorch script that runs each racer from the start with torch.optim (Newton
// with torch.autograd.grad) for the steps the race took, and prints its last point beside the
// playground's, so a learner can check the numbers. No ImGui.
#pragma once

#include <string>

#include "expr/engine.hpp"
#include "race/race_model.hpp"

namespace bp::app {

// The torch.optim constructor for one racer's settings, on `params`:
// "torch.optim.Adam(params, lr=0.1, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0)". Newton has none: "".
std::string torch_optimizer(const RacerSettings& racer, const std::string& params = "params");

// f as the body of a Python function of the start's variables on float64 tensors: lines ending in
// "return …". An error names what torch cannot say the same way.
expr::Expected<std::string> torch_function(const std::string& text, const expr::Vars& start);

// The whole script for the race as `model` holds it (its trails: each racer's steps and last point).
std::string race_pytorch_script(const std::string& text, const expr::Vars& start, const RaceState& race,
                                const RaceModel& model);

}  // namespace bp::app
