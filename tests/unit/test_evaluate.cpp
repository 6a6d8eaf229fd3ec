// Values: the seeds' numbers, IEEE results instead of errors, and programs.
#include <doctest/doctest.h>

#include <cmath>

#include "helpers.hpp"

using bp::test::value;

TEST_CASE("the seed function gives f(2)=6, f(6)=58, f(-2)=18") {
  // Seed article 002: f(2) # 6, f(6) # 58, f(-2) # 18.
  const std::string f = "f(x) = 2x²−3x+4";
  CHECK(value(f, {{"x", 2}}) == 6);
  CHECK(value(f, {{"x", 6}}) == 58);
  CHECK(value(f, {{"x", -2}}) == 18);
}

TEST_CASE("f(x + h) matches the seed's plain double arithmetic digit for digit") {
  // Seed article 002 with h = 0.000001: f(2 + h) # 6.000005000002001, f(6 + h) # 58.000021000002,
  // f(-2 + h) # 17.999989000002003.
  const double h = 0.000001;
  CHECK(value("2x^2 - 3x + 4", {{"x", 2 + h}}) == 6.000005000002001);
  CHECK(value("2x^2 - 3x + 4", {{"x", 6 + h}}) == 58.000021000002);
  CHECK(value("2x^2 - 3x + 4", {{"x", -2 + h}}) == 17.999989000002003);
}

TEST_CASE("d = a*b + c at a=3, b=-2, c=8 is 2") {
  CHECK(value("d = a*b + c", {{"a", 3}, {"b", -2}, {"c", 8}}) == 2);  // seed 002: d # 2.0
}

TEST_CASE("division by zero and domain errors give IEEE values, not errors") {
  CHECK(value("1/x", {{"x", 0}}) == INFINITY);
  CHECK(value("-1/x", {{"x", 0}}) == -INFINITY);
  CHECK(std::isnan(value("0/x", {{"x", 0}})));
  CHECK(std::isnan(value("log(x)", {{"x", -1}})));
  CHECK(value("log(x)", {{"x", 0}}) == -INFINITY);
  CHECK(std::isnan(value("sqrt(x)", {{"x", -1}})));
}

TEST_CASE("sigmoid is stable far from zero") {
  CHECK(value("sigmoid(x)", {{"x", 800}}) == 1);
  CHECK(value("sigmoid(x)", {{"x", -800}}) == 0);
  CHECK(value("sigmoid(x)", {{"x", -30}}) == doctest::Approx(9.357622968840175e-14).epsilon(1e-12));
}

TEST_CASE("relu and abs at and around zero") {
  CHECK(value("relu(x)", {{"x", 0}}) == 0);
  CHECK(value("relu(x)", {{"x", -2}}) == 0);
  CHECK(value("relu(x)", {{"x", 2}}) == 2);
  CHECK(value("abs(x)", {{"x", -3}}) == 3);
}

TEST_CASE("micrograd's test_more_ops expression gives its README value") {
  // micrograd README / test_engine.py test_more_ops: g.data = 24.7041 (a=-4, b=2).
  const std::string program =
      "c = a + b; d = a*b + b^3; c = c + c + 1; c = c + 1 + c + (-a); d = d + d*2 + relu(b + a);"
      "d = d + 3*d + relu(b - a); e = c - d; f = e^2; g = f/2.0; g = g + 10.0/f";
  CHECK(value(program, {{"a", -4}, {"b", 2}}) == doctest::Approx(24.7041).epsilon(1e-5));
}

TEST_CASE("a chain of 100,000 reassignments evaluates without recursion") {
  std::string program = "t = x";
  for (int i = 0; i < 100000; ++i) program += "; t = t + 1";
  CHECK(value(program, {{"x", 0.5}}) == 100000.5);
}
