// The decision surface in words: per-class counts, then a small grid of predictions.
#include "network/surface_text.hpp"

#include <cstdio>

#include "network/class_palette.hpp"
#include "nn/dataset.hpp"

namespace bp::app {

namespace {
// The class the network picks from its output: the threshold nn::accuracy uses (0.5 after a sigmoid, else 0).
bool picks_positive(double output, nn::Activation output_activation) {
  return output > (output_activation == nn::Activation::kSigmoid ? 0.5 : 0.0);
}

// "class +1: 46 of 50 right, class -1: 48 of 50 right" for one set of points.
std::string per_class(Trainer& trainer, const std::vector<nn::Point>& points) {
  const nn::Activation out = trainer.network().config().output_activation;
  int right[2] = {0, 0}, total[2] = {0, 0};  // [0]: label +1, [1]: label -1
  for (const nn::Point& p : points) {
    const Eigen::MatrixXd y = trainer.network().predict(trainer.inputs_for(p.x1, p.x2));
    const int k = p.label > 0 ? 0 : 1;
    ++total[k];
    right[k] += picks_positive(y(0, 0), out) == (k == 0);
  }
  char text[160];
  std::snprintf(text, sizeof text, "class +1: %d of %d right, class -1: %d of %d right", right[0], total[0],
                right[1], total[1]);
  return text;
}

// A softmax network's surface: each class's accuracy (the confusion matrices'), then the grid with the winning
// class's first letter per cell (the colour names' first letters differ: o b g p s v).
std::string softmax_surface_text(Trainer& trainer, int grid) {
  std::string text = "The surface in words. Per-class accuracy on the training points: " +
                     per_class_accuracy_words(trainer.train_confusion()) + ". ";
  if (!trainer.test_points().empty()) {
    text += "On the test points: " + per_class_accuracy_words(trainer.test_confusion()) + ". ";
  }
  const Eigen::MatrixXd surface = trainer.surface(grid);
  char line[96];
  std::snprintf(line, sizeof line, "Prediction on a %d by %d grid, x1 from %.1f to %.1f left to right, ", grid, grid,
                -6 + 6.0 / grid, 6 - 6.0 / grid);
  text += line;
  for (int k = 0; k < trainer.classes(); ++k) {
    text += std::string(k ? ", " : "") + class_color_name(k)[0] + " for " + class_color_name(k);
  }
  text += ":";
  for (int row = 0; row < grid; ++row) {
    std::snprintf(line, sizeof line, " row x2 = %.1f:", 6 - 12.0 * (row + 0.5) / grid);
    text += line;
    for (int col = 0; col < grid; ++col) {
      const int k = nn::predicted_class(surface, static_cast<Eigen::Index>(row) * grid + col, nn::Activation::kSoftmax);
      text += std::string(" ") + class_color_name(k)[0];
    }
    text += ".";
  }
  return text;
}
}  // namespace

std::string surface_text(Trainer& trainer, int grid) {
  if (trainer.is_softmax()) return softmax_surface_text(trainer, grid);
  const bool classifies = trainer.is_classification();
  const nn::Activation out = trainer.network().config().output_activation;
  std::string text = "The surface in words. ";
  if (classifies) {
    text += "Training points: " + per_class(trainer, trainer.train_points()) + ". ";
    if (!trainer.test_points().empty()) text += "Test points: " + per_class(trainer, trainer.test_points()) + ". ";
  }
  const Eigen::MatrixXd surface = trainer.surface(grid);
  char line[96];
  std::snprintf(line, sizeof line, "Prediction on a %d by %d grid, x1 from %.1f to %.1f left to right, ", grid, grid,
                -6 + 6.0 / grid, 6 - 6.0 / grid);
  text += line;
  text += classifies ? "+ for class +1 and - for class -1:" : "the network's output:";
  for (int row = 0; row < grid; ++row) {
    std::snprintf(line, sizeof line, " row x2 = %.1f:", 6 - 12.0 * (row + 0.5) / grid);
    text += line;
    for (int col = 0; col < grid; ++col) {
      const double y = surface(0, static_cast<Eigen::Index>(row) * grid + col);
      if (classifies) {
        text += picks_positive(y, out) ? " +" : " -";
      } else {
        std::snprintf(line, sizeof line, " %.2f", y);
        text += line;
      }
    }
    text += ".";
  }
  return text;
}

}  // namespace bp::app
