// Reverse-mode gradients: the seeds' numbers, kinks, graph shapes (diamond, reuse, long chains).
#include <doctest/doctest.h>

#include <cmath>

#include "expr/graph_export.hpp"
#include "helpers.hpp"

using bp::test::grad_of;

namespace {
bp::expr::ValueAndGradient gradient(const std::string& text, const bp::expr::Vars& vars) {
  auto result = bp::expr::gradient(text, vars);
  REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
  return *result;
}
}  // namespace

TEST_CASE("the seed function's exact slopes are 5, 21, -11 and 0 at x = 0.75") {
  // Seed article 002: slopes at 2, 6, -2 approach 5, 21, -11; zero at 0.75 (f'(x) = 4x - 3 by hand).
  const std::string f = "f(x) = 2x²−3x+4";
  CHECK(grad_of(gradient(f, {{"x", 2}}), "x") == 5);
  CHECK(grad_of(gradient(f, {{"x", 6}}), "x") == 21);
  CHECK(grad_of(gradient(f, {{"x", -2}}), "x") == -11);
  CHECK(grad_of(gradient(f, {{"x", 0.75}}), "x") == 0);
}

TEST_CASE("d = a*b + c has partial derivatives -2, 3, 1") {
  // Seed article 002: dd/da = b = -2, dd/db = a = 3, dd/dc = 1.
  const auto g = gradient("d = a*b + c", {{"a", 3}, {"b", -2}, {"c", 8}});
  CHECK(g.value == 2);
  CHECK(grad_of(g, "a") == -2);
  CHECK(grad_of(g, "b") == 3);
  CHECK(grad_of(g, "c") == 1);
  CHECK(g.grad.size() == 3);
}

TEST_CASE("L = (a*b + c)*f steps back through the chain rule to the seed's gradients") {
  // Seed article 002 and its PyTorch check: L = -4, dL/da = 4 (a.grad.item() # 4.0), dL/db = -6,
  // dL/dc = -2, dL/df = 2, dL/dd = dL/de = -2.
  const bp::expr::Vars vars{{"a", 3}, {"b", -2}, {"c", 8}, {"f", -2}};
  const auto g = gradient("d = a*b; e = d + c; L = e*f", vars);
  CHECK(g.value == -4);
  CHECK(grad_of(g, "a") == 4);
  CHECK(grad_of(g, "b") == -6);
  CHECK(grad_of(g, "c") == -2);
  CHECK(grad_of(g, "f") == 2);

  auto graph = bp::expr::graph("d = a*b; e = d + c; L = e*f", vars);
  REQUIRE(graph.ok());
  int checked = 0;
  for (const auto& node : graph->nodes) {
    if (node.label == "d" || node.label == "e") {
      CHECK(*node.grad == -2);
      ++checked;
    }
    if (node.label == "L") {
      CHECK(*node.grad == 1);
      ++checked;
    }
  }
  CHECK(checked == 3);
}

TEST_CASE("backward accumulates into a node used twice") {
  // b = a + a: db/da = 2 (micrograd's "bug" example, fixed by +=).
  CHECK(grad_of(gradient("b = a + a", {{"a", 3}}), "a") == 2);
  // x*x: d/dx = 2x.
  CHECK(grad_of(gradient("x*x", {{"x", 5}}), "x") == 10);
}

TEST_CASE("gradients meet again in a diamond") {
  // y = (x+1)*(x+2): dy/dx = 2x + 3 = 7 at x = 2.
  CHECK(grad_of(gradient("u = x + 1; v = x + 2; u*v", {{"x", 2}}), "x") == 7);
}

TEST_CASE("micrograd's test_more_ops gradients match its README values") {
  // micrograd README: a.grad = 138.8338, b.grad = 645.5773 (values from PyTorch in test_engine.py).
  const std::string program =
      "c = a + b; d = a*b + b^3; c = c + c + 1; c = c + 1 + c + (-a); d = d + d*2 + relu(b + a);"
      "d = d + 3*d + relu(b - a); e = c - d; f = e^2; g = f/2.0; g = g + 10.0/f";
  const auto g = gradient(program, {{"a", -4}, {"b", 2}});
  CHECK(grad_of(g, "a") == doctest::Approx(138.8338).epsilon(1e-6));
  CHECK(grad_of(g, "b") == doctest::Approx(645.5773).epsilon(1e-6));
}

TEST_CASE("kinks follow PyTorch: relu'(0) = 0 and abs'(0) = 0") {
  CHECK(grad_of(gradient("relu(x)", {{"x", 0}}), "x") == 0);
  CHECK(grad_of(gradient("relu(x)", {{"x", 1}}), "x") == 1);
  CHECK(grad_of(gradient("abs(x)", {{"x", 0}}), "x") == 0);
  CHECK(grad_of(gradient("abs(x)", {{"x", -2}}), "x") == -1);
}

TEST_CASE("d(a^b)/db is 0 where a = 0 and b >= 0, as in PyTorch") {
  const auto g = gradient("a^b", {{"a", 0}, {"b", 2}});
  CHECK(grad_of(g, "b") == 0);
  CHECK(grad_of(g, "a") == 0);
}

TEST_CASE("domain edges show up in gradients as IEEE values") {
  CHECK(grad_of(gradient("sqrt(x)", {{"x", 0}}), "x") == INFINITY);
  CHECK(std::isnan(grad_of(gradient("log(x)", {{"x", -1}}), "x")) == false);  // 1/x is defined at -1
  CHECK(grad_of(gradient("log(x)", {{"x", -1}}), "x") == -1);
  CHECK(std::isnan(gradient("log(x)", {{"x", -1}}).value));
}

TEST_CASE("a variable that does not reach the output has gradient 0") {
  const auto g = gradient("u = sin(y); x*2", {{"x", 1}, {"y", 1}});
  CHECK(grad_of(g, "x") == 2);
  CHECK(grad_of(g, "y") == 0);
}

TEST_CASE("a chain of 100,000 nodes differentiates without recursion") {
  std::string program = "t = x";
  for (int i = 0; i < 100000; ++i) program += "; t = t*1.00001";
  const auto g = gradient(program, {{"x", 1}});
  CHECK(grad_of(g, "x") == doctest::Approx(std::pow(1.00001, 100000)).epsilon(1e-9));
}
