// The decision surface in words, for a learner who cannot see it (issue: a text alternative on request):
// how many training and test points of each class the network gets right, and its prediction on a small
// grid, row by row from the top, as a screen reader reads a table. No ImGui: tested natively.
#pragma once

#include <string>

#include "network/trainer.hpp"

namespace bp::app {

// `grid` × `grid` cells over [-6, 6]², each read at its centre (Trainer::surface's points). A classifier
// says "+" or "-" per cell (the class the network picks), a softmax network its class colour's first letter
// (o b g p s v) after each class's accuracy; a regression says the value to two decimals.
std::string surface_text(Trainer& trainer, int grid = 5);

}  // namespace bp::app
