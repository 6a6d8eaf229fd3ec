// Function mode's two-variable view: what it computes for f(x, y), with no ImGui and no browser (tested
// natively in tests/unit/test_plane_model.cpp). f is compiled once per text; the sampled grids, the point's
// reading and the level set are recomputed only when their inputs change, so dragging the point costs
// one gradient and one level set on the grid already sampled, not a new heat map.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "expr/engine.hpp"
#include "expr/tape.hpp"
#include "state/app_state.hpp"

namespace bp::app {

// The free variables of a text, for function mode to pick its view: one (or none) keeps the 1-D plot,
// two open this view, more get `message`. Order: `f(a, b) = …`'s parameters as written; else x before y
// when both are read; else the order of first use. The first is the horizontal axis.
struct FreeVariables {
  bool parses = false;
  std::vector<std::string> names;
  std::string message;  // with three or more: names them and says the view shows one or two
};
FreeVariables free_variables(const std::string& text);

// Which view function mode shows for its text: two or more free variables open the two-variable view
// (whose field names the variables when there are three). A text that does not parse keeps the last answer,
// so a half-typed edit does not flip the view back and forth.
class ViewChoice {
 public:
  bool is_two_variable(const std::string& text);

 private:
  std::string text_;
  bool is_two_variable_ = false;
  bool has_answer_ = false;
};

// f sampled at n × n cell centres of a window: values[j * n + i] is f(x_i, y_j), row 0 at y_min
// (the bottom), as a float texture takes it. Non-finite values are kept as NaN.
struct SampledGrid {
  int n = 0;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
  std::vector<float> values;
  double low = 0, high = 1;  // the colour range: 2nd to 98th percentile of the finite values
  double level_step = 1;     // the contour lines' spacing, a round number (1, 2 or 5 × 10^k)
  std::uint64_t generation = 0;  // of the f it sampled
  double x_at(int i) const { return x_min + (i + 0.5) / n * (x_max - x_min); }
  double y_at(int j) const { return y_min + (j + 0.5) / n * (y_max - y_min); }
};

// A window of the plane: what the learner asked to see (the state's view, the link's `view` and `yview`), or what
// the map draws of it.
struct PlaneWindow {
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
  bool operator==(const PlaneWindow& o) const {
    return x_min == o.x_min && x_max == o.x_max && y_min == o.y_min && y_max == o.y_max;
  }
};
// What a width × height map draws of the `asked` window: square pixels (a direction on screen is the direction
// in the plane, ∇f perpendicular to the level curve), the asked window centred and wholly visible, the axis
// with room widened. Only drawing derives it: the state keeps the asked window, so a link reopens what it
// says at any size. A window of the canvas's shape already (to 1e-9, as one written back after a pan) is
// drawn exactly as it is.
PlaneWindow shown_window(const PlaneWindow& asked, double width, double height);

// f at the point (x₀, y₀) for one h and scheme.
struct PlaneReading {
  double x0 = NAN, y0 = NAN, h = NAN;
  Scheme scheme = Scheme::kForward;
  double value = NAN;                     // f(x₀, y₀)
  double dfdx = NAN, dfdy = NAN;          // the exact partials, by reverse-mode autodiff
  double estimate_x = NAN, estimate_y = NAN;  // their finite differences for h and scheme
  double direction = NAN;                 // degrees from the horizontal axis
  double directional = NAN;               // ∇f · (cos θ, sin θ): the slope along that direction
};

// The heat map's first, at-once sampling of a new f or window: 64² samples cost a sixteenth of 256².
inline constexpr int kCoarseGrid = 64;
// The level set's cells per side: the heat map's grid taken every other sample, or sampled at this size when the
// heat map has none of the window (the tests).
inline constexpr int kLevelGrid = 128;

class PlaneModel {
 public:
  // Each frame before drawing: compiles the state's text when it changed.
  void begin_frame(const FunctionState& state);
  bool has_function() const { return has_function_; }
  // The error of the current text (the last good f stays, like the 1-D view's), or null.
  const expr::Error* error() const { return error_ ? &*error_ : nullptr; }
  const std::string& horizontal() const { return names_[0]; }  // x, or f(a, b)'s a
  const std::string& vertical() const { return names_[1]; }
  // Counts the functions held: a grid of an older one is stale.
  std::uint64_t generation() const { return generation_; }

