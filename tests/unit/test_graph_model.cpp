// Graph mode's model: the seed article's program (a = 3, b = −2, c = 8, f = −2, d = a·b, e = d + c,
// L = e·f), its values and gradients, and the backward pass stepped node by node. Reference
// numbers: the seed article (e·f = −4.0; ∂L/∂e = f = −2.0, ∂L/∂f = e = 2.0; ∂L/∂d = −2 by the chain
// rule; PyTorch's a.grad = 4.0) and hand calculation (∂L/∂b = a·f = −6, ∂L/∂c = f = −2).
#include <doctest/doctest.h>

#include <string>

#include "clock.hpp"
#include "graph/chain_rule.hpp"
#include "graph/gradient_check.hpp"
#include "graph/model.hpp"

using namespace bp::app;

namespace {

const GraphSnapshot& computed(GraphModel& model, const GraphState& state) {
  const GraphSnapshot& c = model.compute(state, now_ms() + 1000);
  REQUIRE_MESSAGE(c.graph.has_value(), (c.error ? c.error->message : std::string("no graph")));
  return c;
}

const bp::expr::ExportedNode& node_named(const bp::expr::GraphExport& g, const std::string& label) {
  for (const auto& node : g.nodes) {
    if (node.label == label) return node;
  }
  FAIL("no node " << label);
  return g.nodes.front();
}

}  // namespace

TEST_CASE("the seed program: L = -4 and the gradients of the seed article") {
  GraphModel model;
  GraphState s;
  const auto& g = *computed(model, s).graph;
  CHECK(g.nodes[static_cast<std::size_t>(g.output)].label == "L");
  CHECK(node_named(g, "L").value == -4);
  CHECK(node_named(g, "d").value == -6);
  CHECK(node_named(g, "e").value == 2);
  CHECK(*node_named(g, "L").grad == 1);
  CHECK(*node_named(g, "e").grad == -2);
  CHECK(*node_named(g, "f").grad == 2);
  CHECK(*node_named(g, "d").grad == -2);
  CHECK(*node_named(g, "c").grad == -2);
  CHECK(*node_named(g, "a").grad == 4);
  CHECK(*node_named(g, "b").grad == -6);
}

TEST_CASE("the backward pass steps from the output down, one node at a time, in reverse id order") {
  GraphModel model;
  GraphState s;
  const auto& g = *computed(model, s).graph;
  const int count = static_cast<int>(g.nodes.size());
  CHECK(current_node(s, count) == -1);  // the default shows every gradient
  for (int id = 0; id < count; ++id) CHECK(is_revealed(s, id, count));
  reset_gradients(s);
  for (int id = 0; id < count; ++id) CHECK_FALSE(is_revealed(s, id, count));
  std::vector<std::string> order;
  for (int i = 0; i < count; ++i) {
    step_backward(s, count);
    const int current = current_node(s, count);
    REQUIRE(current == count - 1 - i);
    CHECK(is_revealed(s, current, count));
    if (current > 0) CHECK_FALSE(is_revealed(s, current - 1, count));
    order.push_back(g.nodes[static_cast<std::size_t>(current)].label);
  }
  CHECK(order.front() == "L");  // ∂L/∂L = 1 first
  // Every node comes after all the nodes that use it: its gradient is complete when reached.
  for (const auto& user : g.nodes) {
    for (int input : user.inputs) CHECK(input < user.id);
  }
  step_backward(s, count);  // past the last: stays there
  CHECK(s.backward_step == count);
  step_back(s, count);
  CHECK(current_node(s, count) == 1);
  run_to_end(s);
  CHECK(s.backward_step == -1);
  step_back(s, count);  // from "all shown" one step back: all but the last node
  CHECK(s.backward_step == count - 1);
}

