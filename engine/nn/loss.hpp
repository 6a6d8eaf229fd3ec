// Losses over a batch (one column per example) and their gradient with respect to the output
// layer's pre-activation z. Each is a mean, so the learning rate does not depend on the batch size.
#pragma once

#include <optional>
#include <string_view>

#include <Eigen/Core>

#include "nn/activation.hpp"

namespace bp::nn {

enum class Loss {
  kMse,           // mean over examples and outputs of (ŷ − y)²
  kBce,           // mean binary cross-entropy of a sigmoid output, computed from z (stable)
  kCrossEntropy,  // softmax cross-entropy, mean over examples; y one-hot (or probabilities)
};

inline constexpr Loss kLosses[] = {Loss::kMse, Loss::kBce, Loss::kCrossEntropy};

std::string_view loss_name(Loss loss);
std::optional<Loss> loss_named(std::string_view name);

// z and a: the output layer's pre-activation and activation (outputs × n); y the targets.
double loss_value(Loss loss, const Batch& z, const Batch& a, const Eigen::Ref<const Eigen::MatrixXd>& y);
// delta = dL/dz for the output layer.
void output_delta(Loss loss, Activation output_activation, const Batch& z, const Batch& a,
                  const Eigen::Ref<const Eigen::MatrixXd>& y, Batch& delta);

}  // namespace bp::nn
