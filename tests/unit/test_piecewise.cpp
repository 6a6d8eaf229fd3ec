// Comparisons, Python's `a if cond else b` and Desmos's {cond: a, b}: values by hand, gradients by
// hand (the chosen branch's derivative; a comparison's derivative is 0).
#include <doctest/doctest.h>

#include <cmath>

#include "expr/engine.hpp"
#include "helpers.hpp"

using bp::test::error_of;
using bp::test::grad_of;
using bp::test::reading;
using bp::test::value;

namespace {
double slope(const std::string& text, double x) {
  auto g = bp::expr::gradient(text, {{"x", x}});
  REQUIRE_MESSAGE(g.ok(), text);
  return grad_of(*g, "x");
}
}  // namespace

TEST_CASE("comparisons give 1 or 0, and a chain means all of them hold") {
  const bp::expr::Vars one = {{"x", 1}};
  CHECK(value("x < 1", one) == 0);
  CHECK(value("x <= 1", one) == 1);
  CHECK(value("x > 1", one) == 0);
  CHECK(value("x >= 1", one) == 1);
  CHECK(value("x == 1", one) == 1);
  CHECK(value("x != 1", one) == 0);
  CHECK(value("x ≥ 1", one) == 1);
  CHECK(reading("0 < x < 1", one) == "(0 < x)*(x < 1)");
  CHECK(value("0 < x < 1", {{"x", 0.5}}) == 1);
  CHECK(value("0 < x < 1", {{"x", 1.5}}) == 0);
  CHECK(reading("x + 1 < 2x", one) == "(x + 1) < (2*x)");  // looser than a sum
  CHECK(slope("(x > 0)*x", 3) == 1);                     // (x > 0) counts as a constant 1
}

TEST_CASE("Python's a if cond else b is leaky ReLU when written so, and nests to the right") {
  const std::string leaky = "x if x > 0 else 0.1*x";
  CHECK(reading(leaky, {{"x", 1}}) == "where(x > 0, x, 0.1*x)");
  CHECK(value(leaky, {{"x", 2}}) == 2);
  CHECK(value(leaky, {{"x", -2}}) == doctest::Approx(-0.2).epsilon(1e-15));
  CHECK(slope(leaky, 2) == 1);
  CHECK(slope(leaky, -2) == doctest::Approx(0.1).epsilon(1e-15));
  const std::string three = "x if x > 1 else -x if x < -1 else 0";
  CHECK(value(three, {{"x", 2}}) == 2);
  CHECK(value(three, {{"x", -3}}) == 3);
  CHECK(value(three, {{"x", 0.5}}) == 0);
  CHECK(value("y = x if x > 0 else 0; 2y", {{"x", 3}}) == 6);
}

TEST_CASE("a missing else is an error that says what to add") {
  const std::string text = "x if x > 0";
  const auto error = error_of(text, {{"x", 1}});
  CHECK(bp::test::spanned(text, error) == "if");
  CHECK(error.message.find("needs its else") != std::string::npos);
  CHECK(error_of("else + 1").message.find("'a if condition else b'") != std::string::npos);
}

TEST_CASE("Desmos's {cond: a, b} chooses a branch; several conditions are tried in order") {
  const std::string leaky = "{x > 0: x, 0.1x}";
  CHECK(reading(leaky, {{"x", 1}}) == "where(x > 0, x, 0.1*x)");
  CHECK(value(leaky, {{"x", -2}}) == doctest::Approx(-0.2).epsilon(1e-15));
  CHECK(slope(leaky, -2) == doctest::Approx(0.1).epsilon(1e-15));
  const std::string ramp = "{x < -1: 0, x < 1: x, 1}";
  CHECK(value(ramp, {{"x", -2}}) == 0);
  CHECK(value(ramp, {{"x", 0.5}}) == 0.5);
  CHECK(value(ramp, {{"x", 3}}) == 1);
  CHECK(slope(ramp, 0.5) == 1);
  CHECK(slope(ramp, 3) == 0);
}

TEST_CASE("without a last value, a piecewise is NaN where no condition holds, as Desmos leaves it undefined") {
  CHECK(value("{x < 0: -x}", {{"x", -1}}) == 1);
  CHECK(std::isnan(value("{x < 0: -x}", {{"x", 1}})));
}

TEST_CASE("the branch not taken does not poison the value") {
  CHECK(value("sqrt(x) if x > 0 else 0", {{"x", -1}}) == 0);
  CHECK(value("{x > 0: log(x), 0}", {{"x", -1}}) == 0);
}
