// Loss values and output deltas.
#include "nn/loss.hpp"

#include <cmath>

namespace bp::nn {

std::string_view loss_name(Loss loss) {
  switch (loss) {
    case Loss::kMse: return "mse";
    case Loss::kBce: return "bce";
    case Loss::kCrossEntropy: return "crossentropy";
  }
  return "?";
}

std::optional<Loss> loss_named(std::string_view name) {
  for (Loss l : kLosses) {
    if (loss_name(l) == name) return l;
  }
  return std::nullopt;
}

double loss_value(Loss loss, const Batch& z, const Batch& a, const Eigen::Ref<const Eigen::MatrixXd>& y) {
  const auto n = static_cast<double>(y.cols());
  switch (loss) {
    case Loss::kMse: {  // a plain loop: Eigen's mixed-layout expression cost more than the sum on small batches
      double sum = 0;
      for (Eigen::Index o = 0; o < a.rows(); ++o) {
        for (Eigen::Index j = 0; j < a.cols(); ++j) sum += (a(o, j) - y(o, j)) * (a(o, j) - y(o, j));
      }
      return sum / (n * static_cast<double>(y.rows()));
    }
    case Loss::kBce: {
      // -[y log σ(z) + (1-y) log(1-σ(z))] = max(z, 0) - z·y + log(1 + e^-|z|), finite for any z.
      const auto terms = z.array().max(0.0) - z.array() * y.array() + (-z.array().abs()).exp().log1p();
      return terms.sum() / (n * static_cast<double>(y.rows()));
    }
    case Loss::kCrossEntropy: {
      // -Σ y log softmax(z) = Σ y · (logsumexp(z) - z), per example. logsumexp(z) = top − log a_top, where
      // top is the largest z and a_top = 1/Σ e^(z − top) its probability (at least 1/outputs, so its log is
      // finite): one log per example instead of an exp per output.
      double total = 0;
      for (Eigen::Index j = 0; j < z.cols(); ++j) {
        double top = z(0, j), a_top = a(0, j);
        for (Eigen::Index k = 1; k < z.rows(); ++k) {
          if (z(k, j) > top) top = z(k, j), a_top = a(k, j);
        }
        const double lse = top - std::log(a_top);
        for (Eigen::Index k = 0; k < z.rows(); ++k) total += y(k, j) * (lse - z(k, j));
      }
      return total / n;
    }
  }
  return 0;
}

void output_delta(Loss loss, Activation output_activation, const Batch& z, const Batch& a,
                  const Eigen::Ref<const Eigen::MatrixXd>& y, Batch& delta) {
  const auto n = static_cast<double>(y.cols());
  switch (loss) {
    case Loss::kMse: {  // dL/da = 2(a - y)/(n·k), then through the activation
      const double scale = 2.0 / (n * static_cast<double>(y.rows()));
      for (Eigen::Index o = 0; o < a.rows(); ++o) {
        for (Eigen::Index j = 0; j < a.cols(); ++j) delta(o, j) = scale * (a(o, j) - y(o, j));
      }
      multiply_by_derivative(output_activation, z, a, delta);
      break;
    }
    case Loss::kBce:  // with a sigmoid output: dL/dz = (σ(z) - y)/(n·k)
      delta = (a - y) / (n * static_cast<double>(y.rows()));
      break;
    case Loss::kCrossEntropy:  // with a softmax output: dL/dz = (softmax(z) - y)/n, for Σy = 1
      for (Eigen::Index o = 0; o < a.rows(); ++o) {  // a plain loop, as for mse
        for (Eigen::Index j = 0; j < a.cols(); ++j) delta(o, j) = (a(o, j) - y(o, j)) / n;
      }
      break;
  }
}

}  // namespace bp::nn
