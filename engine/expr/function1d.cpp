// Function1D: one compile, then a forward (and backward) walk per point.
#include "expr/function1d.hpp"

namespace bp::expr {

std::string variable_of(const Program& program) {
  if (!program.parameters.empty()) return program.parameters.front();
  if (program.find_input("x") || program.inputs.size() != 1) return "x";
  return program.inputs.front().name;
}

std::string variable_of(std::string_view text) {
  auto program = compile(text, {"x"});
  return program ? variable_of(*program) : "x";
}

Expected<Function1D> Function1D::compile(std::string_view text, std::string_view variable, const Vars& others) {
  Vars vars = others;
  vars.emplace_back(std::string(variable), 0.0);
  auto program = expr::compile(text, names_of(vars));
  if (!program) return program.error();
  auto values = input_values(*program, vars);
  if (!values) return values.error();
  int index = -1;
  for (std::size_t i = 0; i < program->inputs.size(); ++i) {
    if (program->inputs[i].name == variable) index = static_cast<int>(i);
  }
  Function1D f(std::move(*program), index);
  f.values_ = std::move(*values);
  return f;
}

Function1D::Function1D(Program program, int variable_input)
    : program_(std::move(program)), tape_(program_), variable_input_(variable_input) {}

double Function1D::value(double x) {
  if (variable_input_ >= 0) values_[static_cast<std::size_t>(variable_input_)] = x;
  return tape_.forward(values_);
}

ValueAndSlope Function1D::value_and_slope(double x) {
  ValueAndSlope out;
  out.value = value(x);
  if (variable_input_ >= 0) {
    tape_.backward();
    out.slope = tape_.grad_of_input(variable_input_);
  }
  return out;
}

double Function1D::finite_difference(double x, double h, Scheme scheme) {
  switch (scheme) {
    case Scheme::kForward: return (value(x + h) - value(x)) / h;
    case Scheme::kCentral: return (value(x + h) - value(x - h)) / (2 * h);
    case Scheme::kBackward: return (value(x) - value(x - h)) / h;
  }
  return 0;
}

void Function1D::finite_differences(double x, const double* hs, std::size_t n, Scheme scheme, double* out) {
  // Points: [x, x+h…] (forward), [x, x−h…] (backward) or [x+h…, x−h…] (central); the same sums as
  // finite_difference() forms, so the same doubles.
  std::vector<double> xs(n + (scheme == Scheme::kCentral ? n : 1)), ys(xs.size());
  for (std::size_t i = 0; i < n; ++i) {
    switch (scheme) {
      case Scheme::kForward: xs[i + 1] = x + hs[i]; break;
      case Scheme::kBackward: xs[i + 1] = x - hs[i]; break;
      case Scheme::kCentral: xs[i] = x + hs[i], xs[n + i] = x - hs[i]; break;
    }
  }
  if (scheme != Scheme::kCentral) xs[0] = x;
  sample(xs.data(), xs.size(), ys.data(), nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    switch (scheme) {
      case Scheme::kForward: out[i] = (ys[i + 1] - ys[0]) / hs[i]; break;
      case Scheme::kCentral: out[i] = (ys[i] - ys[n + i]) / (2 * hs[i]); break;
      case Scheme::kBackward: out[i] = (ys[0] - ys[i + 1]) / hs[i]; break;
    }
  }
}

void Function1D::sample(const double* xs, std::size_t n, double* ys, double* dys) {
  tape_.sweep(variable_input_, values_, xs, n, ys, dys);
}

}  // namespace bp::expr
