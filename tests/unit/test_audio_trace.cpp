// The audio trace: what a listener hears of f = x² on [−2, 2] (pitch falls to the vertex and rises
// again, one tick at x = 0, the buzzier tone while it falls, sound moving left to right), of a line,
// of a curve with a gap, and of a loss history. Reference values by hand: f′(x) = 2x is zero at 0;
// sin has zero slope at π/2 and 3π/2; the pitch at the top of the y range is the top pitch.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "clock.hpp"
#include "function/model.hpp"
#include "widgets/audio_trace.hpp"

using namespace bp::app;

namespace {

void square(const double* xs, std::size_t n, double* values, double* slopes) {
  for (std::size_t i = 0; i < n; ++i) values[i] = xs[i] * xs[i], slopes[i] = 2 * xs[i];
}

// The index of the lowest tone.
std::size_t lowest(const AudioTrace& trace) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < trace.tones.size(); ++i) {
    if (trace.tones[i].frequency < trace.tones[at].frequency) at = i;
  }
  return at;
}

}  // namespace

TEST_CASE("x squared on [-2, 2]: the pitch falls to x = 0 and rises again, with one tick there") {
  const TraceSamples samples = sample_for_trace(-2, 2, -0.5, 4.5, square);
  const AudioTrace trace = trace_curve(samples);
  REQUIRE(trace.tones.size() == 161);
  const std::size_t bottom = lowest(trace);
  CHECK(samples.x[bottom] == doctest::Approx(0).epsilon(1e-12));
  for (std::size_t i = 1; i <= bottom; ++i) CHECK(trace.tones[i].frequency < trace.tones[i - 1].frequency);
  for (std::size_t i = bottom + 1; i < trace.tones.size(); ++i) {
    CHECK(trace.tones[i].frequency > trace.tones[i - 1].frequency);
  }
  REQUIRE(trace.ticks.size() == 1);
  CHECK(trace.ticks[0].x == doctest::Approx(0).epsilon(1e-12));
  CHECK(trace.ticks[0].time == doctest::Approx(trace.tones[bottom].time));
  CHECK(trace.ticks[0].pan == doctest::Approx(0));
}

TEST_CASE("x squared: the buzzier timbre plays while the curve falls and stops at the vertex") {
  const AudioTrace trace = trace_curve(sample_for_trace(-2, 2, -0.5, 4.5, square));
  for (std::size_t i = 0; i < trace.tones.size(); ++i) {
    CHECK(trace.tones[i].timbre == (i < 80 ? Timbre::kFalling : Timbre::kRising));  // x < 0 for i < 80
  }
}

TEST_CASE("the sound moves from the left ear to the right, evenly, over the trace's seconds") {
  const AudioTrace trace = trace_curve(sample_for_trace(-2, 2, -0.5, 4.5, square));
  CHECK(trace.tones.front().pan == doctest::Approx(-1));
  CHECK(trace.tones.back().pan == doctest::Approx(1));
  CHECK(trace.tones[80].pan == doctest::Approx(0));
  for (std::size_t i = 1; i < trace.tones.size(); ++i) {
    CHECK(trace.tones[i].pan > trace.tones[i - 1].pan);
    CHECK(trace.tones[i].time > trace.tones[i - 1].time);
  }
  CHECK(trace.tones.front().time == 0);
  CHECK(trace.tones.back().time + trace.tones.back().duration == doctest::Approx(4));
}

TEST_CASE("pitch is two octaves from the bottom of the y range to the top; beyond it, the end pitch") {
  TraceOptions options;  // 220 Hz to 880 Hz
  const auto line = [](const double* xs, std::size_t n, double* values, double* slopes) {
    for (std::size_t i = 0; i < n; ++i) values[i] = 2 * xs[i], slopes[i] = 2;
  };
  const AudioTrace trace = trace_curve(sample_for_trace(-1, 1, -1, 1, line, 5), options);  // y from −2 to 2
  REQUIRE(trace.tones.size() == 5);
  CHECK(trace.tones[0].frequency == doctest::Approx(220));  // y = −2, below the view
  CHECK(trace.tones[1].frequency == doctest::Approx(220));  // y = −1, its bottom
  CHECK(trace.tones[2].frequency == doctest::Approx(440));  // y = 0, the middle: one octave up
  CHECK(trace.tones[3].frequency == doctest::Approx(880));  // y = 1, the top
  CHECK(trace.tones[4].frequency == doctest::Approx(880));
  CHECK(trace.ticks.empty());  // a line's slope is never zero
  for (const Tone& tone : trace.tones) CHECK(tone.timbre == Timbre::kRising);
}

