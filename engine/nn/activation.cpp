// Activations: one case each, derivative beside it. relu'(0) = 0 as in PyTorch.
#include "nn/activation.hpp"

#include <cmath>

namespace bp::nn {

std::string_view activation_name(Activation a) {
  switch (a) {
    case Activation::kLinear: return "linear";
    case Activation::kTanh: return "tanh";
    case Activation::kRelu: return "relu";
    case Activation::kSigmoid: return "sigmoid";
    case Activation::kSoftmax: return "softmax";
  }
  return "?";
}

std::optional<Activation> activation_named(std::string_view name) {
  for (Activation a : {Activation::kLinear, Activation::kTanh, Activation::kRelu, Activation::kSigmoid,
                       Activation::kSoftmax}) {
    if (activation_name(a) == name) return a;
  }
  return std::nullopt;
}

namespace {
double sigmoid(double x) {
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const double e = std::exp(x);
  return e / (1 + e);
}
}  // namespace

void activate(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd> a) {
  switch (act) {
    case Activation::kLinear: a = z; break;
    case Activation::kTanh: a = z.array().tanh(); break;
    case Activation::kRelu: a = z.array().max(0.0); break;
    case Activation::kSigmoid: a = z.unaryExpr([](double v) { return sigmoid(v); }); break;
    case Activation::kSoftmax:
      for (Eigen::Index j = 0; j < z.cols(); ++j) {
        const double top = z.col(j).maxCoeff();  // shift: exp never overflows
        a.col(j) = (z.col(j).array() - top).exp();
        a.col(j) /= a.col(j).sum();
      }
      break;
  }
}

void multiply_by_derivative(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z,
                            const Eigen::Ref<const Eigen::MatrixXd>& a, Eigen::Ref<Eigen::MatrixXd> delta) {
  switch (act) {
    case Activation::kLinear: break;                                                     // 1
    case Activation::kTanh: delta.array() *= 1.0 - a.array().square(); break;            // 1 - tanh²
    case Activation::kRelu: delta.array() *= (z.array() > 0.0).cast<double>(); break;    // step, 0 at 0
    case Activation::kSigmoid: delta.array() *= a.array() * (1.0 - a.array()); break;    // σ(1 - σ)
    case Activation::kSoftmax: break;  // handled with the loss
  }
}

}  // namespace bp::nn
