// When a frame that was built is also put on the canvas. A widget that trains (or races) unattended keeps
// building a frame on every animation frame, but where the renderer cannot keep up (a software renderer, as
// headless Chromium's and some phones' fallback: 30–40 ms to rasterise each frame of ours) every presented
// frame also holds up the page around it: a lesson page beside a training widget fell to 28 fps.
//
// So: while frames keep coming with no input, the browser's frame rate is watched; if the median interval
// between animation frames over a probe of them is over kSlowIntervalMs (under ~45 fps), the canvas is from
// then on presented at most every kThrottledPresentMs (the work in between still runs: training trains as
// fast as before). Any input, a change from the page, or a pause in the frames ends it and the next probe
// starts afresh. A renderer that keeps up is never throttled. Pure logic, no browser: tested natively.
#pragma once

#include <algorithm>
#include <array>

namespace bp::platform {

class PresentPacing {
 public:
  static constexpr int kProbeFrames = 12;
  static constexpr double kSlowIntervalMs = 22;
  static constexpr double kThrottledPresentMs = 50;
  static constexpr double kAttentionMs = 500;  // input within this long: every frame is presented
  static constexpr double kGapMs = 250;         // frames this far apart are not one animation

  // Input arrived, or the page changed the state: present every frame from now on.
  void attend(double now_ms) {
    last_attention_ms_ = now_ms;
    restart();
  }

  // An animation frame began at `now_ms`. Returns whether to present this one's picture.
  bool begin_frame(double now_ms) {
    const double interval = now_ms - last_frame_ms_;
    last_frame_ms_ = now_ms;
    if (interval > kGapMs) restart();  // an animation (re)starts
    const bool unattended = now_ms - last_attention_ms_ >= kAttentionMs;
    if (!unattended) {
      restart();
      return present(now_ms);
    }
    if (!throttled_) {
      if (skip_next_) {
        skip_next_ = false;  // the interval since an input or a pause says nothing of the renderer
      } else {
        probe_[static_cast<std::size_t>(probe_count_++)] = interval;
      }
      if (probe_count_ == kProbeFrames) {
        std::array<double, kProbeFrames> sorted = probe_;
        std::nth_element(sorted.begin(), sorted.begin() + kProbeFrames / 2, sorted.end());
        throttled_ = sorted[kProbeFrames / 2] > kSlowIntervalMs;
        probe_count_ = 0;
      }
      return present(now_ms);
    }
    if (now_ms - last_present_ms_ >= kThrottledPresentMs) return present(now_ms);
    return false;
  }

  bool throttled() const { return throttled_; }

 private:
  bool present(double now_ms) {
    last_present_ms_ = now_ms;
    return true;
  }
  void restart() {
    throttled_ = false;
    skip_next_ = true;
    probe_count_ = 0;
  }

  std::array<double, kProbeFrames> probe_{};
  int probe_count_ = 0;
  bool skip_next_ = true;
  bool throttled_ = false;
  double last_frame_ms_ = -1e9;
  double last_present_ms_ = -1e9;
  double last_attention_ms_ = -1e9;
};

}  // namespace bp::platform
