// Dense network: initialisation, batched forward and backward passes.
#include "nn/network.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "nn/dense_kernels.hpp"
#include "nn/rng.hpp"

namespace bp::nn {

std::string_view regularization_name(Regularization r) {
  switch (r) {
    case Regularization::kNone: return "none";
    case Regularization::kL1: return "l1";
    case Regularization::kL2: return "l2";
  }
  return "?";
}

std::optional<Regularization> regularization_named(std::string_view name) {
  for (Regularization r : kRegularizations) {
    if (regularization_name(r) == name) return r;
  }
  return std::nullopt;
}

std::optional<std::string> validate(const NetworkConfig& c) {
  const auto count = static_cast<int>(c.layers.size());
  if (count < 2) return "layers must list at least an input size and an output size, such as [2, 4, 1]";
  if (count > kMaxLayers) {
    return "layers has " + std::to_string(count) + " entries; at most " + std::to_string(kMaxLayers) +
           " (32 hidden layers) are supported";
  }
  long parameters = 0;
  for (int i = 0; i < count; ++i) {
    const int size = c.layers[static_cast<std::size_t>(i)];
    if (size < 1 || size > kMaxLayerSize) {
      return "layers[" + std::to_string(i) + "] must be a whole number from 1 to " + std::to_string(kMaxLayerSize) +
             " (got " + std::to_string(size) + ")";
    }
    if (i > 0) parameters += static_cast<long>(size) * (c.layers[static_cast<std::size_t>(i - 1)] + 1);
  }
  if (parameters > kMaxParameters) {
    return "the network would have " + std::to_string(parameters) + " parameters; at most " +
           std::to_string(kMaxParameters) + " are supported";
  }
  if (c.activation == Activation::kSoftmax) return "activation must be tanh, relu, sigmoid or linear (got softmax)";
  if (c.loss == Loss::kBce && c.output_activation != Activation::kSigmoid) {
    return "loss 'bce' needs outputActivation 'sigmoid' (got '" + std::string(activation_name(c.output_activation)) +
           "')";
  }
  if ((c.loss == Loss::kCrossEntropy) != (c.output_activation == Activation::kSoftmax)) {
    return "loss 'crossentropy' and outputActivation 'softmax' go together";
  }
  if (c.output_activation == Activation::kRelu)
    return "outputActivation must be linear, tanh, sigmoid or softmax (got relu)";
  if (!(c.regularization_rate >= 0) || !std::isfinite(c.regularization_rate)) {
    return "regularizationRate must be a finite number >= 0";
  }
  const std::size_t hidden = c.layers.size() - 2;
  if (c.dropout.size() > 1 && c.dropout.size() != hidden) {
    return "dropout must be one rate, or one per hidden layer (" + std::to_string(hidden) + "), got " +
           std::to_string(c.dropout.size());
  }
  for (std::size_t i = 0; i < c.dropout.size(); ++i) {
    if (!(c.dropout[i] >= 0 && c.dropout[i] <= 0.9)) {  // NaN fails too
      std::ostringstream got;
      got << c.dropout[i];
      return "dropout" + (c.dropout.size() > 1 ? "[" + std::to_string(i) + "]" : std::string()) +
             " must be a rate from 0 to 0.9 (got " + got.str() + ")";
    }
  }
  return std::nullopt;
}

double dropout_rate(const NetworkConfig& config, std::size_t hidden) {
  if (config.dropout.empty()) return 0;
  if (config.dropout.size() == 1) return config.dropout[0];
  return hidden < config.dropout.size() ? config.dropout[hidden] : 0.0;
}

Network::Network(const NetworkConfig& config) : config_(config) {
  Rng rng(config.seed);
  const std::size_t count = config.layers.size() - 1;
  layers_.resize(count);
  for (std::size_t l = 0; l < count; ++l) {
    Dense& layer = layers_[l];
    const int in = config.layers[l], out = config.layers[l + 1];
    layer.activation = l + 1 == count ? config.output_activation : config.activation;
    // Glorot uniform keeps tanh/sigmoid layers' variance steady; He uniform does so for relu.
    const double limit = layer.activation == Activation::kRelu ? std::sqrt(6.0 / in) : std::sqrt(6.0 / (in + out));
    layer.W.resize(out, in);
    for (int i = 0; i < out; ++i) {
      for (int j = 0; j < in; ++j) layer.W(i, j) = rng.uniform(-limit, limit);
    }
    layer.b = Eigen::VectorXd::Zero(out);
    layer.grad_W = Eigen::MatrixXd::Zero(out, in);
    layer.grad_b = Eigen::VectorXd::Zero(out);
    if (l + 1 < count) {  // a hidden layer
      layer.dropout = dropout_rate(config, l);
      layer.skip = config.skip && l > 0 && in == out;  // hidden to hidden: never the inputs or the output
    }
  }
  rng_ = rng;
}

void Network::set_dropout(const std::vector<double>& dropout) {
  config_.dropout = dropout;
  for (std::size_t l = 0; l + 1 < layers_.size(); ++l) layers_[l].dropout = dropout_rate(config_, l);
}

bool Network::has_skips() const {
  return std::any_of(layers_.begin(), layers_.end(), [](const Dense& layer) { return layer.skip; });
}

bool Network::has_dropout() const {
  return std::any_of(layers_.begin(), layers_.end(), [](const Dense& layer) { return layer.dropout > 0; });
}

long Network::parameter_count() const {
  long n = 0;
  for (const Dense& layer : layers_) n += static_cast<long>(layer.W.size() + layer.b.size());
  return n;
}

const Batch& Network::forward(const Eigen::Ref<const Eigen::MatrixXd>& x) {
  return forward_pass(x, nullptr, std::nullopt);
}

const Batch& Network::forward_train(const Eigen::Ref<const Eigen::MatrixXd>& x, Masks masks) {
  return forward_pass(x, nullptr, masks);
}

const Batch& Network::forward_pass(const Eigen::Ref<const Eigen::MatrixXd>& x, const std::vector<char>* sparse_inputs,
                                   std::optional<Masks> training) {
  const bool keep_z = !sparse_inputs;
  last_pass_trained_ = training.has_value();
  x_ = x;  // example-major in, unit-major here: the one transpose of the pass
  const int n = static_cast<int>(x.cols());
  const Batch* input = &x_;
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    Dense& layer = layers_[l];
    const int out = static_cast<int>(layer.W.rows()), in = static_cast<int>(layer.W.cols());
    layer.z.resize(out, n);
    layer.a.resize(out, n);
    int* skip_zero_steps = nullptr;
    if (sparse_inputs && (*sparse_inputs)[l]) {
      if (steps_.size() < static_cast<std::size_t>(in)) steps_.resize(static_cast<std::size_t>(in));
      skip_zero_steps = steps_.data();
    }
    // Dropout or a skip: act(z) goes to f, and a is made from it. Otherwise act(z) is a (the fast path).
    const bool is_plain = !layer.skip && !(training && layer.dropout > 0);
    Batch& act = is_plain ? layer.a : layer.f;
    if (is_plain) {
      if (layer.f.size()) layer.f.resize(0, 0);  // backward() reads act(z) from f only when f is there
    } else {
      layer.f.resize(out, n);
    }
    if (layer.activation == Activation::kRelu) {  // relu while the kernel has z in registers
      dense_forward(layer.W.data(), layer.b.data(), input->data(), keep_z ? layer.z.data() : nullptr, out, in, n,
                    act.data(), skip_zero_steps);
    } else {
      dense_forward(layer.W.data(), layer.b.data(), input->data(), layer.z.data(), out, in, n, nullptr,
                    skip_zero_steps);
      activate(layer.activation, layer.z, act);
    }
    if (!is_plain) finish_layer(layer, *input, training);
    input = &layer.a;
  }
  return layers_.back().a;
}

