// A sampling of an older f is dropped; one of this f for a window since left is finished first, so
// a plot being dragged still shows its curves, a few frames behind.
#include "function/curve_cache.hpp"

#include <utility>

#include "clock.hpp"

namespace bp::app {

namespace {
bool same_window(const CurveWindow& a, const CurveWindow& b) {
  return a.x_min == b.x_min && a.x_max == b.x_max && a.y_min == b.y_min && a.y_max == b.y_max &&
         a.width == b.width && a.height == b.height;
}
}  // namespace

const std::vector<CurveRun>& CurveCache::sample(std::uint64_t generation, const CurveWindow& window,
                                                const std::function<double(double)>& f, double deadline,
                                                bool& more) {
  const bool current = complete_ && generation_ == generation && same_window(window_, window);
  if (pending_ && pending_generation_ != generation) pending_.reset();
  if (!current && !pending_) {
    pending_.emplace(window);
    pending_generation_ = generation;
  }
  if (!pending_) return runs_;
  if (!pending_->run(f, [&] { return now_ms() > deadline; })) {
    more = true;
    return runs_;
  }
  runs_ = std::move(pending_->runs());
  window_ = pending_->window();
  generation_ = pending_generation_;
  complete_ = true;
  pending_.reset();
  if (!same_window(window_, window)) more = true;
  return runs_;
}

}  // namespace bp::app
