// Activation functions on whole matrices (one column per example), with their derivatives.
#pragma once

#include <optional>
#include <string_view>

#include <Eigen/Core>

namespace bp::nn {

enum class Activation { kLinear, kTanh, kRelu, kSigmoid, kSoftmax };

std::string_view activation_name(Activation a);
std::optional<Activation> activation_named(std::string_view name);

// a = act(z), column by column for softmax.
void activate(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd> a);
// delta *= act'(z), elementwise, using a = act(z) where that is cheaper. Not for softmax (its
// Jacobian is not diagonal; softmax is only used with cross-entropy, whose delta is a - y).
void multiply_by_derivative(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z,
                            const Eigen::Ref<const Eigen::MatrixXd>& a, Eigen::Ref<Eigen::MatrixXd> delta);

}  // namespace bp::nn
