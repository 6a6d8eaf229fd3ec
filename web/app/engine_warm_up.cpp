// Why: the browser compiles WebAssembly functions on their first call, into baseline code, and
// optimises the ones that run hot in the background. The first 20,000-character function pasted into
// a fresh page took 40–100 ms to compile a frame, about ten times what the same work takes once the
// parser is warm. One pass over a shorter function of the same kinds of terms (about 1,100
// characters: 3–8 ms), in a task of its own after the first frames, moves that cost out of the
// learner's frames: pasting 20,000 characters then built no frame over 28 ms (43–50 ms without it,
// headless Chromium on a loaded 2-core machine).
#include "engine_warm_up.hpp"

#include <string>
#include <vector>

#include "expr/engine.hpp"
#include "expr/function1d.hpp"
#include "expr/printer.hpp"
#include "platform.hpp"

namespace bp::app {

namespace {

// What a long pasted formula is made of: numbers, products, powers, sin, exp, ln, sqrt, division.
std::string sample_function(int terms) {
  std::string text;
  for (int i = 1; i <= terms; ++i) {
    if (i > 1) text += " + ";
    text += std::to_string(i % 97) + ".5*sin(" + std::to_string(i % 13 + 1) + "x) + 0." + std::to_string(i % 89) +
            "x^2 - exp(-x²/" + std::to_string(i % 7 + 2) + ")·ln(1+x^2)/sqrt(" + std::to_string(i % 5 + 1) + "+x^2)";
  }
  return text;
}

void warm_up() {
  const std::string text = sample_function(15);
  auto program = expr::compile(text, {"x"});
  if (program) (void)expr::print_reading(program->graph, program->output);
  (void)expr::derivative(text, "x");
  auto f = expr::Function1D::compile(text, "x", {});
  if (!f) return;
  std::vector<double> xs(256), ys(xs.size()), dys(xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -3 + 7.0 * static_cast<double>(i) / xs.size();
  f->sample(xs.data(), xs.size(), ys.data(), dys.data());
  f->finite_differences(1.5, xs.data() + 128, 128, expr::Scheme::kForward, ys.data());
  for (double x : {0.5, 1.5, 2.5}) (void)f->value_and_slope(x);
}

}  // namespace

void schedule_engine_warm_up(int delay_ms) { platform::run_later(warm_up, delay_ms); }

}  // namespace bp::app
