// Graph export: every node with op, label, value, gradient and inputs, in a drawable order.
#include <doctest/doctest.h>

#include <map>

#include "helpers.hpp"

TEST_CASE("the seed program exports seven nodes with the seed's values and gradients") {
  auto graph = bp::expr::graph("d = a*b; e = d + c; L = e*f", {{"a", 3}, {"b", -2}, {"c", 8}, {"f", -2}});
  REQUIRE(graph.ok());
  REQUIRE(graph->nodes.size() == 7);
  std::map<std::string, bp::expr::ExportedNode> by_label;
  for (const auto& node : graph->nodes) by_label[node.label] = node;
  // Seed article 002: values a=3, b=-2, c=8, f=-2, d=-6, e=2, L=-4; gradients 4, -6, -2, 2, -2, -2, 1.
  const std::map<std::string, std::pair<double, double>> expected{
      {"a", {3, 4}}, {"b", {-2, -6}}, {"c", {8, -2}}, {"f", {-2, 2}}, {"d", {-6, -2}}, {"e", {2, -2}}, {"L", {-4, 1}}};
  for (const auto& entry : expected) {
    const std::string& label = entry.first;
    const auto& vg = entry.second;
    CAPTURE(label);
    REQUIRE(by_label.count(label));
    CHECK(by_label[label].value == vg.first);
    CHECK(*by_label[label].grad == vg.second);
  }
  CHECK(by_label["d"].op == "mul");
  CHECK(by_label["e"].op == "add");
  CHECK(by_label["a"].op == "var");
  CHECK(graph->output == by_label["L"].id);
}

TEST_CASE("every node's inputs come before it and the output is last") {
  auto graph = bp::expr::graph("sin(x)*x + x^2", {{"x", 1}});
  REQUIRE(graph.ok());
  for (const auto& node : graph->nodes) {
    for (int input : node.inputs) CHECK(input < node.id);
  }
  CHECK(graph->output == static_cast<int>(graph->nodes.size()) - 1);
}

TEST_CASE("a name used twice is one node with two users, and constants have no gradient") {
  auto graph = bp::expr::graph("x*x + 2", {{"x", 3}});
  REQUIRE(graph.ok());
  int xs = 0;
  for (const auto& node : graph->nodes) {
    if (node.op == "var") {
      ++xs;
      CHECK(*node.grad == 6);
    }
    if (node.op == "const") {
      CHECK(node.label == "2");
      CHECK_FALSE(node.grad.has_value());
    }
    if (node.op == "mul") CHECK(node.inputs[0] == node.inputs[1]);
  }
  CHECK(xs == 1);
}

TEST_CASE("nodes that do not reach the output are left out") {
  auto graph = bp::expr::graph("u = sin(y); v = x*2", {{"x", 1}, {"y", 1}});
  REQUIRE(graph.ok());
  CHECK(graph->nodes.size() == 3);  // x, 2, x*2
}

TEST_CASE("labels: π for pi, numbers in shortest form, ops by symbol") {
  auto graph = bp::expr::graph("pi*0.1 + sin(x)", {{"x", 1}});
  REQUIRE(graph.ok());
  std::vector<std::string> labels;
  for (const auto& node : graph->nodes) labels.push_back(node.label);
  CHECK(labels == std::vector<std::string>{"π", "0.1", "*", "x", "sin", "+"});
}

TEST_CASE("a graph too large to draw is refused with its size in the message") {
  std::string text = "x";
  for (int i = 0; i < 30000; ++i) text += "+x";
  auto graph = bp::expr::graph(text, {{"x", 1}});
  REQUIRE_FALSE(graph.ok());
  CHECK(graph.error().message.find("30001 nodes") != std::string::npos);
}

TEST_CASE("each node carries the local derivatives the chain rule multiplies by") {
  // L = e*f: dL/de = f = -2, dL/df = e = 2; e = d + c: de/dd = de/dc = 1; d = a*b: dd/da = b, dd/db = a.
  auto graph = bp::expr::graph("d = a*b; e = d + c; L = e*f", {{"a", 3}, {"b", -2}, {"c", 8}, {"f", -2}});
  REQUIRE(graph.ok());
  std::map<std::string, bp::expr::ExportedNode> by_label;
  for (const auto& node : graph->nodes) by_label[node.label] = node;
  CHECK(by_label["L"].local == std::vector<double>{-2, 2});
  CHECK(by_label["e"].local == std::vector<double>{1, 1});
  CHECK(by_label["d"].local == std::vector<double>{-2, 3});
  CHECK(by_label["a"].local.empty());
}
