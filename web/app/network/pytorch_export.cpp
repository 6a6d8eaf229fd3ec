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
// torch's name of an activation as a function: torch.tanh(…).
const char* torch_function(nn::Activation a) {
  switch (a) {
    case nn::Activation::kTanh: return "torch.tanh";
    case nn::Activation::kRelu: return "torch.relu";
    case nn::Activation::kSigmoid: return "torch.sigmoid";
    default: return "";
  }
}

// The network as a torch.nn.Module when it has dropout or skips (nn.Sequential cannot add a layer's input to
// its output): nn.Dropout after each hidden layer's activation, each skip written out as h + f(W·h + b), and
// the masks of the playground's training pass, so the script's numbers can match its own.
std::string residual_module(const nn::Network& net) {
  const auto& layers = net.layers();
  const std::size_t hidden = layers.size() - 1;
  Script py;
  py << "class Net(torch.nn.Module):\n"
     << "    def __init__(self):\n        super().__init__()\n        self.linear = torch.nn.ModuleList([";
  for (std::size_t l = 0; l < layers.size(); ++l) {
    py << (l ? ", " : "") << "torch.nn.Linear(" << layers[l].W.cols() << ", " << layers[l].W.rows() << ")";
  }
  py << "])\n        self.dropout = torch.nn.ModuleList([";
  for (std::size_t l = 0; l < hidden; ++l) {
    py << (l ? ", " : "") << "torch.nn.Dropout(" << literal(layers[l].dropout) << ")";
  }
  py << "])\n\n    def forward(self, x, masks=None):\n        h = x\n";
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const std::string linear = "self.linear[" + std::to_string(l) + "](h)";
    const std::string f = layers[l].activation == nn::Activation::kSoftmax
                              ? "torch.softmax(" + linear + ", dim=1)"
                              : std::string(torch_function(layers[l].activation)) + "(" + linear + ")";
    if (l == hidden) {
      py << "        return " << f << "\n";
    } else if (layers[l].skip) {
      py << "        h = h + self.drop(" << l << ", " << f << ", masks)  # skip connection: h + f(W·h + b)\n";
    } else {
      py << "        h = self.drop(" << l << ", " << f << ", masks)\n";
    }
  }
  py << "\n    # masks[l], when given, replaces nn.Dropout's random mask (0: dropped, 1/(1 - p): kept and scaled)\n"
     << "    def drop(self, l, f, masks):\n"
     << "        if self.training and masks is not None and masks[l] is not None:\n"
     << "            return f * masks[l]\n        return self.dropout[l](f)\n\n"
     << "model = Net()\nlinear = list(model.linear)\n"
     << "# The dropout masks of the playground's step, one row per example (torch's own would be random):\nmasks = [";
  for (std::size_t l = 0; l < hidden; ++l) {
    py << (l ? ",\n         " : "");
    if (layers[l].dropout > 0 && layers[l].mask.size()) {
      py << "torch.tensor(" << matrix(Eigen::MatrixXd(layers[l].mask.transpose()), "                      ") << ")";
    } else {
      py << "None";
    }
  }
  py << "]\n";
  return py.text;
}

// The loss of `model` (the script's model(X) or model(X, masks)) against Y in PyTorch, as nn::loss_value
// computes it.
std::string torch_loss(nn::Loss loss, const std::string& model) {
  switch (loss) {
    case nn::Loss::kBce:
      return "torch.nn.functional.binary_cross_entropy(" + model + ", Y)  # bce of the sigmoid output";
    case nn::Loss::kCrossEntropy:
      return "-(Y * torch.log(" + model + ")).sum(dim=1).mean()  # cross-entropy: mean −log p_y";
    default: return "((" + model + " - Y) ** 2).mean()  # mse: mean over examples and outputs";
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
  copy.forward_train(x);  // as training does it: with dropout, masks the script is given (residual_module)
  const double loss = copy.loss(y);
  copy.backward(y);
  const bool is_module = copy.has_dropout() || copy.has_skips();
  const std::string model_of_x = is_module ? "model(X, masks)" : "model(X)";

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
  if (is_module) {
    py << residual_module(copy);
  } else {
    py << "model = torch.nn.Sequential(\n";
    for (const auto& layer : copy.layers()) {
      py << "    torch.nn.Linear(" << layer.W.cols() << ", " << layer.W.rows() << "), "
         << torch_activation(layer.activation) << ",\n";
    }
    py << ")\nlinear = [m for m in model if isinstance(m, torch.nn.Linear)]\n";
  }
  py << "with torch.no_grad():\n";
  for (std::size_t l = 0; l < copy.layers().size(); ++l) {
    const auto& layer = trainer.network().layers()[l];
    py << "    linear[" << l << "].weight.copy_(torch.tensor(" << matrix(layer.W, std::string(40, ' ')) << "))\n";
    py << "    linear[" << l << "].bias.copy_(torch.tensor(" << row(layer.b.transpose(), 0) << "))\n";
  }
  py << "\nloss = " << torch_loss(config.loss, model_of_x) << "\n";
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
  copy.forward_train(x, nn::Masks::kKeep);
  const double after = copy.loss(y);
  py << "optimizer.step()\n";
  py << "loss = " << torch_loss(config.loss, model_of_x) << "\n";
  py << "print('loss after the step', loss.item())  # the playground: "
     << format_number(after) << "\n";
  return py.text;
}

}  // namespace bp::app
