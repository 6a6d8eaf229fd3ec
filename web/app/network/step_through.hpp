// One training example walked through forward pass, loss, backward pass and update, with every
// vector and matrix on screen. Works on a copy: the network itself changes only on "apply".
#pragma once

#include "network/trainer.hpp"

namespace bp::app {

// Shows the walk for training point `index`. Returns true when the learner applied the update.
bool step_through(Trainer& trainer, int index, double learning_rate);

}  // namespace bp::app
