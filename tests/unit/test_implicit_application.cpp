// Desmos's and the textbook's ways of writing a function without parentheses, powers and inverses
// before the argument, bars, braces and log bases. Reference values: mpmath at 20 digits (cited).
#include <doctest/doctest.h>

#include "expr/engine.hpp"
#include "helpers.hpp"

using bp::test::error_of;
using bp::test::reading;
using bp::test::value;

namespace {
const bp::expr::Vars kHalf = {{"x", 0.5}};
double at_half(const std::string& text) { return value(text, kHalf); }
}  // namespace

TEST_CASE("a function name without parentheses takes the product term after it, as Desmos reads it") {
  CHECK(reading("sin x", kHalf) == "sin(x)");
  CHECK(reading("sinx", kHalf) == "sin(x)");
  CHECK(reading("sin 2x", kHalf) == "sin(2*x)");
  CHECK(reading("ln x", kHalf) == "log(x)");
  CHECK(reading("sin x + 1", kHalf) == "sin(x) + 1");
  CHECK(reading("sin x^2", kHalf) == "sin(x^2)");
  CHECK(reading("sin -x", kHalf) == "sin(-x)");
  CHECK(reading("sin x cos x", kHalf) == "sin(x)*cos(x)");  // the argument stops at the next function
  CHECK(reading("sin cos x", kHalf) == "sin(cos(x))");
  CHECK(reading("2cosx+1", kHalf) == "(2*cos(x)) + 1");
  // mpmath: sin(1) = 0.84147098480789650665, sin(0.25) = 0.2474039592545229296,
  // sin(0.5)cos(0.5) = 0.42073549240394825333, sin(cos(0.5)) = 0.76919635484100842185
  CHECK(at_half("sin 2x") == doctest::Approx(0.84147098480789650665).epsilon(1e-15));
  CHECK(at_half("sin x^2") == doctest::Approx(0.2474039592545229296).epsilon(1e-15));
  CHECK(at_half("sin x cos x") == doctest::Approx(0.42073549240394825333).epsilon(1e-15));
  CHECK(at_half("sin cos x") == doctest::Approx(0.76919635484100842185).epsilon(1e-15));
}

TEST_CASE("a name before a function's name multiplies it: xsin(x), 2sin(x)cos(x)") {
  CHECK(reading("xsin(x)", kHalf) == "x*sin(x)");
  CHECK(reading("2sin(x)cos(x)", kHalf) == "(2*sin(x))*cos(x)");
  CHECK(reading("xsin x", {{"x", 1}}) == "x*sin(x)");
  // mpmath: 2 sin(0.5) cos(0.5) = sin(1) = 0.84147098480789650665
  CHECK(at_half("2sin(x)cos(x)") == doctest::Approx(0.84147098480789650665).epsilon(1e-15));
  // A name that only looks like one stays a name when it has a value.
  CHECK(value("cost = 2; cost*x", kHalf) == 1);
  CHECK(value("sinx", {{"sinx", 7}}) == 7);
}

TEST_CASE("a power before the argument raises the function's value; -1 means the inverse") {
  CHECK(reading("sin^2(x)", kHalf) == "sin(x)^2");
  CHECK(reading("sin²(x)", kHalf) == "sin(x)^2");
  CHECK(reading("sin^2 x", kHalf) == "sin(x)^2");
  CHECK(reading("sin^3(x)", kHalf) == "sin(x)^3");
  CHECK(reading("sin(x)^-1", kHalf) == "sin(x)^(-1)");  // after the argument: the reciprocal
  // mpmath: sin(0.5)^3 = 0.11019540730213864247
  CHECK(at_half("sin^3(x)") == doctest::Approx(0.11019540730213864247).epsilon(1e-15));
  CHECK(error_of("sin^0.5(x)", kHalf).message.find("write the power after the argument") != std::string::npos);
  CHECK(error_of("sin^(2)(x)", kHalf).message.find("goes after its argument") != std::string::npos);
}

TEST_CASE("bars are abs and nest with parentheses") {
  CHECK(reading("|x-1| + |x+1|", kHalf) == "abs(x - 1) + abs(x + 1)");
  CHECK(reading("ln|x|", kHalf) == "log(abs(x))");
  CHECK(reading("||x| - 1|", kHalf) == "abs(abs(x) - 1)");
  CHECK(reading("x|x|", kHalf) == "x*abs(x)");
  CHECK(reading("2|x|", kHalf) == "2*abs(x)");
  CHECK(reading("|(x - |x|)|", kHalf) == "abs(x - abs(x))");
  CHECK(reading("|sin(x)|", kHalf) == "abs(sin(x))");
  CHECK(at_half("|x-1| + |x+1|") == 2);
  CHECK(value("ln|x|", {{"x", -0.5}}) == std::log(0.5));
  CHECK(error_of("|x", kHalf).message.find("'|' is never closed") != std::string::npos);
}

TEST_CASE("braces group as parentheses do, where Desmos and LaTeX put them") {
  CHECK(reading("x^{2}", kHalf) == "x^2");
  CHECK(reading("e^{-x^2}", kHalf) == "e^(-(x^2))");
  CHECK(reading("2{x+1}", kHalf) == "2*(x + 1)");
  // mpmath: exp(-0.25) = 0.77880078307140486824
  CHECK(at_half("e^{-x^2}") == doctest::Approx(0.77880078307140486824).epsilon(1e-15));
  CHECK(error_of("{x + 1", kHalf).message.find("'{' is never closed") != std::string::npos);
}

TEST_CASE("log_2, log_{b} and log_b take the base from the subscript") {
  CHECK(reading("log_2(x)", kHalf) == "log(x)/log(2)");
  CHECK(reading("log_{2}(x)", kHalf) == "log(x)/log(2)");
  CHECK(reading("log_2 x", kHalf) == "log(x)/log(2)");
  CHECK(at_half("log_2(x)") == -1);
  // mpmath: log(5)/log(3) = 1.4649735207179271672
  CHECK(value("log_{b}(5)", {{"b", 3}}) == doctest::Approx(1.4649735207179271672).epsilon(1e-15));
  CHECK(error_of("log_(x)", kHalf).message.find("write the base") != std::string::npos);
}

TEST_CASE("the reading of every new form reads back to the same value") {
  const bp::expr::Vars vars = {{"x", 0.5}, {"b", 3}};
  for (const std::string text :
       {"sin x + 1", "sinx", "sin 2x", "xsin(x)", "2cosx+1", "sin^2 x", "sin⁻¹(x)", "tan^-1(x)", "sin(x)^-1",
        "log_2(x)", "log_{b}(x)", "ln|x|", "||x| - 1|", "e^{-x^2}", "max(0, x)", "log(x, 2)", "σ(x)",
        "x if x > 0 else 0.1*x", "{x > 0: x, 0.1x}", "{x < -1: 0, x < 1: x, 1}", "0 < x < 1",
        "f(t)=t^2; f(x+1)", "f(t)=t^3; f'(x) + f''(2)"}) {
    CAPTURE(text);
    const std::string read = reading(text, vars);
    REQUIRE(read.find("error") != 0);
    CHECK(value(read, vars) == value(text, vars));
  }
}
