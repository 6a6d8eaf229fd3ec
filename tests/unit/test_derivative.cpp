// Symbolic derivatives: readable text, read back by the parser, equal to reverse mode.
#include <doctest/doctest.h>

#include "helpers.hpp"

namespace {
std::string derivative(const std::string& text, const std::string& variable = "x") {
  auto result = bp::expr::derivative(text, variable);
  return result ? *result : "error: " + result.error().message;
}
}  // namespace

TEST_CASE("the seed function's derivative reads 4x - 3") {
  CHECK(derivative("f(x) = 2x²−3x+4") == "4x - 3");
  CHECK(derivative("2x^2 - 3x + 4") == "4x - 3");
}

TEST_CASE("derivatives of the basic rules read as a textbook writes them") {
  // Hand-derived (and the same as SymPy's diff up to term order).
  CHECK(derivative("x^3") == "3x^2");
  CHECK(derivative("sin(x)") == "cos(x)");
  CHECK(derivative("cos(x)") == "-sin(x)");
  CHECK(derivative("exp(2x)") == "2exp(2x)");
  CHECK(derivative("log(x)") == "1/x");
  CHECK(derivative("1/x") == "-1/x^2");
  CHECK(derivative("sqrt(x)") == "1/(2sqrt(x))");
  CHECK(derivative("tanh(x)") == "1 - tanh(x)^2");
  CHECK(derivative("sigmoid(x)") == "sigmoid(x)*(1 - sigmoid(x))");
  CHECK(derivative("relu(x)") == "step(x)");
  CHECK(derivative("abs(x)") == "sign(x)");
  CHECK(derivative("x^x") == "x^x*(log(x) + 1)");
  CHECK(derivative("5") == "0");
  CHECK(derivative("y") == "0");
  CHECK(derivative("x") == "1");
}

TEST_CASE("partial derivatives of the seed's programs") {
  CHECK(derivative("d = a*b + c", "a") == "b");
  CHECK(derivative("d = a*b + c", "b") == "a");
  CHECK(derivative("d = a*b + c", "c") == "1");
  CHECK(derivative("d = a*b; e = d + c; L = e*f", "a") == "b*f");
  CHECK(derivative("d = a*b; e = d + c; L = e*f", "f") == "a*b + c");
}

TEST_CASE("e is a variable when we differentiate with respect to it") {
  CHECK(derivative("e^2", "e") == "2e");
  CHECK(derivative("e^x", "x") == "e^x");  // log(e) = 1 when e is the constant
}

TEST_CASE("derivative text reads back and equals the reverse-mode slope") {
  for (const std::string f : {"2x^2 - 3x + 4", "sin(x)*exp(-x^2/10) + ln(1 + x^2)", "x^-2 + 1/(1 + x)",
                              "tanh(3x) - sigmoid(x/2)", "sqrt(1 + x^2)*cos(2x)", "(x+1)(x-1)/(x^2+1)"}) {
    CAPTURE(f);
    const std::string df = derivative(f);
    REQUIRE(df.find("error") == std::string::npos);
    for (double x : {-1.7, 0.3, 2.5}) {
      auto exact = bp::expr::gradient(f, {{"x", x}});
      REQUIRE(exact.ok());
      CHECK(bp::test::value(df, {{"x", x}}) == doctest::Approx(exact->grad[0].second).epsilon(1e-12));
    }
  }
}

TEST_CASE("differentiating with respect to a computed name or a non-name is an error") {
  CHECK(derivative("d = a*b; d*2", "d").find("computed by the program") != std::string::npos);
  CHECK(derivative("x^2", "2x").find("not a variable name") != std::string::npos);
  CHECK(derivative("x +", "x").find("expected a number") != std::string::npos);
}

TEST_CASE("a derivative too long to print is refused with a message") {
  // t = t*sin(t), 40 times: a small graph whose derivative text would be astronomically long.
  std::string program = "t = x";
  for (int i = 0; i < 40; ++i) program += "; t = t*sin(t)";
  CHECK(derivative(program).find("too long") != std::string::npos);
}

TEST_CASE("t = t*t forty times collects into one power of x") {
  std::string program = "t = x";
  for (int i = 0; i < 40; ++i) program += "; t = t*t";
  CHECK(derivative(program) == "1099511627776x^1099511627775");  // 2^40 x^(2^40 - 1), by hand
}
