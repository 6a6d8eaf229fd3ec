// libFuzzer target: the expression front end and engine. Any bytes must give a value or an error,
// never a crash, a hang or undefined behaviour: parse, evaluate, gradient, finite differences,
// symbolic derivative, the parser's reading and the graph export.
#include <cstddef>
#include <cstdint>
#include <string>

#include "expr/engine.hpp"
#include "expr/printer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;  // length is covered by the unit tests; the fuzzer explores shapes
  const std::string text(reinterpret_cast<const char*>(data), size);
  const bp::expr::Vars vars{{"x", 0.5}, {"y", -1.25}, {"a", 3}, {"b", -2}, {"e", 2}};
  auto program = bp::expr::compile(text, bp::expr::names_of(vars));
  if (!program) {
    const auto span = program.error().span;
    if (span.start > span.end || span.end > text.size()) __builtin_trap();
    return 0;
  }
  (void)bp::expr::evaluate(*program, vars);
  (void)bp::expr::gradient(*program, vars);
  (void)bp::expr::numerical_derivative(*program, "x", vars, 1e-6, bp::expr::Scheme::kCentral);
  (void)bp::expr::graph(*program, vars);
  (void)bp::expr::print_reading(program->graph, program->output, 1 << 16);
  (void)bp::expr::derivative(text, "x");
  return 0;
}
