// The learner's own data as CSV: "x1, x2, label" per line (a header line is allowed). No ImGui.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace bp::app {

struct CsvPoints {
  std::vector<std::array<double, 3>> points;  // labels as the state keeps them (nn::label_of_class for classes)
  std::string error;  // the first malformed row, by line number; empty when all rows were read
  // The file's own labels in class order when they were text or whole numbers 0 … 5 ("cat", "dog" or "0", "1",
  // "2"): class k is label_names[k]. Empty for -1/+1 classes and for regression values.
  std::vector<std::string> label_names;
};

// At most 500 rows; coordinates must lie in [-6, 6]. Labels, read over the whole file: all -1 or +1 (two classes,
// TensorFlow Playground's); whole numbers 0 … 5 (class k, up to 6 classes); text (classes in order of first
// appearance, up to 6); else numbers in [-1, 1] (a regression).
CsvPoints parse_csv_points(const std::string& text);

}  // namespace bp::app
