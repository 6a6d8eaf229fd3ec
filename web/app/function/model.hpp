// Function mode's model: what the mode computes for the panel to draw, with no ImGui and no browser
// (tested natively). Each number is computed once per input it depends on and kept, so a frame that
// changes nothing costs no evaluation, and f′(x₀) is taken once per f and x₀ for every use
// (readouts, tangent, error plot, descent).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "function/curve_cache.hpp"
#include "function/staged_compile.hpp"
#include "state/app_state.hpp"

namespace bp::app {

// The straight line through the two points a finite difference uses; it turns into the tangent as
// h shrinks.
struct Secant {
  double xa = NAN, ya = NAN, xb = NAN, yb = NAN;
  double slope = NAN;  // (yb − ya) / (xb − xa)
};

// f at the point x₀ for one h and scheme.
struct PointReading {
  double x0 = NAN;
  double h = NAN;
  Scheme scheme = Scheme::kForward;
  double value = NAN;     // f(x₀)
  double slope = NAN;     // exact f′(x₀), by reverse-mode autodiff
  double estimate = NAN;  // the finite difference for h and scheme
  Secant secant;
  double curvature = NAN;  // exact f″(x₀): the slope of the symbolic f′; NaN until (or unless) f′ compiles
};

// The second-order Taylor polynomial at the reading's x₀: f(x₀) + f′(x₀)(x − x₀) + ½ f″(x₀)(x − x₀)²,
// the parabola that touches f at x₀ with f's slope and curvature (NaN while f″ is unknown).
inline double taylor_parabola(const PointReading& p, double x) {
  const double d = x - p.x0;
  return p.value + p.slope * d + 0.5 * p.curvature * d * d;
}

// One row of the seed's table: x, f(x), f(x+h) and the forward difference (f(x+h) − f(x)) / h.
struct TableRow {
  double x = 0, value = NAN, value_after_step = NAN, forward_difference = NAN;
};

// |finite difference − exact| at 151 values of h from 1e-16 to 1, evenly spaced in log h, for one f,
// x₀ and scheme.
struct ErrorCurve {
  static constexpr int kSamples = 151;
  std::vector<double> hs, errors;
  double best_h = 1, best = INFINITY;  // the smallest nonzero error and its h: the "sweet spot"
};

// What the panel draws that does not depend on the plot's window.
struct FunctionSnapshot {
  PointReading point;
  std::vector<TableRow> table;                  // one row per state's table point
  std::vector<std::pair<double, double>> trail;  // (x, f(x)) for each x gradient descent visited
  // (x, f(x)) for each x Newton's method visited, racing descent from the same start, a step per step:
  // x ← x − f′(x)/f″(x); it stays put where f″ is 0 or unknown.
  std::vector<std::pair<double, double>> newton_trail;
};

// The plot's curves: f always, f′ when asked for. The runs may be of an earlier window while a
// new sampling is under way (then `is_sampling`).
struct PlotCurves {
  const std::vector<CurveRun>* values = nullptr;
  const std::vector<CurveRun>* slopes = nullptr;
  bool is_sampling = false;
};

class FunctionModel {
 public:
  // Each frame before drawing: a text that changed from outside (a link, the gallery) is compiled;
  // the compile advances until `deadline` (now_ms()). Each new f after the first (a link's, whose view
  // is kept) clears the descent and fits the view: x range kept, y fitted.
  void begin_frame(FunctionState& state, double deadline);
  // The learner edited the text: compiled from the next frame on (this one took the edit in).
  void text_edited(const std::string& text);
  // True while a compile is under way: the panel needs more frames.
  bool is_compiling() const { return !compiled_.is_done(); }
  bool has_function() const { return compiled_.has_function(); }
  const StagedCompile& compiled() const { return compiled_; }

  // Needs has_function(). Recomputes only the parts whose inputs changed since the last call.
  const FunctionSnapshot& snapshot(const FunctionState& state);
  const ErrorCurve& error_curve(const FunctionState& state);
  PlotCurves curves(const CurveWindow& window, bool with_slopes, double deadline);

  // Gradient descent x ← x − η·f′(x), each step recorded in the trail. Needs has_function().
  void step(FunctionState& state);
  // Starts or pauses descending; `all_at_once` (reduced motion) takes the steps at once instead.
  void toggle_descent(FunctionState& state, bool all_at_once);
  // While descending: a step every 0.15 s of `seconds` passed. Returns whether still descending.
  bool advance_descent(FunctionState& state, double seconds);
  void stop_descent() { descending_ = false; }
  void clear_trail();
  bool is_descending() const { return descending_; }
  bool has_trail() const { return !trail_x_.empty(); }
  std::size_t steps_taken() const { return trail_x_.empty() ? 0 : trail_x_.size() - 1; }

  // f and f′ at xs[0 … n), exact (reverse mode), for the audio trace. Needs has_function().
  void sample(const double* xs, std::size_t n, double* values, double* slopes) { f().sample(xs, n, values, slopes); }

  // x, f(x), f′(x) at 401 points across the state's x range, as CSV with a header.
  std::string samples_csv(const FunctionState& state);
  // The y range following f over the visible x range (3rd to 97th percentile of 201 samples, so
  // poles do not stretch it to nothing); unchanged when too few samples are finite.
  void fit_y_range(FunctionState& state);
  // The "fit" control: x back to the range f was fitted in (before any zoom), y fitted to it.
  void fit_view(FunctionState& state);

 private:
  expr::Function1D& f() { return *compiled_.function(); }
  expr::ValueAndSlope value_and_slope(double x0);
  // One step from state.x0 (and Newton's racer one step); returns the slope descent used.
  double descent_step(FunctionState& state);
  // f′ and f″ at x from the compiled f′, or NaNs while it is not there.
  expr::ValueAndSlope slope_and_curvature(double x);

  StagedCompile compiled_;
  std::uint64_t seen_generation_ = 0;  // the f the view and the trail were last reset for
  double home_x_min_ = NAN, home_x_max_ = NAN;

  // f(x₀) and f′(x₀) for `at_x0_` under f's generation `at_generation_`.
  double at_x0_ = NAN;
  std::uint64_t at_generation_ = 0;
  expr::ValueAndSlope at_{};

  FunctionSnapshot snapshot_;
  std::uint64_t point_generation_ = 0, table_generation_ = 0, trail_generation_ = 0;
  std::vector<double> table_points_;
  double table_h_ = NAN;

  ErrorCurve error_curve_;
  std::uint64_t error_generation_ = 0;
  double error_x0_ = NAN;
  Scheme error_scheme_ = Scheme::kForward;

  CurveCache value_curve_, slope_curve_;

  bool descending_ = false;
  std::vector<double> trail_x_, newton_x_;
  bool point_has_curvature_ = false;  // the point reading was taken with f″ known
  double descent_clock_ = 0;
};

}  // namespace bp::app
