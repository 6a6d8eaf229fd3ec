// PyTorch script writer. Numbers are written in their shortest exact form, so float64 tensors in
// PyTorch hold exactly the playground's values.
#include "network/pytorch_export.hpp"

#include <algorithm>
#include <string_view>
#include <type_traits>

#include "expr/printer.hpp"

namespace bp::app {

namespace {
using expr::format_number;

// The script's text, written with << as a stream would, without the iostream library (tens of KB of the
// page's download for formatting this file never asks of it: numbers arrive already written).
struct Script {
  std::string text;
  Script& operator<<(std::string_view s) {
    text += s;
    return *this;
  }
  template <typename Integer, typename = std::enable_if_t<std::is_integral_v<Integer>>>
  Script& operator<<(Integer i) {
    text += std::to_string(i);
    return *this;
  }
};

// A float literal: "1.0", not "1", so torch.tensor makes float64 tensors.
std::string literal(double v) {
  std::string s = format_number(v);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

std::string row(const Eigen::MatrixXd& m, Eigen::Index i) {
  std::string out = "[";
  for (Eigen::Index j = 0; j < m.cols(); ++j) out += (j ? ", " : "") + literal(m(i, j));
  return out + "]";
}

// A matrix as a nested Python list, one row per line.
std::string matrix(const Eigen::MatrixXd& m, const std::string& indent) {
  std::string out = "[";
  for (Eigen::Index i = 0; i < m.rows(); ++i) out += (i ? ",\n" + indent + " " : "") + row(m, i);
  return out + "]";
}

const char* torch_activation(nn::Activation a) {
  switch (a) {
    case nn::Activation::kTanh: return "torch.nn.Tanh()";
    case nn::Activation::kRelu: return "torch.nn.ReLU()";
    case nn::Activation::kSigmoid: return "torch.nn.Sigmoid()";
    case nn::Activation::kSoftmax: return "torch.nn.Softmax(dim=1)";
    default: return "torch.nn.Identity()";
  }
}

// The loss of model(X) against Y in PyTorch, as nn::loss_value computes it.
const char* torch_loss(nn::Loss loss) {
  switch (loss) {
    case nn::Loss::kBce: return "torch.nn.functional.binary_cross_entropy(model(X), Y)  # bce of the sigmoid output";
    case nn::Loss::kCrossEntropy: return "-(Y * torch.log(model(X))).sum(dim=1).mean()  # cross-entropy: mean −log p_y";
    default: return "((model(X) - Y) ** 2).mean()  # mse: mean over examples and outputs";
  }
}
}  // namespace

std::string pytorch_script(Trainer& trainer, const NetworkState& state) {
  nn::Network copy = trainer.network();
  const auto& config = copy.config();
  const auto& points = trainer.train_points();
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, state.batch_size)), points.size());
  Eigen::MatrixXd x(static_cast<Eigen::Index>(trainer.features().size()), static_cast<Eigen::Index>(n));
  for (std::size_t j = 0; j < n; ++j) {
    x.col(static_cast<Eigen::Index>(j)) = trainer.inputs_for(points[j].x1, points[j].x2);
  }
  // Targets as the trainer makes them: ±1, {0, 1} for a sigmoid, one-hot rows for a softmax.
  const Eigen::MatrixXd y = nn::label_matrix({points.begin(), points.begin() + static_cast<std::ptrdiff_t>(n)},
                                             config.output_activation, trainer.classes());
  copy.forward(x);
  const double loss = copy.loss(y);
  copy.backward(y);

  Script py;
  py << "# Backprop Playground: the network mode's network with its current weights (epoch " << trainer.epochs()
     << "),\n# one " << nn::optimizer_name(state.model.optimizer) << " step with learning rate "
     << format_number(state.learning_rate)
     << " on the first mini-batch of " << n << " training points.\n"
     << "# Run it with PyTorch installed: python3 this_file.py\n"
     << "import torch\n\ntorch.set_default_dtype(torch.float64)\n\n";
  py << "# Inputs, one row per example: ";
  for (std::size_t i = 0; i < trainer.features().size(); ++i) {
    py << (i ? ", " : "") << nn::feature_name(trainer.features()[i]);
  }
  py << "\nX = torch.tensor(" << matrix(x.transpose(), "                 ") << ")\n";
  py << "Y = torch.tensor(" << matrix(y.transpose(), "                 ") << ")\n\n";
  py << "model = torch.nn.Sequential(\n";
  for (const auto& layer : copy.layers()) {
    py << "    torch.nn.Linear(" << layer.W.cols() << ", " << layer.W.rows() << "), "
       << torch_activation(layer.activation) << ",\n";
  }
  py << ")\nlinear = [m for m in model if isinstance(m, torch.nn.Linear)]\nwith torch.no_grad():\n";
  for (std::size_t l = 0; l < copy.layers().size(); ++l) {
    const auto& layer = trainer.network().layers()[l];
    py << "    linear[" << l << "].weight.copy_(torch.tensor(" << matrix(layer.W, std::string(40, ' ')) << "))\n";
    py << "    linear[" << l << "].bias.copy_(torch.tensor(" << row(layer.b.transpose(), 0) << "))\n";
  }
  py << "\nloss = " << torch_loss(config.loss) << "\n";
  const nn::Regularization regularization = state.model.regularization;
  const double rate = state.model.regularization_rate;
  if (regularization == nn::Regularization::kL2 && rate > 0) {
    py << "loss_for_gradients = loss + " << format_number(rate)
       << " / 2 * sum((m.weight ** 2).sum() for m in linear)  # L2 on weights, not biases\n";
  } else if (regularization == nn::Regularization::kL1 && rate > 0) {
    py << "loss_for_gradients = loss + " << format_number(rate)
       << " * sum(m.weight.abs().sum() for m in linear)  # L1 on weights, not biases\n";
  } else {
    py << "loss_for_gradients = loss\n";
  }
  py << "print('loss', loss.item())  # the playground: " << format_number(loss) << "\n";
  py << "loss_for_gradients.backward()\n";
  for (std::size_t l = 0; l < copy.layers().size(); ++l) {
    const auto& layer = copy.layers()[l];
    py << "print('dL/dW" << l + 1 << "', linear[" << l << "].weight.grad.tolist())  # the playground: "
       << matrix(layer.grad_W, "#") << "\n";
    py << "print('dL/db" << l + 1 << "', linear[" << l << "].bias.grad.tolist())  # the playground: "
       << row(layer.grad_b.transpose(), 0) << "\n";
  }
  const std::string lr = format_number(state.learning_rate);
  if (state.model.optimizer == nn::OptimizerKind::kAdam) {
    py << "optimizer = torch.optim.Adam(model.parameters(), lr=" << lr << ")\n";
  } else if (state.model.optimizer == nn::OptimizerKind::kMomentum) {
    py << "optimizer = torch.optim.SGD(model.parameters(), lr=" << lr << ", momentum=0.9)\n";
  } else {
    py << "optimizer = torch.optim.SGD(model.parameters(), lr=" << lr << ")\n";
  }
  nn::Optimizer step({state.model.optimizer, state.learning_rate}, copy);
  step.step(copy);
  const double after = copy.loss_of(x, y);
  py << "optimizer.step()\n";
  py << "loss = " << torch_loss(config.loss) << "\n";
  py << "print('loss after the step', loss.item())  # the playground: "
     << format_number(after) << "\n";
  return py.text;
}

}  // namespace bp::app