TEST_CASE("the chain rule is written out with the seed's numbers: dL/dd = dL/de · de/dd = -2 · 1") {
  GraphModel model;
  GraphState s;
  const auto& g = *computed(model, s).graph;
  CHECK(chain_rule(g, node_named(g, "L")) == "∂L/∂L = 1");
  CHECK(chain_rule(g, node_named(g, "d")) == "∂L/∂d = ∂L/∂e · ∂e/∂d\n  = -2 · 1 = -2");
  CHECK(chain_rule(g, node_named(g, "a")) == "∂L/∂a = ∂L/∂d · ∂d/∂a\n  = -2 · -2 = 4");
  CHECK(formula(g, node_named(g, "e")) == "d + c");
  CHECK(formula(g, node_named(g, "d")) == "a·b");
}

TEST_CASE("a node used twice adds its users' contributions, and the chain rule says so") {
  GraphModel model;
  GraphState s;
  s.program = "x = 3\ny = x*x";
  const auto& g = *computed(model, s).graph;
  CHECK(*node_named(g, "x").grad == 6);  // d(x²)/dx = 2x
  const std::string text = chain_rule(g, node_named(g, "x"));
  CHECK(text.find("= 1 · 3 + 1 · 3 = 6") != std::string::npos);
  CHECK(text.find("grad += each") != std::string::npos);
}

TEST_CASE("a moved slider overrides the program's number: a = 4 gives L = 0 and dL/db = a·f = -8") {
  GraphModel model;
  GraphState s;
  set_input_value(s, "a", 4);
  const GraphSnapshot& c = computed(model, s);
  CHECK(node_named(*c.graph, "L").value == 0);  // (4·−2 + 8)·−2
  CHECK(*node_named(*c.graph, "b").grad == -8);
  CHECK(input_values(s, c.inputs) == bp::expr::Vars{{"a", 4}, {"b", -2}, {"c", 8}, {"f", -2}});
  set_input_value(s, "a", 3);
  CHECK(s.values.size() == 1);  // set again, not added
  CHECK(node_named(*computed(model, s).graph, "L").value == -4);
}

TEST_CASE("with the frame's budget spent the graph waits a frame; the previous one stays meanwhile") {
  GraphModel model;
  GraphState s;
  const GraphSnapshot& first = model.compute(s, now_ms() - 1);
  CHECK(first.is_pending);
  CHECK_FALSE(first.graph.has_value());
  CHECK(computed(model, s).graph.has_value());
  set_input_value(s, "c", 10);
  const GraphSnapshot& waiting = model.compute(s, now_ms() - 1);
  CHECK(waiting.is_pending);
  CHECK(node_named(*waiting.graph, "L").value == -4);  // still the graph at c = 8
  CHECK(node_named(*computed(model, s).graph, "L").value == -8);  // (−6 + 10)·−2
}

TEST_CASE("a half-typed program keeps the last good graph, marked stale, beside the error") {
  GraphModel model;
  GraphState s;
  computed(model, s);
  s.program += "\nM = L *";
  const GraphSnapshot& c = model.compute(s, now_ms() + 1000);
  REQUIRE(c.error.has_value());
  CHECK(c.is_stale);
  REQUIRE(c.graph.has_value());
  CHECK(node_named(*c.graph, "L").value == -4);
  CHECK(c.inputs.size() == 4);
  s.program = GraphState{}.program + "\nM = L * 2";
  const GraphSnapshot& fixed = computed(model, s);
  CHECK_FALSE(fixed.is_stale);
  CHECK_FALSE(fixed.error.has_value());
  CHECK(node_named(*fixed.graph, "M").value == -8);
}

