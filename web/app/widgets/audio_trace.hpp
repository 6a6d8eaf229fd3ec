// The audio trace of a curve, as Desmos plays one (Alt+T, then H): the curve is heard left to right
// in a few seconds; pitch follows its height in the visible y range, the stereo pan follows x, a
// tick sounds where the slope is zero, and the tone turns buzzier while the curve falls (f′ < 0).
// No ImGui and no browser: this turns samples into a list of tones (tested natively); the page
// plays them (page.hpp, play_tones).
#pragma once

#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace bp::app {

// A curve sampled left to right: x, its value and its slope at each x (the slope may be left empty:
// it is then taken from differences of the values, as for a loss curve).
struct TraceSamples {
  std::vector<double> x, value, slope;
  double x_min = NAN, x_max = NAN;  // the visible x range (pan: left end to right end); NaN: the samples'
  double y_min = NAN, y_max = NAN;  // the visible y range (pitch: low to high); NaN: the finite values'
};

struct TraceOptions {
  double seconds = 4;                    // left end to right end
  double low_hz = 220, high_hz = 880;    // pitch at the bottom and at the top of the y range (two octaves)
  double min_tick_gap_seconds = 0.06;    // ticks closer than this are one (a noisy loss curve)
};

enum class Timbre { kRising, kFalling };  // f′ ≥ 0: a pure tone; f′ < 0: a buzzier one

struct Tone {
  double time = 0, duration = 0;  // seconds from the start
  double frequency = 0;           // Hz
  double pan = 0;                 // −1 left … 1 right
  Timbre timbre = Timbre::kRising;
};

// Where the slope is zero: a short click.
struct Tick {
  double time = 0, pan = 0;
  double x = 0;  // where along the curve
};

struct AudioTrace {
  std::vector<Tone> tones;  // left to right; none where the value is not a finite number (silence)
  std::vector<Tick> ticks;
  double seconds = 0;
};

// The trace of `samples`. Values above or below the y range sound at the top or bottom pitch.
AudioTrace trace_curve(const TraceSamples& samples, const TraceOptions& options = {});

// f and f′ at `count` evenly spaced points of [x_min, x_max]; `sample(xs, n, values, slopes)` fills
// the values and slopes (Function1D::sample does).
using SampleFunction = std::function<void(const double* xs, std::size_t n, double* values, double* slopes)>;
TraceSamples sample_for_trace(double x_min, double x_max, double y_min, double y_max, const SampleFunction& sample,
                              int count = 161);

// A series such as a loss history (one value per step), cut down to at most `count` evenly spaced
// points; x is the index in the series times `x_step` (epochs per entry), the slope comes from differences.
TraceSamples series_for_trace(const std::vector<double>& series, double x_step = 1, int count = 161);

// One sentence on what the trace plays, for the screen reader ("Audio trace of f from x = −2 to 2: …").
// `x_name` names the horizontal axis ("x", "epoch").
std::string describe_trace(const std::string& what, const TraceSamples& samples, const AudioTrace& trace,
                           const char* x_name = "x");

}  // namespace bp::app
