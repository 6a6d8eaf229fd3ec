// The learner's own data as CSV: "x1, x2, label" per line (a header line is allowed). No ImGui.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace bp::app {

struct CsvPoints {
  std::vector<std::array<double, 3>> points;
  std::string error;  // the first malformed row, by line number; empty when all rows were read
};

// At most 500 rows; coordinates must lie in [-6, 6], labels in [-1, 1] (classes are -1 and +1).
CsvPoints parse_csv_points(const std::string& text);

}  // namespace bp::app
