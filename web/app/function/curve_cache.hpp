// Samples of one curve kept between frames: taken again only when f or the plot's window changed,
// in slices within the frame's budget. Until a sampling is complete the last complete one is drawn.
// No ImGui, no browser: tested natively.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "widgets/curve_sampling.hpp"

namespace bp::app {

class CurveCache {
 public:
  // The samples of f (the `generation`-th function) for `window`, sampling further until `deadline`
  // (now_ms()). Sets `more` while a sampling is under way: the caller asks for another frame.
  const std::vector<CurveRun>& sample(std::uint64_t generation, const CurveWindow& window,
                                      const std::function<double(double)>& f, double deadline, bool& more);

 private:
  std::vector<CurveRun> runs_;  // the last complete sampling
  std::uint64_t generation_ = 0;
  CurveWindow window_;
  bool complete_ = false;
  std::optional<CurveSampler> pending_;
  std::uint64_t pending_generation_ = 0;
};

}  // namespace bp::app
