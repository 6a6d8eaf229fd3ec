// True values per mode, from the models the panels draw.
#include "exercise/truths.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "graph/chain_rule.hpp"

namespace bp::app {

Truths function_truths(const FunctionState& state, const PointReading& point, const ErrorCurve* curve) {
  Truths t;
  t.values["fx"] = point.value;
  t.values["slope"] = point.slope;
  t.values["fd"] = point.estimate;
  t.values["step"] = point.x0 - state.learning_rate * point.slope;  // x ← x − η·f′(x)
  if (curve) t.values["besth"] = best_h_exponent(*curve);
  return t;
}

double best_h_exponent(const ErrorCurve& curve) {
  const int n = static_cast<int>(curve.errors.size());
  constexpr int kReach = 2;  // samples each side: 151 samples over 16 decades, about 0.1 decade apart
  double best = INFINITY, best_h = NAN;
  for (int i = 0; i < n; ++i) {
    double worst = 0;
    for (int k = std::max(0, i - kReach); k <= std::min(n - 1, i + kReach); ++k) {
      const double e = curve.errors[static_cast<std::size_t>(k)];
      worst = std::isfinite(e) ? std::max(worst, e) : INFINITY;
    }
    if (worst < best) best = worst, best_h = curve.hs[static_cast<std::size_t>(i)];
  }
  return std::log10(best_h);
}

namespace {
// A node the program named (an input or `d = …`), not a number or an unnamed operation.
bool is_named(const expr::ExportedNode& node) {
  return node.op != "const" && !is_operator_label(node.label) && (node.op == "var" || node.label != node.op);
}
}  // namespace

Truths graph_truths(const expr::GraphExport& graph) {
  Truths t;
  t.output = graph.nodes[static_cast<std::size_t>(graph.output)].label;
  for (auto node = graph.nodes.rbegin(); node != graph.nodes.rend(); ++node) {  // backward order
    if (!is_named(*node)) continue;
    t.values["value:" + node->label] = node->value;
    if (!node->grad) continue;
    const std::string id = "grad:" + node->label;
    t.values[id] = *node->grad;
    t.backward_order.push_back(id);
    const std::string rule = chain_rule(graph, *node);
    t.hints[id] = rule.substr(0, rule.find('\n'));  // the rule, not its numbers (they give the answer away)
  }
  return t;
}

Truths network_truths(Trainer& trainer, int index, double learning_rate) {
  Truths t;
  const auto& points = trainer.train_points();
  if (index < 0 || index >= static_cast<int>(points.size())) return t;
  const nn::Point& p = points[static_cast<std::size_t>(index)];
  nn::Network copy = trainer.network();
  Eigen::MatrixXd x = trainer.inputs_for(p.x1, p.x2);
  // As step_through.cpp labels the example: ±1, {0, 1} for a sigmoid, one-hot for a softmax.
  const Eigen::MatrixXd y = nn::label_matrix({p}, copy.config().output_activation, trainer.classes());
  copy.forward_train(x);  // as the step-through: with dropout, the same masks (the same copy of the Rng)
  t.values["eloss"] = copy.loss(y);
  t.values["yhat"] = copy.layers().back().a(0, 0);
  copy.backward(y);
  const auto put_vector = [&](const std::string& name, const Eigen::MatrixXd& v) {
    for (Eigen::Index i = 0; i < v.rows(); ++i) t.values[name + ":" + std::to_string(i)] = v(i, 0);
  };
  const auto put_matrix = [&](const std::string& name, const Eigen::MatrixXd& m) {
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      for (Eigen::Index j = 0; j < m.cols(); ++j) {
        t.values[name + ":" + std::to_string(i) + "," + std::to_string(j)] = m(i, j);
      }
    }
  };
  for (std::size_t l = 0; l < copy.layers().size(); ++l) {
    const auto& layer = copy.layers()[l];
    const std::string n = std::to_string(l + 1);
    put_vector("z" + n, layer.z);
    put_vector("a" + n, layer.a);
    put_vector("delta" + n, layer.delta);
    put_matrix("dW" + n, layer.grad_W);
    put_vector("db" + n, layer.grad_b);
  }
  copy.sgd_step(learning_rate);
  for (std::size_t l = 0; l < copy.layers().size(); ++l) {
    const std::string n = std::to_string(l + 1);
    put_matrix("W" + n, copy.layers()[l].W);
    put_vector("b" + n, copy.layers()[l].b);
  }
  return t;
}

std::vector<AskGroup> network_ask_groups(const Truths& truths) {
  std::vector<AskGroup> groups;
  for (const char* single : {"yhat", "eloss"}) {
    if (truths.values.count(single)) {
      groups.push_back({single, std::string(single) + (single[0] == 'y' ? ": the output ŷ" : ": the example's loss"),
                        {single}});
    }
  }
  const std::pair<const char*, const char*> kinds[] = {
      {"z", "pre-activation z"}, {"a", "activation a"}, {"delta", "δ = ∂L/∂z"}, {"dW", "∂L/∂W"},
      {"db", "∂L/∂b"}, {"W", "W after the step"}, {"b", "b after the step"}};
  for (int layer = 1; layer <= 16; ++layer) {
    bool any = false;
    for (const auto& [kind, title] : kinds) {
      AskGroup group{kind + std::to_string(layer), "", {}};
      group.title = group.kind + ": " + title + " of layer " + std::to_string(layer);
      // The map orders "dW2:0,10" before "dW2:0,2": collect, then sort by the numbers.
      const std::string prefix = group.kind + ":";
      for (auto it = truths.values.lower_bound(prefix); it != truths.values.end() && it->first.rfind(prefix, 0) == 0;
           ++it) {
        group.ids.push_back(it->first);
      }
      const auto numbers = [&](const std::string& id) {
        const std::size_t comma = id.find(',', prefix.size());
        const int i = std::stoi(id.substr(prefix.size()));
        return std::make_pair(i, comma == std::string::npos ? -1 : std::stoi(id.substr(comma + 1)));
      };
      std::sort(group.ids.begin(), group.ids.end(),
                [&](const std::string& x, const std::string& y) { return numbers(x) < numbers(y); });
      if (group.ids.empty()) continue;
      any = true;
      groups.push_back(std::move(group));
    }
    if (!any) break;
  }
  return groups;
}

}  // namespace bp::app
