// Reverse mode checked against central differences on many random expressions (fixed seed), and
// every op on its own at points away from its kinks.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "gradcheck.hpp"
#include "helpers.hpp"

namespace {

// A random expression in x, y, z from a fixed seed: smooth functions only, arguments kept where
// they are defined (log and sqrt of 1 + u²), so finite differences are meaningful.
std::string random_expression(std::mt19937& rng, int depth) {
  std::uniform_int_distribution<int> pick(0, depth <= 0 ? 2 : 12);
  std::uniform_real_distribution<double> number(-3, 3);
  switch (pick(rng)) {
    case 0: return "x";
    case 1: return "y";
    case 2: return std::to_string(std::round(number(rng) * 100) / 100);
    case 3: return "(" + random_expression(rng, depth - 1) + " + " + random_expression(rng, depth - 1) + ")";
    case 4: return "(" + random_expression(rng, depth - 1) + " - " + random_expression(rng, depth - 1) + ")";
    case 5: return "(" + random_expression(rng, depth - 1) + " * " + random_expression(rng, depth - 1) + ")";
    case 6: return "(" + random_expression(rng, depth - 1) + " / (2 + " + random_expression(rng, depth - 1) + "^2))";
    case 7: return "sin(" + random_expression(rng, depth - 1) + ")";
    case 8: return "tanh(" + random_expression(rng, depth - 1) + ")";
    case 9: return "log(1 + (" + random_expression(rng, depth - 1) + ")^2)";
    case 10: return "sqrt(1 + (" + random_expression(rng, depth - 1) + ")^2)";
    case 11: return "sigmoid(" + random_expression(rng, depth - 1) + ")";
    default: return "exp(-(" + random_expression(rng, depth - 1) + ")^2/4)";
  }
}

}  // namespace

TEST_CASE("reverse mode agrees with central differences on 500 random expressions") {
  std::mt19937 rng(20261123);
  std::uniform_real_distribution<double> point(-2, 2);
  int checked = 0;
  for (int i = 0; i < 500; ++i) {
    const std::string f = random_expression(rng, 4);
    const bp::expr::Vars vars{{"x", point(rng)}, {"y", point(rng)}};
    CAPTURE(f);
    const auto report = bp::gradcheck(f, vars);
    REQUIRE_MESSAGE(report.ok, report.message);
    checked += report.checked;
  }
  CHECK(checked > 300);  // most random expressions use x or y
}

TEST_CASE("every op passes the gradient check on its own") {
  for (const std::string f : {"x + y", "x - y", "x*y", "x/y", "x^y", "-x", "sin(x)", "cos(x)", "tan(x)", "exp(x)",
                              "log(x)", "sqrt(x)", "abs(x)", "tanh(x)", "sigmoid(x)", "relu(x)", "x^3", "x^-2"}) {
    for (double x : {0.7, 1.9}) {
      CAPTURE(f);
      CAPTURE(x);
      const auto report = bp::gradcheck(f, {{"x", x}, {"y", 1.3}});
      CHECK_MESSAGE(report.ok, report.message);
    }
  }
}

TEST_CASE("the gradient check catches a wrong gradient") {
  // The check compares against central differences, so a wrong analytic value must fail it.
  const auto report = bp::check_gradient_values({{"x", 2.0}}, "x^2", {{"x", 5.0}});
  CHECK_FALSE(report.ok);
  CHECK(report.message.find("x") != std::string::npos);
}
