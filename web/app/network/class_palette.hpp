// The classes' colours and names: the Okabe–Ito palette (safe for the common colour-vision deficiencies),
// orange and blue first so two classes look as TensorFlow Playground's do. Used by the surface shader's
// uniforms, the points, the probability bars and the confusion matrix; the per-class words for screen readers.
// No ImGui: tested natively.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "nn/dataset.hpp"

namespace bp::app {

// Class k's colour, 0 … 255 per channel (k in 0 … nn::kMaxClasses − 1).
std::array<int, 3> class_rgb(int k);
// "orange", "blue", "green", "purple", "sky blue", "vermillion".
const char* class_color_name(int k);
// What the page calls class k: the CSV file's own label when it had names (label_names[k]), else its colour.
std::string class_name(int k, const std::vector<std::string>& label_names = {});

// "orange 95 percent (19 of 20), blue 100 percent (20 of 20), …": each class's share of its points that the
// network gets right, from a confusion matrix (row = true class); a class with no points says so.
std::string per_class_accuracy_words(const Eigen::MatrixXi& confusion,
                                     const std::vector<std::string>& label_names = {});

}  // namespace bp::app
