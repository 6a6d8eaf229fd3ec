// The expression engine's front door: text in, values, gradients and derivatives out.
// Pure C++17 and the standard library: no UI, no Emscripten, no files, no clocks.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expr/expected.hpp"
#include "expr/graph_export.hpp"
#include "expr/program.hpp"

namespace bp::expr {

// Caller-given values of free variables, by name. A name here overrides the constants `e` and `pi`.
using Vars = std::vector<std::pair<std::string, double>>;

struct ValueAndGradient {
  double value = 0;
  std::vector<std::pair<std::string, double>> grad;  // one entry per free variable, in order of first use
};

enum class Scheme { kForward, kCentral, kBackward };

struct ValueAndSlope {
  double value = 0;  // f at the caller's point
  double slope = 0;  // finite-difference slope with the caller's h
};

// Each call parses `text` (single expression, `f(x) = ...`, or a program; see docs/expression-language.md).
// Errors carry a message and the byte span [start, end) of the offending input.
Expected<double> evaluate(std::string_view text, const Vars& vars);
Expected<ValueAndGradient> gradient(std::string_view text, const Vars& vars);
Expected<ValueAndSlope> numerical_derivative(std::string_view text, std::string_view variable, const Vars& vars,
                                             double h, Scheme scheme);
// Symbolic derivative as text that evaluate() accepts, simplified (the seed reads back as `4x - 3`).
Expected<std::string> derivative(std::string_view text, std::string_view variable);
Expected<GraphExport> graph(std::string_view text, const Vars& vars);

// The same on a program compiled once with compile(text, names_of(vars)): callers that see the same
// text many times (the page every frame, the JavaScript API's cache) skip the parse.
std::vector<std::string> names_of(const Vars& vars);
// Values for program.inputs: the caller's, else the program's default (`a = 3`). A name with neither
// is an error at its first occurrence, suggesting `x*y` when `xy` has no value but x and y do.
Expected<std::vector<double>> input_values(const Program& program, const Vars& vars);
Expected<double> evaluate(const Program& program, const Vars& vars);
Expected<ValueAndGradient> gradient(const Program& program, const Vars& vars);
Expected<ValueAndSlope> numerical_derivative(const Program& program, std::string_view variable, const Vars& vars,
                                             double h, Scheme scheme);
Expected<GraphExport> graph(const Program& program, const Vars& vars);
// The program's tape, laid out on first use and kept with it (Program::tape).
Tape& tape_of(const Program& program);

}  // namespace bp::expr
