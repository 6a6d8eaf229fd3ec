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

// The same sampling cut into slices: run() evaluates f until the sampling is done or `out_of_time`
// says the slice is over (asked every few evaluations), and the next run() goes on where it stopped.
// A function of many thousand operations is plotted over several frames instead of freezing one.
class CurveSampler {
 public:
  explicit CurveSampler(const CurveWindow& window, int max_evaluations = 6000);
  // Returns true once the curve is complete (then runs() holds it).
  bool run(const std::function<double(double)>& f, const std::function<bool()>& out_of_time);
  bool done() const { return done_; }
  const CurveWindow& window() const { return window_; }
  std::vector<CurveRun>& runs() { return runs_; }

 private:
  struct Interval {
    double xa, ya, xb, yb;
    int depth;
  };
  void point(double x, double y);
  void break_run();

  CurveWindow window_;
  int base_ = 0;        // intervals before refinement
  int budget_ = 0;      // evaluations left for refinement
  int next_ = 0;        // the next base interval's index; 0: not started
  double xa_ = 0, ya_ = 0;
  std::vector<Interval> stack_;
  std::vector<CurveRun> runs_{1};
  bool done_ = false;
};

}  // namespace bp::app
