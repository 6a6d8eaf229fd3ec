// Optimizers with PyTorch's update rules (the table in optim/update_rules.hpp): SGD, SGD with momentum,
// Adam. Each keeps its own state (velocities, moments) shaped like the network it was made for.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "nn/network.hpp"

namespace bp::nn {

enum class OptimizerKind { kSgd, kMomentum, kAdam };
inline constexpr OptimizerKind kOptimizerKinds[] = {OptimizerKind::kSgd, OptimizerKind::kMomentum,
                                                    OptimizerKind::kAdam};

std::string_view optimizer_name(OptimizerKind kind);
std::optional<OptimizerKind> optimizer_named(std::string_view name);

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::kSgd;
  double learning_rate = 0.03;  // TensorFlow Playground's default
  double momentum = 0.9;        // kMomentum: v = μv + g; w -= lr·v
  double beta1 = 0.9;           // kAdam
  double beta2 = 0.999;
  double epsilon = 1e-8;
};

class Optimizer {
 public:
  Optimizer(const OptimizerConfig& config, const Network& network);
  // Updates the network's parameters from the gradients of its last backward().
  void step(Network& network);
  const OptimizerConfig& config() const { return config_; }
  // Changes the step size and keeps the accumulated state (velocities, moments).
  void set_learning_rate(double learning_rate) { config_.learning_rate = learning_rate; }

 private:
  struct State {
    Eigen::MatrixXd W1, W2;  // momentum velocity, or Adam's first and second moments
    Eigen::VectorXd b1, b2;
  };
  OptimizerConfig config_;
  std::vector<State> state_;
  long steps_ = 0;
};

}  // namespace bp::nn