TEST_CASE("sin on [0, 2π] ticks at its peak and its trough, where the slope changes sign between samples") {
  const auto sine = [](const double* xs, std::size_t n, double* values, double* slopes) {
    for (std::size_t i = 0; i < n; ++i) values[i] = std::sin(xs[i]), slopes[i] = std::cos(xs[i]);
  };
  const double pi = std::acos(-1.0);
  const AudioTrace trace = trace_curve(sample_for_trace(0, 2 * pi, -1.5, 1.5, sine, 100));
  REQUIRE(trace.ticks.size() == 2);
  CHECK(trace.ticks[0].x == doctest::Approx(pi / 2).epsilon(1e-3));
  CHECK(trace.ticks[1].x == doctest::Approx(3 * pi / 2).epsilon(1e-3));
}

TEST_CASE("where f is not a number the trace is silent, and goes on after") {
  const auto log_like = [](const double* xs, std::size_t n, double* values, double* slopes) {
    for (std::size_t i = 0; i < n; ++i) values[i] = std::log(xs[i]), slopes[i] = 1 / xs[i];  // NaN: x < 0
  };
  const AudioTrace trace = trace_curve(sample_for_trace(-1, 1, -3, 1, log_like, 21));
  REQUIRE(trace.tones.size() == 10);  // x = 0.1 … 1; x = 0 gives −∞, silent too
  CHECK(trace.tones.front().pan == doctest::Approx(0.1));
  CHECK(trace.tones.front().time > 1.9);  // after two seconds of silence
}

TEST_CASE("a loss history: the pitch falls with the loss, slopes from differences, no y range needed") {
  std::vector<double> loss;
  for (int epoch = 0; epoch < 1000; ++epoch) loss.push_back(0.7 * std::exp(-epoch / 200.0) + 0.01);
  const TraceSamples samples = series_for_trace(loss, 2);  // an entry every second epoch
  REQUIRE(samples.x.size() == 161);
  CHECK(samples.x.back() == 1998);
  const AudioTrace trace = trace_curve(samples);
  REQUIRE(trace.tones.size() == 161);
  CHECK(trace.tones.front().frequency == doctest::Approx(880));  // the largest loss: the top pitch
  CHECK(trace.tones.back().frequency == doctest::Approx(220));
  for (const Tone& tone : trace.tones) CHECK(tone.timbre == Timbre::kFalling);
  CHECK(trace.ticks.empty());
}

TEST_CASE("a noisy loss curve's ticks are at least the gap apart, so they stay countable") {
  std::vector<double> loss;
  for (int step = 0; step < 2000; ++step) loss.push_back(1.0 / (1 + step) + 0.002 * std::sin(step));  // wiggles
  const AudioTrace trace = trace_curve(series_for_trace(loss, 1, 2000));
  REQUIRE(trace.ticks.size() > 1);
  for (std::size_t i = 1; i < trace.ticks.size(); ++i) {
    CHECK(trace.ticks[i].time - trace.ticks[i - 1].time >= TraceOptions{}.min_tick_gap_seconds);
  }
}

TEST_CASE("function mode's model samples f and its exact slope for the trace") {
  FunctionModel model;
  FunctionState state;
  state.text = "x^2";
  for (int frame = 0; frame < 10 && (frame == 0 || model.is_compiling()); ++frame) {
    model.begin_frame(state, now_ms() + 1000);
  }
  REQUIRE(model.has_function());
  const TraceSamples samples = sample_for_trace(
      -2, 2, -0.5, 4.5, [&](const double* xs, std::size_t n, double* v, double* d) { model.sample(xs, n, v, d); });
  CHECK(samples.value[0] == 4);
  CHECK(samples.slope[0] == -4);
  CHECK(samples.slope[80] == 0);
  const AudioTrace trace = trace_curve(samples);
  REQUIRE(trace.ticks.size() == 1);
  CHECK(trace.ticks[0].x == 0);
}

TEST_CASE("the description says the range, the ticks, and what the timbre means") {
  const TraceSamples samples = sample_for_trace(-2, 2, -0.5, 4.5, square);
  const std::string said = describe_trace("f", samples, trace_curve(samples));
  CHECK(said == "Audio trace of f from x = -2 to 2 over 4 seconds: pitch follows the height, left to right; "
                "1 tick where the slope is zero; a buzzier tone where it falls.");
  CHECK(describe_trace("f", {}, {}) == "Audio trace of f: nothing to play (no finite values).");
  std::vector<double> loss{0.7, 0.5, 0.3};
  const TraceSamples history = series_for_trace(loss, 10);
  CHECK(describe_trace("the loss", history, trace_curve(history), "epoch") ==
        "Audio trace of the loss from epoch = 0 to 20 over 4 seconds: pitch follows the height, left to right; "
        "0 ticks where the slope is zero; a buzzier tone where it falls.");
}