TEST_CASE("the gradient check takes the scheme and h: the seed's forward differences with h = 0.0001") {
  // The seed article: h = 0.0001; d = a*b + c at a = 3, b = -2, c = 8: b 3.00000000000189 and
  // c 0.9999999999976694. For a it prints -2.0000000000131024, which CPython 3.11 gives for h = 1e-5;
  // with h = 0.0001 CPython gives -2.0000000000042206 (the same arithmetic as its e*f example).
  GraphModel model;
  GraphState s;
  s.program = "a = 3.0\nb = -2.0\nc = 8.0\nd = a * b + c";
  const GraphSnapshot& c = computed(model, s);
  GradientCheck check;
  const CheckSettings forward{bp::expr::Scheme::kForward, 0.0001};
  check.update(s.program, *c.program, c.vars, now_ms() + 1000, forward);
  REQUIRE(check.rows().size() == 3);
  CHECK(check.rows()[0].name == "a");
  CHECK(check.rows()[0].estimate == -2.0000000000042206);
  CHECK(check.rows()[1].estimate == 3.00000000000189);
  CHECK(check.rows()[2].estimate == 0.9999999999976694);
  CHECK(check.rows()[0].grad == -2);
  check.update(s.program, *c.program, c.vars, now_ms() + 1000, {bp::expr::Scheme::kForward, 1e-5});
  CHECK(check.rows()[0].estimate == -2.0000000000131024);
  // L = e*f at e = 2, f = -2: ((e+h)*f - e*f)/h = -2.0000000000042206, (e*(f+h) - e*f)/h = 1.9999999999997797.
  s.program = "e = 2.0\nf = -2.0\nL = e * f";
  const GraphSnapshot& ef = computed(model, s);
  check.update(s.program, *ef.program, ef.vars, now_ms() + 1000, forward);
  REQUIRE(check.rows().size() == 2);
  CHECK(check.rows()[0].estimate == -2.0000000000042206);
  CHECK(check.rows()[1].estimate == 1.9999999999997797);
  // The central difference of a product is exact up to rounding: the default settings agree to 1e-10.
  check.update(s.program, *ef.program, ef.vars, now_ms() + 1000);
  CHECK(check.rows()[0].estimate == doctest::Approx(-2).epsilon(1e-10));
  CHECK(check.rows()[0].estimate != -2.0000000000042206);
}

TEST_CASE("the first backward steps read dL/dL = 1, then dL/de with the output's local written as a formula") {
  GraphModel model;
  GraphState s;
  const auto& g = *computed(model, s).graph;
  CHECK(chain_rule(g, node_named(g, "L")) == "∂L/∂L = 1");
  CHECK(chain_rule(g, node_named(g, "e")) == "∂L/∂e = ∂L/∂L · ∂(e·f)/∂e\n  = 1 · -2 = -2");
  CHECK(chain_rule(g, node_named(g, "f")) == "∂L/∂f = ∂L/∂L · ∂(e·f)/∂f\n  = 1 · 2 = 2");
}

TEST_CASE("a program with an error has no graph and reports the error's place") {
  GraphModel model;
  GraphState s;
  s.program = "a = 3\nL = a *";
  const GraphSnapshot& c = model.compute(s, now_ms() + 1000);
  CHECK_FALSE(c.graph.has_value());
  REQUIRE(c.error.has_value());
  CHECK(c.error->span.start >= s.program.find('*'));
}

TEST_CASE("the gradient check agrees with autodiff on the seed, and flags a kink at relu's corner") {
  GraphModel model;
  GraphState s;
  const GraphSnapshot& c = computed(model, s);
  GradientCheck check;
  check.update(s.program, *c.program, c.vars, now_ms() + 1000);
  CHECK(check.is_complete());
  REQUIRE(check.rows().size() == 4);
  for (const CheckRow& row : check.rows()) {
    CAPTURE(row.name);
    CHECK(row.relative_error() < 1e-8);
  }
  CHECK(gradient_check_caveat(*c.graph, 1e-5).empty());
  s.program = "x = 0\ny = relu(x)";
  const GraphSnapshot& kinked = computed(model, s);
  CHECK(gradient_check_caveat(*kinked.graph, 1e-5).find("kink: relu") == 0);
}

