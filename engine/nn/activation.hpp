// Activation functions on whole matrices (one column per example), with their derivatives.
#pragma once

#include <optional>
#include <string_view>

#include <Eigen/Core>

namespace bp::nn {

// A layer's values for a batch: out × n, unit-major (row o is unit o across the batch, contiguous),
// so the training loops run along the batch (nn/dense_kernels.hpp).
using Batch = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

enum class Activation { kLinear, kTanh, kRelu, kSigmoid, kSoftmax };
inline constexpr Activation kActivations[] = {Activation::kLinear, Activation::kTanh, Activation::kRelu,
                                              Activation::kSigmoid, Activation::kSoftmax};

std::string_view activation_name(Activation a);
std::optional<Activation> activation_named(std::string_view name);

// a = act(z), column by column for softmax.
void activate(Activation act, const Batch& z, Batch& a);
// delta *= act'(z), elementwise, using a = act(z) where that is cheaper. Not for softmax (its
// Jacobian is not diagonal; softmax is only used with cross-entropy, whose delta is a - y).
void multiply_by_derivative(Activation act, const Batch& z, const Batch& a, Batch& delta);

}  // namespace bp::nn
