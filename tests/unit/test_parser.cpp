// Parser: every rule of the expression language (docs/expression-language.md), read back fully
// parenthesised, and its errors with the spans they point at.
#include <doctest/doctest.h>

#include "expr/program.hpp"
#include "helpers.hpp"

using bp::test::reading;
using bp::test::spanned;
using bp::test::value;

TEST_CASE("the seed function reads as ((2*(x^2)) - (3*x)) + 4 in ASCII and in unicode") {
  CHECK(reading("2x^2 - 3x + 4") == "((2*(x^2)) - (3*x)) + 4");
  CHECK(reading("2*x**2") == "2*(x^2)");  // Python's ** is ^
  CHECK(reading("f(x) = 2x²−3x+4") == "((2*(x^2)) - (3*x)) + 4");
  CHECK(reading("2x² − 3x + 4") == "((2*(x^2)) - (3*x)) + 4");
}

TEST_CASE("^ is right-associative and binds tighter than unary minus") {
  CHECK(reading("-x^2") == "-(x^2)");
  CHECK(reading("2^3^2") == "2^(3^2)");
  CHECK(value("2^3^2") == 512);
  CHECK(value("-2^2") == -4);
  CHECK(reading("x^-2") == "x^(-2)");
  CHECK(value("x^-2", {{"x", 2}}) == 0.25);
}

TEST_CASE("implicit multiplication has the precedence of * and / and associates left") {
  CHECK(reading("1/2x") == "(1/2)*x");
  CHECK(reading("2x^2") == "2*(x^2)");
  CHECK(reading("3(x+1)") == "3*(x + 1)");
  CHECK(reading("(x+1)(x-1)") == "(x + 1)*(x - 1)");
  CHECK(reading("x(x+1)", {{"x", 1}}) == "x*(x + 1)");  // a variable before '(': a product
  CHECK(reading("2sin(x)") == "2*sin(x)");
  CHECK(reading("2x y") == "(2*x)*y");
  CHECK(value("1/2x", {{"x", 4}}) == 2);
}

TEST_CASE("superscript digits and minus are exponents") {
  CHECK(reading("x²") == "x^2");
  CHECK(reading("x⁻¹") == "x^(-1)");
  CHECK(reading("x¹⁰") == "x^10");
  CHECK(value("x¹⁰", {{"x", 2}}) == 1024);
  CHECK(value("2x³", {{"x", 3}}) == 54);
}

TEST_CASE("unicode operators, π and √") {
  CHECK(value("6 − 2") == 4);
  CHECK(value("2 × 3") == 6);
  CHECK(value("2 · 3") == 6);
  CHECK(value("6 ÷ 4") == 1.5);
  CHECK(value("π") == doctest::Approx(3.141592653589793).epsilon(1e-16));
  CHECK(reading("√x") == "sqrt(x)");
  CHECK(reading("2√x") == "2*sqrt(x)");
  CHECK(reading("√x^2") == "sqrt(x^2)");
  CHECK(value("√16") == 4);
}

TEST_CASE("every function in the language is known, and log is the natural logarithm") {
  const double x = 0.5;
  CHECK(value("sin(x)", {{"x", x}}) == std::sin(x));
  CHECK(value("cos(x)", {{"x", x}}) == std::cos(x));
  CHECK(value("tan(x)", {{"x", x}}) == std::tan(x));
  CHECK(value("exp(x)", {{"x", x}}) == std::exp(x));
  CHECK(value("log(x)", {{"x", x}}) == std::log(x));
  CHECK(value("ln(x)", {{"x", x}}) == std::log(x));
  CHECK(value("sqrt(x)", {{"x", x}}) == std::sqrt(x));
  CHECK(value("abs(-x)", {{"x", x}}) == x);
  CHECK(value("tanh(x)", {{"x", x}}) == std::tanh(x));
  CHECK(value("sigmoid(x)", {{"x", x}}) == doctest::Approx(1 / (1 + std::exp(-x))).epsilon(1e-15));
  CHECK(value("relu(-x) + relu(x)", {{"x", x}}) == x);
}

TEST_CASE("constants pi and e, and a caller's value overrides them") {
  CHECK(value("e") == doctest::Approx(2.718281828459045).epsilon(1e-16));
  CHECK(value("2pi") == doctest::Approx(6.283185307179586).epsilon(1e-16));
  CHECK(value("e + 1", {{"e", 10}}) == 11);
  CHECK(value("pi", {{"pi", 3}}) == 3);
}

