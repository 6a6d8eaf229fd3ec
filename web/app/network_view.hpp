// The network mode's pictures: the decision surface (or regression fit) with the data on top, the
// network as a diagram (a small surface per neuron, edges by weight), and the loss curve.
#pragma once

#include <optional>

#include "imgui.h"
#include "trainer.hpp"

namespace bp::app {

// TensorFlow Playground's colours: orange for -1, white for 0, blue for +1.
ImU32 value_color(double v, float alpha = 1.0f);

// Draws the surface over [-6, 6]² in a square of `size` px with the training points (and test points
// when asked). Returns the index of the training point clicked, if any.
std::optional<int> draw_surface(Trainer& trainer, float size, bool show_test);

// Draws the network left to right; hovering an edge shows its weight and gradient, clicking edits it.
// Returns true when a weight was edited.
bool draw_network(Trainer& trainer, ImVec2 size);

// Train and test loss against epochs.
void draw_loss_curve(const Trainer& trainer, ImVec2 size);

}  // namespace bp::app
