// A function of one variable compiled once for plotting: value and exact (reverse-mode) slope at
// many points without parsing again. Other free names take fixed values given at compile time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "expr/engine.hpp"
#include "expr/tape.hpp"

namespace bp::expr {

// The variable function mode plots against, for a program compiled with the caller name x: the first
// parameter of `f(t) = …`, else x when the text reads x or reads no name, else its only free name
// (`t^2 + 1` is a function of t); with several free names, x (the others then need values).
std::string variable_of(const Program& program);
// The same for text; "x" when the text does not parse (compiling it then reports the error). The
// network's samples of f take their variable here, so `t^2` is the same function in both modes.
std::string variable_of(std::string_view text);

class Function1D {
 public:
  // `variable` need not occur in `text` (f is then constant); every other free name needs a value.
  static Expected<Function1D> compile(std::string_view text, std::string_view variable, const Vars& others);

  double value(double x);
  // f(x) and f'(x) from one forward and one backward walk.
  ValueAndSlope value_and_slope(double x);
  // The finite-difference slope with step h: (f(x+h)-f(x))/h, (f(x+h)-f(x-h))/2h or (f(x)-f(x-h))/h,
  // in the same arithmetic as numerical_derivative().
  double finite_difference(double x, double h, Scheme scheme);
  // out[i] = finite_difference(x, hs[i], scheme), bit for bit, from one block walk over all the points
  // (an error-against-h curve of a long f costs a fraction of n separate calls).
  void finite_differences(double x, const double* hs, std::size_t n, Scheme scheme, double* out);
  // ys[i] = f(xs[i]) and dys[i] = f'(xs[i]); dys may be null when only values are wanted.
  void sample(const double* xs, std::size_t n, double* ys, double* dys);

 private:
  Function1D(Program program, int variable_input);
  Program program_;
  Tape tape_;
  int variable_input_ = -1;  // index into program_.inputs, or -1 when f does not use the variable
  std::vector<double> values_;  // one per input; the variable's entry changes per point
};

}  // namespace bp::expr
