// Adaptive sampling by interval halving on an explicit stack (no recursion), resumable between slices.
#include "widgets/curve_sampling.hpp"

#include <algorithm>
#include <cmath>

namespace bp::app {

namespace {
constexpr int kMaxDepth = 10;           // a 3-pixel base interval halves down to 3/1024 px
constexpr double kFlatness = 0.35;      // px: a midpoint closer than this to the chord needs no split
constexpr int kEvaluationsPerCheck = 8; // how often run() asks whether its slice is over
}  // namespace

CurveSampler::CurveSampler(const CurveWindow& window, int max_evaluations) : window_(window) {
  base_ = std::clamp(static_cast<int>(window.width / 3), 16, 800);
  budget_ = max_evaluations - (base_ + 1);
}

void CurveSampler::point(double x, double y) {
  if (std::isfinite(y)) {
    runs_.back().emplace_back(x, y);
  } else if (!runs_.back().empty()) {
    runs_.emplace_back();
  }
}

void CurveSampler::break_run() {
  if (!runs_.back().empty()) runs_.emplace_back();
}

bool CurveSampler::run(const std::function<double(double)>& f, const std::function<bool()>& out_of_time) {
  if (done_) return true;
  const CurveWindow& w = window_;
  const double sx = w.width / (w.x_max - w.x_min), sy = w.height / (w.y_max - w.y_min);
  int since_check = 0;
  auto slice_over = [&]() {
    if (++since_check < kEvaluationsPerCheck) return false;
    since_check = 0;
    return out_of_time();
  };
  if (next_ == 0) {
    xa_ = w.x_min, ya_ = f(xa_);
    point(xa_, ya_);
    next_ = 1;
  }
  while (next_ <= base_) {
    if (stack_.empty()) {  // start the next base interval
      if (slice_over()) return false;
      const double xb = w.x_min + (w.x_max - w.x_min) * next_ / base_, yb = f(xb);
      stack_.push_back({xa_, ya_, xb, yb, 0});
      xa_ = xb, ya_ = yb;
    }
    while (!stack_.empty()) {
      const Interval v = stack_.back();
      const bool finite = std::isfinite(v.ya) && std::isfinite(v.yb);
      if (v.depth < kMaxDepth && budget_ > 0) {
        if (slice_over()) return false;  // v stays on the stack for the next slice
        stack_.pop_back();
        const double xm = (v.xa + v.xb) / 2, ym = f(xm);
        --budget_;
        // How far the midpoint is from the straight line between the ends, on screen.
        const double off = finite && std::isfinite(ym) ? std::fabs((ym - (v.ya + v.yb) / 2) * sy) : INFINITY;
        const bool visible = !finite || std::fabs(v.ya - v.yb) * sy > 0.5 || off > kFlatness;
        if (off > kFlatness && visible && (v.xb - v.xa) * sx > 1e-3) {
          stack_.push_back({xm, ym, v.xb, v.yb, v.depth + 1});  // right half after the left half
          stack_.push_back({v.xa, v.ya, xm, ym, v.depth + 1});
          continue;
        }
      } else {
        stack_.pop_back();
      }
      // A visible rise across a sliver a thousandth of a pixel wide, left after all the halving,
      // is a pole or a jump: nothing continuous on screen is that steep.
      if (finite && v.depth >= kMaxDepth && std::fabs(v.yb - v.ya) * sy > 2) break_run();
      point(v.xb, v.yb);
    }
    ++next_;
  }
  if (runs_.back().empty()) runs_.pop_back();
  runs_.erase(std::remove_if(runs_.begin(), runs_.end(), [](const CurveRun& r) { return r.size() < 2; }), runs_.end());
  done_ = true;
  return true;
}

std::vector<CurveRun> sample_curve(const std::function<double(double)>& f, const CurveWindow& w, int max_evaluations) {
  CurveSampler sampler(w, max_evaluations);
  sampler.run(f, [] { return false; });
  return std::move(sampler.runs());
}

}  // namespace bp::app
