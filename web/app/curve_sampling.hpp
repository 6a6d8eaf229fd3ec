// Chooses where to evaluate f for a plot: a few samples per pixel, more where the curve bends, and
// breaks where it jumps (poles of 1/x and tan x, steps) so no false vertical line is drawn.
// No ImGui: tested natively.
#pragma once

#include <functional>
#include <utility>
#include <vector>

namespace bp::app {

struct CurveWindow {
  double x_min = -1, x_max = 1, y_min = -1, y_max = 1;  // the view, in data units
  double width = 800, height = 500;                     // its size on screen, in pixels
};

using CurveRun = std::vector<std::pair<double, double>>;  // (x, f(x)) joined by straight lines

// Runs of points left to right; a new run starts after a pole, a jump or a stretch where f is not
// finite. At most `max_evaluations` calls of f.
std::vector<CurveRun> sample_curve(const std::function<double(double)>& f, const CurveWindow& window,
                                   int max_evaluations = 6000);

}  // namespace bp::app
