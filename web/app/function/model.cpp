// Function mode's numbers: the engine's Function1D evaluates; this file decides what is computed
// again when, and writes gradient descent once.
#include "function/model.hpp"

#include <algorithm>

#include "expr/printer.hpp"

namespace bp::app {

namespace {

constexpr double kSecondsPerStep = 0.15;  // about seven steps a second: slow enough to follow
constexpr int kMaxStepsAtOnce = 200;
constexpr std::size_t kMaxTrail = 500;

// Descent stops where the slope vanishes or x has run off to infinity.
bool has_settled(double slope, double x) { return std::fabs(slope) < 1e-9 || !std::isfinite(x); }

}  // namespace

void FunctionModel::begin_frame(FunctionState& s, double deadline) {
  const bool nothing_compiled = !compiled_.has_function() && !compiled_.error() && compiled_.is_done();
  if (compiled_.text() != s.text || nothing_compiled) compiled_.start(s.text);
  if (!compiled_.is_done()) compiled_.advance(deadline);
  if (seen_generation_ == compiled_.generation() || !has_function()) return;
  // A new f: nothing of the old one's descent stays, and (unless a link opened with its own view) the
  // view fits it: x range kept, y fitted to what is visible.
  const bool is_first = seen_generation_ == 0;
  seen_generation_ = compiled_.generation();
  clear_trail();
  home_x_min_ = s.view_x_min, home_x_max_ = s.view_x_max;
  if (!is_first) fit_y_range(s);
}

// A paste of 20,000 characters costs ImGui a while in the frame that takes it: compiling waits.
void FunctionModel::text_edited(const std::string& text) { compiled_.start(text); }

void FunctionModel::fit_view(FunctionState& s) {
  if (!has_function()) return;
  if (home_x_min_ < home_x_max_) s.view_x_min = home_x_min_, s.view_x_max = home_x_max_;
  fit_y_range(s);
}

expr::ValueAndSlope FunctionModel::value_and_slope(double x0) {
  if (at_generation_ != compiled_.generation() || !(at_x0_ == x0)) {
    at_ = f().value_and_slope(x0);
    at_x0_ = x0;
    at_generation_ = compiled_.generation();
  }
  return at_;
}

const FunctionSnapshot& FunctionModel::snapshot(const FunctionState& s) {
  const std::uint64_t generation = compiled_.generation();
  const double h = step_size(s);
  PointReading& p = snapshot_.point;
  const bool has_curvature = compiled_.slope_function() != nullptr;
  if (point_generation_ != generation || !(p.x0 == s.x0) || !(p.h == h) || p.scheme != s.scheme ||
      point_has_curvature_ != has_curvature) {
    point_generation_ = generation;
    point_has_curvature_ = has_curvature;
    p.curvature = slope_and_curvature(s.x0).slope;
    const expr::ValueAndSlope at = value_and_slope(s.x0);
    p.x0 = s.x0, p.h = h, p.scheme = s.scheme;
    p.value = at.value;
    p.slope = at.slope;
    p.estimate = f().finite_difference(s.x0, h, s.scheme);
    Secant& secant = p.secant;
    secant.xa = s.scheme == Scheme::kForward ? s.x0 : s.x0 - h;
    secant.xb = s.scheme == Scheme::kBackward ? s.x0 : s.x0 + h;
    secant.ya = f().value(secant.xa);
    secant.yb = f().value(secant.xb);
    secant.slope = (secant.yb - secant.ya) / (secant.xb - secant.xa);
  }
  if (table_generation_ != generation || table_points_ != s.table_points || !(table_h_ == h)) {
    table_generation_ = generation;
    table_points_ = s.table_points;
    table_h_ = h;
    snapshot_.table.clear();
    for (double x : s.table_points) {
      const double difference = f().finite_difference(x, h, expr::Scheme::kForward);
      snapshot_.table.push_back({x, f().value(x), f().value(x + h), difference});
    }
  }
  if (trail_generation_ != generation) {
    trail_generation_ = generation;
    snapshot_.trail.clear();
    snapshot_.newton_trail.clear();
  }
  while (snapshot_.trail.size() < trail_x_.size()) {
    const double x = trail_x_[snapshot_.trail.size()];
    snapshot_.trail.emplace_back(x, f().value(x));
  }
  if (newton_x_.size() < snapshot_.newton_trail.size()) snapshot_.newton_trail.clear();
  while (snapshot_.newton_trail.size() < newton_x_.size()) {
    const double x = newton_x_[snapshot_.newton_trail.size()];
    snapshot_.newton_trail.emplace_back(x, f().value(x));
  }
  return snapshot_;
}

// In one block walk: for a 20,000-character f, 302 separate walks took longer than a frame may.
const ErrorCurve& FunctionModel::error_curve(const FunctionState& s) {
  ErrorCurve& c = error_curve_;
  constexpr int n = ErrorCurve::kSamples;
  if (error_generation_ == compiled_.generation() && error_x0_ == s.x0 && error_scheme_ == s.scheme) return c;
  c.hs.resize(n);
  c.errors.resize(n);
  for (int i = 0; i < n; ++i) c.hs[i] = std::pow(10.0, -16.0 + 16.0 * i / (n - 1));
  f().finite_differences(s.x0, c.hs.data(), n, s.scheme, c.errors.data());
  const double exact = value_and_slope(s.x0).slope;
  for (double& e : c.errors) e = std::fabs(e - exact);
  c.best_h = 1, c.best = INFINITY;
  for (int i = 0; i < n; ++i) {
    if (c.errors[i] > 0 && c.errors[i] < c.best) c.best = c.errors[i], c.best_h = c.hs[i];
  }
  error_generation_ = compiled_.generation();
  error_x0_ = s.x0;
  error_scheme_ = s.scheme;
  return c;
}

PlotCurves FunctionModel::curves(const CurveWindow& window, bool with_slopes, double deadline) {
  PlotCurves out;
  bool more = false;
  const std::uint64_t generation = compiled_.generation();
  expr::Function1D& fn = f();
  out.values = &value_curve_.sample(generation, window, [&](double x) { return fn.value(x); }, deadline, more);
  if (with_slopes) {
    const auto slope = [&](double x) { return fn.value_and_slope(x).slope; };
    out.slopes = &slope_curve_.sample(generation, window, slope, deadline, more);
  }
  out.is_sampling = more;
  return out;
}

expr::ValueAndSlope FunctionModel::slope_and_curvature(double x) {
  expr::Function1D* slope = compiled_.slope_function();
  return slope ? slope->value_and_slope(x) : expr::ValueAndSlope{NAN, NAN};
}

double FunctionModel::descent_step(FunctionState& s) {
  const double slope = value_and_slope(s.x0).slope;
  s.x0 -= s.learning_rate * slope;
  trail_x_.push_back(s.x0);
  // Newton's racer: x ← x − f′(x)/f″(x), from the start descent took; where f″ is 0 or unknown it stays.
  double x = newton_x_.empty() ? trail_x_.front() : newton_x_.back();
  if (newton_x_.empty()) newton_x_.push_back(x);
  const expr::ValueAndSlope d = slope_and_curvature(x);
  const double next = x - d.value / d.slope;
  if (d.slope != 0 && std::isfinite(next)) x = next;
  newton_x_.push_back(x);
  return slope;
}

void FunctionModel::step(FunctionState& s) {
  if (trail_x_.empty()) trail_x_.push_back(s.x0);
  descent_step(s);
}

void FunctionModel::toggle_descent(FunctionState& s, bool all_at_once) {
  descending_ = !descending_;
  if (trail_x_.empty()) trail_x_.push_back(s.x0);
  if (!all_at_once) return;
  for (int i = 0; i < kMaxStepsAtOnce && descending_; ++i) {
    if (has_settled(descent_step(s), s.x0)) descending_ = false;
  }
  descending_ = false;
}

bool FunctionModel::advance_descent(FunctionState& s, double seconds) {
  if (!descending_) return false;
  descent_clock_ += seconds;
  if (descent_clock_ > kSecondsPerStep) {
    descent_clock_ = 0;
    const double slope = descent_step(s);
    if (has_settled(slope, s.x0) || trail_x_.size() > kMaxTrail) descending_ = false;
  }
  return descending_;
}

void FunctionModel::clear_trail() {
  trail_x_.clear();
  newton_x_.clear();
  snapshot_.trail.clear();
  snapshot_.newton_trail.clear();
  descending_ = false;
}

std::string FunctionModel::samples_csv(const FunctionState& s) {
  std::string csv = "x,f(x),f'(x)\n";
  for (int i = 0; i <= 400; ++i) {
    const double x = s.view_x_min + (s.view_x_max - s.view_x_min) * i / 400;
    const auto p = f().value_and_slope(x);
    csv += expr::format_number(x) + "," + expr::format_number(p.value) + "," + expr::format_number(p.slope) + "\n";
  }
  return csv;
}

void FunctionModel::fit_y_range(FunctionState& s) {
  std::vector<double> xs(201), all(201), ys;
  for (int i = 0; i <= 200; ++i) xs[i] = s.view_x_min + (s.view_x_max - s.view_x_min) * i / 200;
  f().sample(xs.data(), xs.size(), all.data(), nullptr);  // one block walk
  for (double y : all) {
    if (std::isfinite(y)) ys.push_back(y);
  }
  if (ys.size() < 10) return;
  std::sort(ys.begin(), ys.end());
  double lo = ys[ys.size() * 3 / 100], hi = ys[ys.size() * 97 / 100];
  if (!(lo < hi)) {  // a constant (or all but a few samples equal): a unit around it
    const double half = std::max(1.0, std::fabs(lo) * 0.5);
    lo -= half, hi += half;
  }
  if (!std::isfinite(hi - lo)) return;
  const double pad = (hi - lo) * 0.1;
  s.view_y_min = lo - pad;
  s.view_y_max = hi + pad;
}

}  // namespace bp::app