void Network::finish_layer(Dense& layer, const Batch& input, std::optional<Masks> training) {
  const Eigen::Index size = layer.f.size();
  const double* f = layer.f.data();
  double* a = layer.a.data();
  if (training && layer.dropout > 0) {
    // Inverted dropout, as torch.nn.Dropout: keep a unit with probability 1 − p and scale it by 1/(1 − p),
    // so evaluation (no mask) sees the same expected values.
    const bool is_stale = layer.mask.rows() != layer.f.rows() || layer.mask.cols() != layer.f.cols();
    if (*training == Masks::kDraw || is_stale) {
      layer.mask.resize(layer.f.rows(), layer.f.cols());
      const double keep = 1.0 / (1.0 - layer.dropout);
      double* m = layer.mask.data();
      for (Eigen::Index k = 0; k < size; ++k) m[k] = rng_.uniform() < layer.dropout ? 0.0 : keep;
    }
    const double* m = layer.mask.data();
    for (Eigen::Index k = 0; k < size; ++k) a[k] = m[k] * f[k] + 0.0;  // + 0.0: a dropped unit is 0, never −0
  } else {
    std::copy(f, f + size, a);
  }
  if (layer.skip) {  // the residual block: the layer's input passes on beside what the layer computed
    const double* h = input.data();
    for (Eigen::Index k = 0; k < size; ++k) a[k] += h[k];
  }
}

