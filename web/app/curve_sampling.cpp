// Adaptive sampling by interval halving on an explicit stack (no recursion).
#include "curve_sampling.hpp"

#include <algorithm>
#include <cmath>

namespace bp::app {

namespace {
struct Interval {
  double xa, ya, xb, yb;
  int depth;
};
constexpr int kMaxDepth = 10;           // a 3-pixel base interval halves down to 3/1024 px
constexpr double kFlatness = 0.35;      // px: a midpoint closer than this to the chord needs no split
}  // namespace

std::vector<CurveRun> sample_curve(const std::function<double(double)>& f, const CurveWindow& w, int max_evaluations) {
  const double sx = w.width / (w.x_max - w.x_min), sy = w.height / (w.y_max - w.y_min);
  const int base = std::clamp(static_cast<int>(w.width / 3), 16, 800);
  int budget = max_evaluations - (base + 1);
  std::vector<CurveRun> runs(1);
  auto point = [&](double x, double y) {
    if (std::isfinite(y)) {
      runs.back().emplace_back(x, y);
    } else if (!runs.back().empty()) {
      runs.emplace_back();
    }
  };
  auto break_run = [&]() {
    if (!runs.back().empty()) runs.emplace_back();
  };

  double xa = w.x_min, ya = f(xa);
  point(xa, ya);
  std::vector<Interval> stack;
  for (int i = 1; i <= base; ++i) {
    const double xb = w.x_min + (w.x_max - w.x_min) * i / base, yb = f(xb);
    stack.push_back({xa, ya, xb, yb, 0});
    while (!stack.empty()) {
      const Interval v = stack.back();
      stack.pop_back();
      const bool finite = std::isfinite(v.ya) && std::isfinite(v.yb);
      if (v.depth < kMaxDepth && budget > 0) {
        const double xm = (v.xa + v.xb) / 2, ym = f(xm);
        --budget;
        // How far the midpoint is from the straight line between the ends, on screen.
        const double off = finite && std::isfinite(ym) ? std::fabs((ym - (v.ya + v.yb) / 2) * sy) : INFINITY;
        const bool visible = !finite || std::fabs(v.ya - v.yb) * sy > 0.5 || off > kFlatness;
        if (off > kFlatness && visible && (v.xb - v.xa) * sx > 1e-3) {
          stack.push_back({xm, ym, v.xb, v.yb, v.depth + 1});  // right half after the left half
          stack.push_back({v.xa, v.ya, xm, ym, v.depth + 1});
          continue;
        }
      }
      // A visible rise across a sliver a thousandth of a pixel wide, left after all the halving,
      // is a pole or a jump: nothing continuous on screen is that steep.
      if (finite && v.depth >= kMaxDepth && std::fabs(v.yb - v.ya) * sy > 2) break_run();
      point(v.xb, v.yb);
    }
    xa = xb, ya = yb;
  }
  if (runs.back().empty()) runs.pop_back();
  runs.erase(std::remove_if(runs.begin(), runs.end(), [](const CurveRun& r) { return r.size() < 2; }), runs.end());
  return runs;
}

}  // namespace bp::app
