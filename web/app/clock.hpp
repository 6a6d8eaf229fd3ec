// A monotonic clock for frame budgets (compile, sampling, training in slices). No ImGui, no browser.
#pragma once

#include <chrono>

namespace bp::app {

// Milliseconds since an arbitrary fixed point; only differences mean anything.
inline double now_ms() {
  using Milliseconds = std::chrono::duration<double, std::milli>;
  return Milliseconds(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace bp::app
