// The network part of the JavaScript API: an embind class over nn::Network. Matrices cross as
// flat Float64Arrays (one example's values contiguous); engine_api.mjs checks shapes and types and
// turns these into the documented nested arrays.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "nn/network.hpp"
#include "nn/optimizer.hpp"
#include "nn/training.hpp"

using emscripten::val;
using namespace bp::nn;

namespace {

val to_float64_array(const double* data, std::size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

// W row-major (out×in as read by people), b, for every layer.
val layer_values(const Eigen::MatrixXd& W, const Eigen::VectorXd& b) {
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows = W;
  val layer = val::object();
  layer.set("W", to_float64_array(rows.data(), static_cast<std::size_t>(rows.size())));
  layer.set("b", to_float64_array(b.data(), static_cast<std::size_t>(b.size())));
  layer.set("rows", static_cast<int>(W.rows()));
  layer.set("cols", static_cast<int>(W.cols()));
  return layer;
}

class NetworkHandle {
 public:
  explicit NetworkHandle(const NetworkConfig& config) : network_(config) {}

  val parameters() const {
    val out = val::array();
    for (const Dense& layer : network_.layers()) out.call<void>("push", layer_values(layer.W, layer.b));
    return out;
  }

  val gradients() const {
    val out = val::array();
    for (const Dense& layer : network_.layers()) out.call<void>("push", layer_values(layer.grad_W, layer.grad_b));
    return out;
  }

  // W: row-major out×in, b: out. The wrapper has checked the shapes.
  void set_layer(int index, const val& W, const val& b) {
    Dense& layer = network_.layers()[static_cast<std::size_t>(index)];
    const std::vector<double> w = emscripten::convertJSArrayToNumberVector<double>(W);
    const std::vector<double> bias = emscripten::convertJSArrayToNumberVector<double>(b);
    for (Eigen::Index i = 0; i < layer.W.rows(); ++i) {
      for (Eigen::Index j = 0; j < layer.W.cols(); ++j)
        layer.W(i, j) = w[static_cast<std::size_t>(i * layer.W.cols() + j)];
    }
    for (Eigen::Index i = 0; i < layer.b.size(); ++i) layer.b(i) = bias[static_cast<std::size_t>(i)];
  }

  val forward(const val& x, int n) {
    const Eigen::MatrixXd out = network_.predict(matrix(x, network_.input_size(), n));
    return to_float64_array(out.data(), static_cast<std::size_t>(out.size()));
  }

  // Which layers add their input to their output (skip connections), one flag per layer.
  val skips() const {
    val out = val::array();
    for (std::size_t l = 0; l < network_.layers().size(); ++l) out.call<void>("push", network_.has_skip(l));
    return out;
  }

  // The training pass (with dropout, new masks), loss and gradients.
  double loss_and_gradients(const val& x, const val& y, int n) {
    network_.forward_train(matrix(x, network_.input_size(), n));
    const Eigen::MatrixXd targets = matrix(y, network_.output_size(), n);
    const double loss = network_.loss(targets);
    network_.backward(targets);
    return loss;
  }

  // One SGD step on this batch: the training pass, backward, update.
  double step(const val& x, const val& y, int n, double learning_rate) {
    const double loss = loss_and_gradients(x, y, n);
    network_.sgd_step(learning_rate);
    return loss;
  }

  // In-order mini-batches with plain SGD (dropout in each batch's pass); the mean of the last epoch's batch losses.
  double train(const val& x, const val& y, int n, double learning_rate, int batch_size, int epochs) {
    const Eigen::MatrixXd inputs = matrix(x, network_.input_size(), n);
    const Eigen::MatrixXd targets = matrix(y, network_.output_size(), n);
    Optimizer sgd({OptimizerKind::kSgd, learning_rate}, network_);
    double loss = 0;
    for (int e = 0; e < epochs; ++e) {
      loss = train_epoch(network_, sgd, inputs, targets, batch_size, nullptr, e + 1 == epochs);  // the last's loss
    }
    return loss;
  }

 private:
  static Eigen::MatrixXd matrix(const val& flat, int rows, int cols) {
    const std::vector<double> v = emscripten::convertJSArrayToNumberVector<double>(flat);
    return Eigen::Map<const Eigen::MatrixXd>(v.data(), rows, cols);
  }
  Network network_;
};

// The configuration as the wrapper passes it (names already checked by network_api.mjs).
NetworkConfig config_from(const val& layers, const std::string& activation, const std::string& output_activation,
                          const std::string& loss, double seed, const val& dropout, bool skip) {
  NetworkConfig config;
  config.layers = emscripten::vecFromJSArray<int>(layers);
  config.activation = *activation_named(activation);
  config.output_activation = *activation_named(output_activation);
  config.loss = *loss_named(loss);
  config.seed = static_cast<std::uint64_t>(seed);
  config.dropout = emscripten::convertJSArrayToNumberVector<double>(dropout);
  config.skip = skip;
  return config;
}

// "" when the engine accepts the configuration, else the engine's message.
std::string check_network(const val& layers, const std::string& activation, const std::string& output_activation,
                          const std::string& loss, double seed, const val& dropout, bool skip) {
  return validate(config_from(layers, activation, output_activation, loss, seed, dropout, skip)).value_or("");
}

NetworkHandle* make_network(const val& layers, const std::string& activation, const std::string& output_activation,
                            const std::string& loss, double seed, const val& dropout, bool skip) {
  return new NetworkHandle(config_from(layers, activation, output_activation, loss, seed, dropout, skip));
}

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_network) {
  emscripten::class_<NetworkHandle>("NetworkHandle")
      .function("parameters", &NetworkHandle::parameters)
      .function("gradients", &NetworkHandle::gradients)
      .function("setLayer", &NetworkHandle::set_layer)
      .function("forward", &NetworkHandle::forward)
      .function("skips", &NetworkHandle::skips)
      .function("lossAndGradients", &NetworkHandle::loss_and_gradients)
      .function("step", &NetworkHandle::step)
      .function("train", &NetworkHandle::train);
  emscripten::function("checkNetwork", &check_network);
  emscripten::function("makeNetwork", &make_network, emscripten::allow_raw_pointers());
}
