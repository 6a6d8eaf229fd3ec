// The network mode's pictures: the decision surface (or regression fit) with the data on top, the
// network as a diagram (a small surface per neuron, edges by weight), and the loss curve.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "imgui.h"
#include "network/trainer.hpp"

namespace bp::app {

// TensorFlow Playground's colours: orange for -1, white for 0, blue for +1.
ImU32 value_color(double v, float alpha = 1.0f);

// Class k's colour (network/class_palette.hpp), as ImGui takes it.
ImU32 class_color(int k, float alpha = 1.0f);
// A point's colour: TensorFlow Playground's for two classes and regression values, the class colour for more.
ImU32 point_color(double label, int classes);
// A softmax surface's colour for class probabilities p: the winning class's colour, paler nearer an even split
// (white where classes tie), `strength` < 1 paler overall; the shader's formula (decision_surface.frag).
ImU32 class_surface_color(const Eigen::Ref<const Eigen::VectorXd>& p, float strength);

// A click on the surface: where (in input space), which button, and the training point near it.
struct SurfaceClick {
  bool clicked = false;
  bool right = false;
  double x1 = 0, x2 = 0;
  std::optional<int> point;  // index of the nearest training point within a few pixels
  // Where the mouse is over the surface (a training point's place when it is within a few pixels of one).
  std::optional<std::array<double, 2>> hovered;
};

// Draws the surface over [-6, 6]² in a square of `size` px with the training points (and test points
// when asked), and reports a click.
SurfaceClick draw_surface(Trainer& trainer, float size, bool show_test, bool is_training);

// Before there is a network (fewer than two points of the learner's own data): the empty square with
// the points, taking clicks the same way.
SurfaceClick draw_points_only(const std::vector<std::array<double, 3>>& points, float size);

// Class probabilities as K vertical bars in the classes' colours, each with its percentage under it, in a strip
// `width` wide (under the surface: what a tap or the mouse last pointed at).
void draw_probability_strip(const Eigen::VectorXd& p, float width);
// The same as rows, "name ▇▇▇▇ 62.0 %", for a tooltip.
void probability_rows(const Eigen::VectorXd& p, const std::vector<std::string>& names);

// Dataset "function": the samples of f (scaled into [-1, 1]) and the network's fit, as a plot.
void draw_fit(Trainer& trainer, float size);

// Draws the network left to right; hovering an edge shows its weight and gradient, clicking edits it.
// Returns true when a weight was edited. While `is_training`, the neurons' thumbnails are recomputed
// 10 times a second and replayed in between.
bool draw_network(Trainer& trainer, ImVec2 size, bool is_training = false);

// Train and test loss against epochs, on a linear axis from 0 or, with `log_scale`, in decades between
// the smallest and the largest finite positive loss; the axis' ends are labelled.
void draw_loss_curve(const Trainer& trainer, ImVec2 size, bool log_scale);

}  // namespace bp::app
