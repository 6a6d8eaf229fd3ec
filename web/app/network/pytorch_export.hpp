// "Show code": a PyTorch script that rebuilds the network mode's network with its current weights,
// runs one training step on the first mini-batch, and prints the loss, the gradients and the loss
// after the step, with the playground's own numbers beside them as comments. No ImGui.
#pragma once

#include <string>

#include "network/trainer.hpp"

namespace bp::app {

std::string pytorch_script(Trainer& trainer, const NetworkState& state);

}  // namespace bp::app