TEST_CASE("a program's output is its last line, and later lines see a name's newest value") {
  CHECK(value("d = a*b; e = d + c; L = e*f", {{"a", 3}, {"b", -2}, {"c", 8}, {"f", -2}}) == -4);
  CHECK(value("t = 1\nt = t + 1\nt = t * 10") == 20);
  CHECK(value("a = 3; b = -2; c = 8; f = -2\nd = a*b\ne = d + c\nL = e*f") == -4);
  CHECK(value("x = 2;") == 2);
}

TEST_CASE("a name assigned a number is an input whose value the caller may override") {
  auto program = bp::expr::compile("a = 3; b = -2; a*b", {});
  REQUIRE(program.ok());
  REQUIRE(program->inputs.size() == 2);
  CHECK(program->inputs[0].name == "a");
  CHECK(*program->inputs[0].default_value == 3);
  CHECK(*program->inputs[1].default_value == -2);
  CHECK(value("a = 3; b = -2; a*b", {{"a", 5}}) == -10);
}

TEST_CASE("a function definition's output is its right side and its parameters are recorded") {
  auto program = bp::expr::compile("g(x, y) = x*y", {});
  REQUIRE(program.ok());
  CHECK(program->function_name == "g");
  CHECK(program->parameters == std::vector<std::string>{"x", "y"});
  CHECK(value("g(x, y) = x*y", {{"x", 3}, {"y", 4}}) == 12);
}

TEST_CASE("a reused name or a repeated subexpression is one node") {
  auto program = bp::expr::compile("(x+1)*(x+1) + x", {"x"});
  REQUIRE(program.ok());
  // x, 1, x+1, (x+1)*(x+1), + : five nodes
  CHECK(program->graph.size() == 5);
}

TEST_CASE("errors point at the offending text") {
  using bp::test::error_of;
  struct Case {
    std::string text, spanned, message_part;
  };
  for (const Case& c : {Case{"2 + ", "", "expected a number"},
                        Case{"(x + 1", "(", "never closed"},
                        Case{"x + 1)", ")", "no matching '('"},
                        Case{"sin + 1", "sin", "is a function"},
                        Case{"2 $ 3", "$", "unexpected character"},
                        Case{"sin(x, y)", "sin(x, y)", "takes 1 argument"},
                        Case{"sin = 3", "sin", "cannot be assigned"},
                        Case{"2 = x", "=", "'='"},
                        Case{"q + 1", "q", "'q' has no value"},
                        Case{"x 2", "2", "expected an operator"},
                        Case{"²", "²", "superscript"}}) {
    CAPTURE(c.text);
    const auto error = error_of(c.text, {{"x", 1}, {"y", 2}});
    CHECK(spanned(c.text, error) == c.spanned);
    CHECK(error.message.find(c.message_part) != std::string::npos);
  }
}

TEST_CASE("empty input is an error covering the whole input") {
  const auto error = bp::test::error_of("  ;\n ");
  CHECK(error.message.find("empty") != std::string::npos);
  CHECK(error.span.end == 5);
}

TEST_CASE("xy is one name; when it has no value but x and y do, the error suggests x*y") {
  const std::string text = "2xy + 1";
  const auto error = bp::test::error_of(text, {{"x", 1}, {"y", 2}});
  CHECK(spanned(text, error) == "xy");
  CHECK(error.message.find("x*y") != std::string::npos);
  CHECK(value("xy", {{"xy", 7}, {"x", 1}, {"y", 2}}) == 7);
}

TEST_CASE("deep nesting is an error, never a stack overflow") {
  for (const std::string open : {"(", "-", "√", "sin("}) {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += open;
    text += "x";
    CAPTURE(open);
    const auto error = bp::test::error_of(text, {{"x", 1}});
    CHECK(error.message.find("too deeply nested") != std::string::npos);
    CHECK(error.span.start > 0);
  }
  std::string powers = "x";
  for (int i = 0; i < 10000; ++i) powers += "^x";
  CHECK(bp::test::error_of(powers, {{"x", 1}}).message.find("too deeply nested") != std::string::npos);
}

TEST_CASE("nesting just inside the limit parses") {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "(";
  text += "x";
  for (int i = 0; i < 150; ++i) text += ")";
  CHECK(value(text, {{"x", 3}}) == 3);
}

TEST_CASE("a long flat sum parses without recursion") {
  std::string text = "x";
  for (int i = 0; i < 200000; ++i) text += "+x";
  CHECK(value(text, {{"x", 1}}) == 200001);
}
