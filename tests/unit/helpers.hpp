// Shared helpers for the unit tests: read an input back, evaluate it, get its error.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "expr/engine.hpp"
#include "expr/printer.hpp"

namespace bp::test {

using expr::Vars;

// The parser's reading of `text` with every operation parenthesised, or "error: <message>".
inline std::string reading(const std::string& text, const Vars& vars = {}) {
  auto program = expr::compile(text, expr::names_of(vars));
  if (!program) return "error: " + program.error().message;
  auto printed = expr::print_reading(program->graph, program->output);
  return printed ? *printed : "error: " + printed.error().message;
}

inline double value(const std::string& text, const Vars& vars = {}) {
  auto result = expr::evaluate(text, vars);
  REQUIRE_MESSAGE(result.ok(), text << ": " << (result.ok() ? "" : result.error().message));
  return *result;
}

inline expr::Error error_of(const std::string& text, const Vars& vars = {}) {
  auto result = expr::evaluate(text, vars);
  REQUIRE_MESSAGE(!result.ok(), text << " was expected to fail");
  return result.error();
}

// The text an error span covers.
inline std::string spanned(const std::string& text, const expr::Error& error) {
  return text.substr(error.span.start, error.span.end - error.span.start);
}

inline double grad_of(const expr::ValueAndGradient& g, const std::string& name) {
  for (const auto& [key, value] : g.grad) {
    if (key == name) return value;
  }
  FAIL("no gradient entry for " << name);
  return 0;
}

}  // namespace bp::test