  // Needs has_function(). Recomputed only when f, the point, h, the scheme or the direction change.
  const PlaneReading& reading(const FunctionState& state);
  // f on an n × n grid over the window, sampled within a frame's budget: a new f or window first gets a
  // coarse grid (kCoarseGrid² samples, at once), refined to n × n row by row until `deadline` (now_ms()) in
  // the next calls that ask for the same window (none while it changes every frame: a pan). Returns the
  // finest grid done for the newest window asked for; is_sampling() while the refinement is under way. With
  // no deadline, the full grid at once.
  const SampledGrid& grid(double x_min, double x_max, double y_min, double y_max, int n, double deadline = INFINITY);
  bool is_sampling() const { return pending_rows_ < pending_.n; }
  // The same for the 3-D view's coarser mesh (its own cache, so the two views do not evict each other).
  const SampledGrid& mesh(double x_min, double x_max, double y_min, double y_max, int n);
  // f at one point (the 3-D view lifts the race's trails onto the surface with it).
  double value(double x, double y) { return value_at(x, y); }
  // f's value and gradient at m points: xs, ys in; values, gxs, gys out.
  void gradients(const double* xs, const double* ys, std::size_t m, double* values, double* gxs, double* gys);
  // The level set f = f(x₀, y₀) within the window, the curve through the point and any other piece of it: short
  // segments (x₁, y₁, x₂, y₂) found by marching squares on the heat map's grid of this window (sampled at
  // kLevelGrid² when there is none), the crossings linearly interpolated along the cells' edges. Its cost is
  // one pass over the grid whatever f: tracing the curve with Newton steps took up to 15 ms for a wavy f.
  const std::vector<std::array<double, 4>>& level_curve(const FunctionState& state, double x_min, double x_max,
                                                        double y_min, double y_max);
  // The colour range the view opened with and the vertical range for the "fit" control: the horizontal
  // range f was first shown in and, for the vertical, one of the same width around its centre.
  void fit_view(FunctionState& state) const;

 private:
  double value_at(double x, double y);
  // f and ∇f at one point from one forward and one backward walk.
  void gradient_at(double x, double y, double& value, double& gx, double& gy);
  double finite_difference(double x, double y, bool along_x, double h, Scheme scheme);
  // True when `grid` is of the current f and shows the window: the same size, its cells offset by at most half a
  // cell (a grid moved by whole cells for a pan; the shader draws it at the window's place).
  bool covers(const SampledGrid& grid, double x_min, double x_max, double y_min, double y_max) const;
  // A pan: moves `grid` by whole cells towards the window and samples only the strips it exposes, when those
  // are fewer than a coarse grid's samples. False (nothing done) for a zoom, a new f or a long jump.
  bool shift(SampledGrid& grid, double x_min, double x_max, double y_min, double y_max);
  // Starts `grid` over the window (its values unset) unless it is of it already; true when started.
  bool start(SampledGrid& grid, double x_min, double x_max, double y_min, double y_max, int n);
  // Samples row j of `grid`, or its cells i_begin … i_end − 1.
  void sample_row(SampledGrid& grid, int j) { sample_cells(grid, j, 0, grid.n); }
  void sample_cells(SampledGrid& grid, int j, int i_begin, int i_end);
  void sample(SampledGrid& grid, double x_min, double x_max, double y_min, double y_max, int n);

  std::string text_;
  bool has_function_ = false;
  std::optional<expr::Error> error_;
  std::optional<expr::Program> program_;
  expr::Tape tape_;
  std::vector<double> values_;    // one per input; the two variables' entries change per point
  int x_input_ = -1, y_input_ = -1;  // their indices in program_->inputs (-1: f does not read it)
  std::string names_[2] = {"x", "y"};
  std::uint64_t generation_ = 0;
  double home_x_min_ = NAN, home_x_max_ = NAN;

  PlaneReading reading_;
  std::uint64_t reading_generation_ = 0;
  SampledGrid grid_, pending_, mesh_;  // the grid shown, the finer one being sampled, the 3-D view's
  int pending_rows_ = 0;               // rows of pending_ done
  double asked_[4] = {NAN, NAN, NAN, NAN};  // the window grid() was last asked for: refining waits for it to stay
  std::vector<float> moved_;           // shift()'s copy of the values
  std::vector<double> row_xs_, row_values_;
  std::vector<std::array<double, 4>> level_;
  std::uint64_t level_generation_ = 0;
  double level_key_[7] = {NAN, NAN, NAN, NAN, NAN, NAN, NAN};
};

}  // namespace bp::app
