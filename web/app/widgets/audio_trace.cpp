// Samples to tones. Pitch is exponential in the height (equal steps of y sound as equal musical
// intervals), as Desmos's trace and the sonification literature do; pan is linear in x.
#include "widgets/audio_trace.hpp"

#include <algorithm>
#include <cstdio>

namespace bp::app {

namespace {

// Central differences inside, one-sided at the ends; NaN where a neighbour is not finite.
std::vector<double> difference_slopes(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = y.size();
  std::vector<double> slope(n, NAN);
  if (n < 2) return slope;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t a = i == 0 ? 0 : i - 1;
    const std::size_t b = i + 1 == n ? n - 1 : i + 1;
    slope[i] = (y[b] - y[a]) / (x[b] - x[a]);
  }
  return slope;
}

double clamp01(double t) { return std::clamp(t, 0.0, 1.0); }

}  // namespace

AudioTrace trace_curve(const TraceSamples& samples, const TraceOptions& options) {
  AudioTrace trace;
  trace.seconds = options.seconds;
  const std::vector<double>& x = samples.x;
  const std::size_t n = std::min(x.size(), samples.value.size());
  if (n < 2 || !(x[n - 1] > x[0])) return trace;
  const std::vector<double> slope =
      samples.slope.size() >= n ? samples.slope : difference_slopes(x, samples.value);

  double y_min = samples.y_min, y_max = samples.y_max;
  if (!(y_max > y_min)) {  // no visible range given: the finite values' own
    y_min = INFINITY, y_max = -INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
      const double y = samples.value[i];
      if (std::isfinite(y)) y_min = std::min(y_min, y), y_max = std::max(y_max, y);
    }
    if (!(y_max > y_min)) y_min -= 1, y_max += 1;  // a constant (or nothing finite): the middle pitch
  }
  const double x_left = std::isfinite(samples.x_min) ? samples.x_min : x[0];
  const double x_right = std::isfinite(samples.x_max) && samples.x_max > x_left ? samples.x_max : x[n - 1];

  const double step = options.seconds / static_cast<double>(n);
  const auto time_at = [&](double at) { return (options.seconds - step) * (at - x[0]) / (x[n - 1] - x[0]); };
  const auto pan_at = [&](double at) { return -1 + 2 * clamp01((at - x_left) / (x_right - x_left)); };

  for (std::size_t i = 0; i < n; ++i) {
    const double y = samples.value[i];
    if (!std::isfinite(y)) continue;  // silence where f is not a number (log of a negative, a pole)
    const double height = clamp01((y - y_min) / (y_max - y_min));
    Tone tone;
    tone.time = time_at(x[i]);
    tone.duration = step;
    tone.frequency = options.low_hz * std::pow(options.high_hz / options.low_hz, height);
    tone.pan = pan_at(x[i]);
    tone.timbre = slope[i] < 0 ? Timbre::kFalling : Timbre::kRising;
    trace.tones.push_back(tone);
  }

  // Ticks where the slope is zero at a sample (once per flat stretch) or changes sign between two.
  const auto add_tick = [&](double at) {
    const double time = time_at(at);
    if (!trace.ticks.empty() && time - trace.ticks.back().time < options.min_tick_gap_seconds) return;
    trace.ticks.push_back({time, pan_at(at), at});
  };
  for (std::size_t i = 0; i < n; ++i) {
    const double s0 = slope[i];
    if (!std::isfinite(s0)) continue;
    if (s0 == 0) {
      if (i == 0 || slope[i - 1] != 0) add_tick(x[i]);
      continue;
    }
    if (i + 1 < n && std::isfinite(slope[i + 1]) && slope[i + 1] != 0 && (s0 < 0) != (slope[i + 1] < 0)) {
      add_tick(x[i] + (x[i + 1] - x[i]) * s0 / (s0 - slope[i + 1]));  // where the line between them is zero
    }
  }
  return trace;
}

TraceSamples sample_for_trace(double x_min, double x_max, double y_min, double y_max, const SampleFunction& sample,
                              int count) {
  TraceSamples out;
  out.x_min = x_min, out.x_max = x_max, out.y_min = y_min, out.y_max = y_max;
  if (count < 2 || !(x_max > x_min)) return out;
  const auto n = static_cast<std::size_t>(count);
  out.x.resize(n);
  out.value.resize(n);
  out.slope.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.x[i] = x_min + (x_max - x_min) * static_cast<double>(i) / static_cast<double>(n - 1);
  }
  sample(out.x.data(), n, out.value.data(), out.slope.data());
  return out;
}

TraceSamples series_for_trace(const std::vector<double>& series, double x_step, int count) {
  TraceSamples out;
  if (series.size() < 2 || count < 2) return out;
  const std::size_t n = std::min(series.size(), static_cast<std::size_t>(count));
  const double last = static_cast<double>(series.size() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    const auto at = static_cast<std::size_t>(std::lround(last * static_cast<double>(i) / static_cast<double>(n - 1)));
    out.x.push_back(static_cast<double>(at) * x_step);
    out.value.push_back(series[at]);
  }
  return out;
}

std::string describe_trace(const std::string& what, const TraceSamples& samples, const AudioTrace& trace,
                           const char* x_name) {
  if (trace.tones.empty()) return "Audio trace of " + what + ": nothing to play (no finite values).";
  char text[256];
  std::snprintf(text, sizeof text,
                "Audio trace of %s from %s = %.4g to %.4g over %.0f seconds: pitch follows the height, left to right; "
                "%zu tick%s where the slope is zero; a buzzier tone where it falls.",
                what.c_str(), x_name, samples.x.front(), samples.x.back(), trace.seconds, trace.ticks.size(),
                trace.ticks.size() == 1 ? "" : "s");
  return text;
}

}  // namespace bp::app