TEST_CASE("nudging a by 0.01·dL/da = 0.04 raises L by the predicted 0.16") {
  GraphModel model;
  GraphState s;
  const GraphSnapshot& c = computed(model, s);
  const Nudge n = nudge(*c.program, c.vars, *c.graph, 0, 0.01);
  CHECK(n.name == "a");
  CHECK(n.grad == 4);
  CHECK(n.dx == doctest::Approx(0.04));
  CHECK(n.predicted == doctest::Approx(0.16));
  REQUIRE(n.actual.has_value());
  CHECK(*n.actual == doctest::Approx(0.16).epsilon(1e-12));  // L is linear in a: prediction exact
}

TEST_CASE("the screen reader hears the output and the gradients the backward pass has reached") {
  GraphModel model;
  GraphState s;
  const auto& g = *computed(model, s).graph;
  const std::string all = graph_description(s, g);
  CHECK(all.rfind("Graph mode. L = -4. Gradients:", 0) == 0);
  CHECK(all.find(" dL/da = 4;") != std::string::npos);
  CHECK(all.find(" dL/db = -6;") != std::string::npos);
  reset_gradients(s);
  step_backward(s, static_cast<int>(g.nodes.size()));
  CHECK(graph_description(s, g) == "Graph mode. L = -4. Gradients: dL/dL = 1;");
}

TEST_CASE("functions of several inputs, comparisons and where are written as the learner wrote them") {
  GraphModel model;
  GraphState s;
  s.program =
      "a = 1\nb = 2\nm = max(a, b)\nt = atan2(a, b)\nk = clamp(a, 0, b)\nq = a if a < b else b\nL = m + t + k + q";
  const auto& g = *computed(model, s).graph;
  CHECK(formula(g, node_named(g, "m")) == "max(a, b)");
  CHECK(formula(g, node_named(g, "t")) == "atan2(a, b)");
  CHECK(formula(g, node_named(g, "k")) == "clamp(a, 0, b)");
  // where(condition, then, else), the condition written out in parentheses as every unnamed infix input is
  CHECK(formula(g, node_named(g, "q")) == "where((a < b), a, b)");
  // max(1, 2) = 2 gets its gradient from b alone (a is not the maximum): ∂m/∂a = 0, by hand
  CHECK(node_named(g, "m").value == 2);
}

TEST_CASE("the gradient check's caveat names the corner of max, clamp and comparisons, not only relu's") {
  GraphModel model;
  GraphState s;
  s.program = "a = 1\nb = 1\nL = max(a, b)";
  CHECK(gradient_check_caveat(*computed(model, s).graph, 1e-5).find("kink: max") == 0);
  s.program = "x = 2\nL = clamp(x, 0, 2)";
  CHECK(gradient_check_caveat(*computed(model, s).graph, 1e-5).find("kink: clamp") == 0);
  s.program = "x = 0\nL = x if x > 0 else 0.1*x";
  CHECK(gradient_check_caveat(*computed(model, s).graph, 1e-5).find("kink: greater") == 0);
  s.program = "a = 1\nb = 3\nL = max(a, b)";  // two apart: no corner within reach of h
  CHECK(gradient_check_caveat(*computed(model, s).graph, 1e-5).empty());
}

TEST_CASE("a node reached by the keyboard is described with its value and gradient, in topological order") {
  GraphModel model;
  GraphState s;
  const auto& g = *computed(model, s).graph;
  const int e = node_named(g, "e").id;
  CHECK(node_description(s, g, e) == "Node " + std::to_string(e + 1) + " of " + std::to_string(g.nodes.size()) +
                                         ": e = d + c, value 2, gradient ∂L/∂e = -2");
  reset_gradients(s);
  CHECK(node_description(s, g, e).find("gradient not yet computed") != std::string::npos);
  CHECK(node_description(s, g, node_named(g, "a").id).find("a, value 3") != std::string::npos);
}