Eigen::MatrixXd Network::predict(const Eigen::Ref<const Eigen::MatrixXd>& x) {
  // A 64-unit layer's values for a block: 32 KB, as much as its weights. Blocks of 256 were 7 % slower
  // on the W3 net's grid in Node, 32 and 16 no faster.
  constexpr Eigen::Index kBlock = 64;
  // The layers after a relu layer skip its zeros (a relu unit is off for about half a grid, mostly in
  // runs of neighbouring pixels), when their weights are finite: 0·w is then 0.
  std::vector<char> sparse_inputs(layers_.size(), 0);
  for (std::size_t l = 1; l < layers_.size(); ++l) {
    // (Not after a skip: input + relu(z) has no more zeros than the input.)
    const Dense& previous = layers_[l - 1];
    sparse_inputs[l] = previous.activation == Activation::kRelu && !previous.skip && layers_[l].W.allFinite();
  }
  Eigen::MatrixXd out(output_size(), x.cols());
  for (Eigen::Index start = 0; start < x.cols(); start += kBlock) {
    const Eigen::Index count = std::min(kBlock, x.cols() - start);
    // Without z where it can: a relu layer's values written once instead of twice (9 % of the W3 net's grid).
    out.middleCols(start, count) = forward_pass(x.middleCols(start, count), &sparse_inputs, std::nullopt);
  }
  return out;
}

double Network::loss(const Eigen::Ref<const Eigen::MatrixXd>& y) const {
  const Dense& out = layers_.back();
  return loss_value(config_.loss, out.z, out.a, y);
}

void Network::backward(const Eigen::Ref<const Eigen::MatrixXd>& y) {
  Dense& last = layers_.back();
  last.delta.resize(last.z.rows(), last.z.cols());
  output_delta(config_.loss, last.activation, last.z, last.a, y, last.delta);
  const int n = static_cast<int>(last.z.cols());
  for (std::size_t l = layers_.size(); l-- > 0;) {
    Dense& layer = layers_[l];
    const int out = static_cast<int>(layer.W.rows()), in = static_cast<int>(layer.W.cols());
    const Batch& input = l == 0 ? x_ : layers_[l - 1].a;
    // dL/dW = δ·aᵀ, dL/db = Σ δ over the batch
    dense_gradients(layer.delta.data(), input.data(), layer.grad_W.data(), layer.grad_b.data(), out, in, n);
    if (config_.regularization == Regularization::kL2) layer.grad_W += config_.regularization_rate * layer.W;
    if (config_.regularization == Regularization::kL1) {
      layer.grad_W +=
          config_.regularization_rate * layer.W.unaryExpr([](double w) { return double((w > 0) - (w < 0)); });
    }
    if (l > 0) {
      Dense& previous = layers_[l - 1];
      previous.delta.resize(previous.z.rows(), previous.z.cols());
      // dL/da below: Wᵀ·δ; for a plain tanh layer (no skip in or out, no dropout mask) dL/dz at once.
      const bool is_plain_tanh = previous.activation == Activation::kTanh && !layer.skip && !previous.f.size();
      dense_backprop(layer.W.data(), layer.delta.data(), previous.delta.data(), out, in, n,
                     is_plain_tanh ? previous.a.data() : nullptr);
      if (is_plain_tanh) continue;
      // With a skip, a = input + g: dL/d(input) gains dL/da, unchanged (saved when this layer was `previous`).
      if (layer.skip) previous.delta += layer.grad_a;
      if (previous.f.size()) {  // a = mask ⊙ f (+ input): dL/df = dL/da ⊙ mask
        if (previous.skip) previous.grad_a = previous.delta;
        if (last_pass_trained_ && previous.dropout > 0) previous.delta.array() *= previous.mask.array();
      }
      multiply_by_derivative(previous.activation, previous.z, previous.f.size() ? previous.f : previous.a,
                             previous.delta);
    }
  }
}

void Network::sgd_step(double learning_rate) {
  for (Dense& layer : layers_) {
    layer.W -= learning_rate * layer.grad_W;
    layer.b -= learning_rate * layer.grad_b;
  }
}

}  // namespace bp::nn
