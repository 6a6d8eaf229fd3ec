// When a built frame is shown (web/platform/present_pacing.hpp): a widget training unattended on a renderer
// that cannot keep up shows at most 20 pictures a second; with input, or on a renderer that keeps up, every one.
#include <doctest/doctest.h>

#include "present_pacing.hpp"

using bp::platform::PresentPacing;

namespace {
// Runs `frames` animation frames `interval_ms` apart from `start`; returns how many were presented.
int run(PresentPacing& pacing, double& now, int frames, double interval_ms) {
  int presented = 0;
  for (int i = 0; i < frames; ++i) {
    now += interval_ms;
    presented += pacing.begin_frame(now) ? 1 : 0;
  }
  return presented;
}

// A pacing that has seen 60 frames 30 ms apart with no input since `now` = 0: throttled.
PresentPacing throttled_pacing(double& now) {
  PresentPacing pacing;
  pacing.attend(now);
  run(pacing, now, 60, 30);
  return pacing;
}
}  // namespace

TEST_CASE("a renderer that keeps up at 60 fps shows every frame of a long unattended animation") {
  PresentPacing pacing;
  double now = 0;
  pacing.attend(now);  // the click on Train
  CHECK(run(pacing, now, 600, 1000.0 / 60) == 600);
  CHECK_FALSE(pacing.throttled());
}

TEST_CASE("a slow renderer (30 ms frames) is shown at most every 50 ms once the probe has seen it") {
  PresentPacing pacing;
  double now = 0;
  pacing.attend(now);
  // The half second after the click, and the probe's frames: every one shown.
  const int attended = static_cast<int>(PresentPacing::kAttentionMs / 30) + 1;
  CHECK(run(pacing, now, attended + PresentPacing::kProbeFrames, 30) == attended + PresentPacing::kProbeFrames);
  CHECK(pacing.throttled());
  // Then frames come faster (they no longer draw), 16 ms apart: one in four shown (every 64 ms ≥ 50 ms).
  const int shown = run(pacing, now, 400, 16);
  CHECK(shown == 100);
}

TEST_CASE("input shows every frame again, and the next probe starts afresh") {
  double now = 0;
  PresentPacing pacing = throttled_pacing(now);
  REQUIRE(pacing.throttled());
  pacing.attend(now);  // the learner moves the mouse
  CHECK_FALSE(pacing.throttled());
  CHECK(run(pacing, now, 10, 16) == 10);
  // Unattended again on what is now a fast renderer (the slow phase was another page's load): never throttled.
  CHECK(run(pacing, now, 300, 16) == 300);
  CHECK_FALSE(pacing.throttled());
}

TEST_CASE("a pause in the frames ends an animation: the next one is probed from the start") {
  double now = 0;
  PresentPacing pacing = throttled_pacing(now);
  REQUIRE(pacing.throttled());
  now += 1000;  // training stopped; a second later a race starts, with no input in between
  CHECK(pacing.begin_frame(now));
  CHECK_FALSE(pacing.throttled());
}
