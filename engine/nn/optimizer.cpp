// Optimizer updates, one case each, as torch.optim writes them.
#include "nn/optimizer.hpp"

#include <cmath>

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
void sgd_update(double* __restrict p, const double* __restrict g, Eigen::Index size, double lr) {
  for (Eigen::Index k = 0; k < size; ++k) p[k] -= lr * g[k];
}

template <class P, class G, class S>
void adam_update(P& p, const G& g, S& m, S& v, const OptimizerConfig& c, double correction1, double correction2) {
  m = c.beta1 * m + (1 - c.beta1) * g;                     // m = β1 m + (1-β1) g
  v = c.beta2 * v + (1 - c.beta2) * g.cwiseProduct(g);     // v = β2 v + (1-β2) g²
  p.array() -= c.learning_rate * (m.array() / correction1) / ((v.array() / correction2).sqrt() + c.epsilon);
}
}  // namespace

void Optimizer::step(Network& network) {
  ++steps_;
  const double lr = config_.learning_rate;
  auto& layers = network.layers();
  for (std::size_t l = 0; l < layers.size(); ++l) {
    Dense& layer = layers[l];
    State& s = state_[l];
    switch (config_.kind) {
      case OptimizerKind::kSgd:  // w -= lr·g, as plain loops (they vectorise; Eigen's expressions here did not)
        sgd_update(layer.W.data(), layer.grad_W.data(), layer.W.size(), lr);
        sgd_update(layer.b.data(), layer.grad_b.data(), layer.b.size(), lr);
        break;
      case OptimizerKind::kMomentum:  // v = μv + g; w -= lr·v
        s.W1 = config_.momentum * s.W1 + layer.grad_W;
        s.b1 = config_.momentum * s.b1 + layer.grad_b;
        layer.W -= lr * s.W1;
        layer.b -= lr * s.b1;
        break;
      case OptimizerKind::kAdam: {  // bias-corrected moments
        const double c1 = 1 - std::pow(config_.beta1, static_cast<double>(steps_));
        const double c2 = 1 - std::pow(config_.beta2, static_cast<double>(steps_));
        adam_update(layer.W, layer.grad_W, s.W1, s.W2, config_, c1, c2);
        adam_update(layer.b, layer.grad_b, s.b1, s.b2, config_, c1, c2);
        break;
      }
    }
  }
}

}  // namespace bp::nn
