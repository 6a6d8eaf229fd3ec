// Activations: one case each, derivative beside it. relu'(0) = 0 as in PyTorch.
#include "nn/activation.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "fast_math.hpp"
#include "sigmoid.hpp"

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
  for (Activation a : kActivations) {
    if (activation_name(a) == name) return a;
  }
  return std::nullopt;
}

void activate(Activation act, const Batch& z, Batch& a) {
  switch (act) {
    case Activation::kLinear: a = z; break;
    case Activation::kTanh:  // the hot loop of training: see fast_math.hpp
      fast_tanh(z.data(), a.data(), static_cast<long>(z.size()));
      break;
    case Activation::kRelu: {  // a plain loop: it vectorises, Eigen's expression did not in WebAssembly
      const double* in = z.data();
      double* out = a.data();
      for (Eigen::Index k = 0, size = z.size(); k < size; ++k) out[k] = in[k] <= 0 ? 0.0 : in[k];  // NaN stays NaN
      break;
    }
    case Activation::kSigmoid: a = z.unaryExpr([](double v) { return sigmoid(v); }); break;
    case Activation::kSoftmax: {
      // Each example is a column of the unit-major batch: the loops run along rows (across examples), so
      // they vectorise; Eigen's column-wise expression ran one strided value at a time.
      const Eigen::Index rows = z.rows(), n = z.cols();
      static std::vector<double> column;  // per example: the largest z (the shift: exp never overflows), Σ e^(z − top)
      column.assign(static_cast<std::size_t>(2 * n), 0.0);
      double* top = column.data();
      double* sum = top + n;
      const double* in = z.data();
      double* out = a.data();
      for (Eigen::Index j = 0; j < n; ++j) top[j] = in[j];
      for (Eigen::Index r = 1; r < rows; ++r) {
        for (Eigen::Index j = 0; j < n; ++j) top[j] = std::max(top[j], in[r * n + j]);
      }
      for (Eigen::Index r = 0; r < rows; ++r) {
        for (Eigen::Index j = 0; j < n; ++j) sum[j] += out[r * n + j] = fast_exp_nonpositive(in[r * n + j] - top[j]);
      }
      for (Eigen::Index r = 0; r < rows; ++r) {
        for (Eigen::Index j = 0; j < n; ++j) out[r * n + j] /= sum[j];
      }
      break;
    }
  }
}

void multiply_by_derivative(Activation act, const Batch& z, const Batch& a, Batch& delta) {
  switch (act) {
    case Activation::kLinear: break;                                                     // 1
    case Activation::kTanh: {  // 1 - tanh², as a plain loop: it vectorises where Eigen's expression did not
      double* d = delta.data();
      const double* t = a.data();
      for (Eigen::Index k = 0, size = delta.size(); k < size; ++k) d[k] *= 1.0 - t[k] * t[k];
      break;
    }
    case Activation::kRelu: {  // step, 0 at 0; a plain loop as for tanh
      double* d = delta.data();
      const double* v = z.data();
      for (Eigen::Index k = 0, size = delta.size(); k < size; ++k) {
        const double step = v[k] > 0 ? 1.0 : 0.0;  // its own statement: so GCC vectorises it too (12 % of W3 natively)
        d[k] = d[k] * step;
      }
      break;
    }
    case Activation::kSigmoid: delta.array() *= a.array() * (1.0 - a.array()); break;    // σ(1 - σ)
    case Activation::kSoftmax: break;  // handled with the loss
  }
}

}  // namespace bp::nn
