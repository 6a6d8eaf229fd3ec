// The network's optimizer: per layer, the shared update rules (optim/update_rules.hpp) on W and b.
#include "nn/optimizer.hpp"

#include "optim/update_rules.hpp"

namespace bp::nn {

std::string_view optimizer_name(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::kSgd: return "sgd";
    case OptimizerKind::kMomentum: return "momentum";
    case OptimizerKind::kAdam: return "adam";
  }
  return "?";
}

std::optional<OptimizerKind> optimizer_named(std::string_view name) {
  for (OptimizerKind k : kOptimizerKinds) {
    if (optimizer_name(k) == name) return k;
  }
  return std::nullopt;
}

Optimizer::Optimizer(const OptimizerConfig& config, const Network& network) : config_(config) {
  for (const Dense& layer : network.layers()) {
    State s;
    s.W1 = s.W2 = Eigen::MatrixXd::Zero(layer.W.rows(), layer.W.cols());
    s.b1 = s.b2 = Eigen::VectorXd::Zero(layer.b.size());
    state_.push_back(std::move(s));
  }
}

namespace {
// The network's three kinds are rows of the shared table (optim/update_rules.hpp).
optim::Rule rule_of(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::kSgd: return optim::Rule::kSgd;
    case OptimizerKind::kMomentum: return optim::Rule::kMomentum;
    case OptimizerKind::kAdam: return optim::Rule::kAdam;
  }
  return optim::Rule::kSgd;
}

template <class P, class G>
void update(const OptimizerConfig& c, long step, P& p, const G& g, P& s1, P& s2) {
  optim::Hyperparameters h;
  h.learning_rate = c.learning_rate;
  h.momentum = c.momentum;
  h.beta1 = c.beta1;
  h.beta2 = c.beta2;
  h.epsilon = c.epsilon;
  optim::update(rule_of(c.kind), h, step, p.data(), g.data(), s1.data(), s2.data(), static_cast<std::size_t>(p.size()));
}
}  // namespace

void Optimizer::step(Network& network) {
  ++steps_;
  auto& layers = network.layers();
  for (std::size_t l = 0; l < layers.size(); ++l) {
    Dense& layer = layers[l];
    State& s = state_[l];
    update(config_, steps_, layer.W, layer.grad_W, s.W1, s.W2);
    update(config_, steps_, layer.b, layer.grad_b, s.b1, s.b2);
  }
}

}  // namespace bp::nn
