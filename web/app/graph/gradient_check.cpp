// The numbers behind the gradient check and the nudge; the engine evaluates and differentiates.
#include "graph/gradient_check.hpp"

#include <algorithm>
#include <utility>

#include "clock.hpp"

namespace bp::app {

void GradientCheck::update(const std::string& text, const expr::Program& program, const expr::Vars& vars,
                           double deadline, const CheckSettings& settings) {
  if (!started_ || text_ != text || vars_ != vars || settings_ != settings) {
    started_ = true;
    text_ = text;
    vars_ = vars;
    settings_ = settings;
    exact_.clear();
    rows_.clear();
    auto exact = expr::gradient(program, vars);
    if (!exact) return;
    exact_ = std::move(exact->grad);
  }
  while (rows_.size() < exact_.size() && (rows_.empty() || now_ms() < deadline)) {
    const auto& [name, grad] = exact_[rows_.size()];
    auto numeric = expr::numerical_derivative(program, name, vars, settings.h, settings.scheme);
    rows_.push_back({name, grad, numeric ? numeric->slope : NAN});
  }
}

namespace {

// How far a node's inputs are from the op's corner, where the slopes on either side differ (a central
// difference across it averages them); infinity for ops that are smooth everywhere.
double corner_distance(const expr::GraphExport& g, const expr::ExportedNode& node) {
  const auto in = [&](std::size_t k) { return g.nodes[static_cast<std::size_t>(node.inputs[k])].value; };
  const std::string& op = node.op;
  if (op == "relu" || op == "abs" || op == "sign" || op == "step" || op == "heaviside" || op == "leaky_relu" ||
      op == "elu") {
    return std::fabs(in(0));
  }
  if (op == "floor" || op == "ceil" || op == "trunc") return std::fabs(in(0) - std::round(in(0)));
  if (op == "round") return std::fabs(std::fabs(in(0) - std::floor(in(0))) - 0.5);
  if ((op == "max" || op == "min" || op == "less" || op == "less_equal" || op == "greater" ||
       op == "greater_equal" || op == "equal" || op == "not_equal") && node.inputs.size() >= 2) {
    return std::fabs(in(0) - in(1));
  }
  if (op == "clamp" && node.inputs.size() == 3) return std::min(std::fabs(in(0) - in(1)), std::fabs(in(0) - in(2)));
  return INFINITY;
}

}  // namespace

std::string gradient_check_caveat(const expr::GraphExport& g, double h) {
  for (const auto& node : g.nodes) {
    if (!std::isfinite(node.value)) return "domain error: " + node.label + " is " + std::to_string(node.value);
    if (corner_distance(g, node) < 10 * h) {
      return "kink: " + node.op + " is evaluated at its corner, where the two sides' slopes differ";
    }
  }
  return "";
}

Nudge nudge(const expr::Program& program, const expr::Vars& vars, const expr::GraphExport& g, std::size_t chosen,
            double epsilon) {
  Nudge n;
  n.name = vars[chosen].first;
  for (const auto& node : g.nodes) {
    if (node.op == "var" && node.label == n.name) n.grad = node.grad.value_or(0);
  }
  n.dx = epsilon * n.grad;
  n.predicted = n.grad * n.dx;
  expr::Vars moved = vars;
  moved[chosen].second = vars[chosen].second + n.dx;
  auto after = expr::evaluate(program, moved);
  if (after) n.actual = *after - g.nodes[static_cast<std::size_t>(g.output)].value;
  return n;
}

}  // namespace bp::app
