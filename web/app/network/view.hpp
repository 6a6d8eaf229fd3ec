// The network mode's pictures: the decision surface (or regression fit) with the data on top, the
// network as a diagram (a small surface per neuron, edges by weight), and the loss curve.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "imgui.h"
#include "network/trainer.hpp"

namespace bp::app {

// TensorFlow Playground's colours: orange for -1, white for 0, blue for +1.
ImU32 value_color(double v, float alpha = 1.0f);

// A click on the surface: where (in input space), which button, and the training point near it.
struct SurfaceClick {
  bool clicked = false;
  bool right = false;
  double x1 = 0, x2 = 0;
  std::optional<int> point;  // index of the nearest training point within a few pixels
};

// Draws the surface over [-6, 6]² in a square of `size` px with the training points (and test points
// when asked), and reports a click.
SurfaceClick draw_surface(Trainer& trainer, float size, bool show_test);

// Before there is a network (fewer than two points of the learner's own data): the empty square with
// the points, taking clicks the same way.
SurfaceClick draw_points_only(const std::vector<std::array<double, 3>>& points, float size);

// Dataset "function": the samples of f (scaled into [-1, 1]) and the network's fit, as a plot.
void draw_fit(Trainer& trainer, float size);

// Draws the network left to right; hovering an edge shows its weight and gradient, clicking edits it.
// Returns true when a weight was edited.
bool draw_network(Trainer& trainer, ImVec2 size);

// Train and test loss against epochs, on a linear axis from 0 or, with `log_scale`, in decades between
// the smallest and the largest finite positive loss; the axis' ends are labelled.
void draw_loss_curve(const Trainer& trainer, ImVec2 size, bool log_scale);

}  // namespace bp::app
