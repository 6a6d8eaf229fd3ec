// A fully connected network on Eigen: dense layers act(W·x + b) with W stored out×in (PyTorch's
// nn.Linear convention), whole batches at once (one column per example; inside, unit-major: see
// Batch), and forward / backward / update as separate calls so the page can show each stage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "nn/activation.hpp"
#include "nn/loss.hpp"

namespace bp::nn {

enum class Regularization { kNone, kL1, kL2 };
inline constexpr Regularization kRegularizations[] = {Regularization::kNone, Regularization::kL1, Regularization::kL2};

std::string_view regularization_name(Regularization r);  // "none", "l1", "l2"
std::optional<Regularization> regularization_named(std::string_view name);

// Defaults mirror TensorFlow Playground's start page: 2 inputs, hidden [4, 2] tanh, one output.
struct NetworkConfig {
  std::vector<int> layers{2, 4, 2, 1};           // sizes: inputs, hidden..., outputs
  Activation activation = Activation::kTanh;      // hidden layers: tanh, relu, sigmoid, linear
  Activation output_activation = Activation::kLinear;  // linear, tanh, sigmoid, softmax
  Loss loss = Loss::kMse;
  std::uint64_t seed = 1;                         // weights: Glorot uniform (He uniform for relu); biases 0
  Regularization regularization = Regularization::kNone;
  double regularization_rate = 0;                 // L2 adds rate·W to dL/dW, L1 adds rate·sign(W)
};

inline constexpr int kMaxLayers = 34;             // input + 32 hidden + output
inline constexpr int kMaxLayerSize = 4096;
inline constexpr long kMaxParameters = 4'000'000;

// Why a configuration cannot be built, naming the field; nullopt when it can.
std::optional<std::string> validate(const NetworkConfig& config);

struct Dense {
  Eigen::MatrixXd W;       // out × in
  Eigen::VectorXd b;       // out
  Eigen::MatrixXd grad_W;  // dL/dW after backward()
  Eigen::VectorXd grad_b;  // dL/db after backward()
  Activation activation = Activation::kTanh;
  Batch z, a;              // forward(): W·x + b and act(z), out × n
  Batch delta;             // backward(): dL/dz, out × n
};

class Network {
 public:
  explicit Network(const NetworkConfig& config);  // config must pass validate()

  // x: inputs × n. Returns the outputs (outputs × n), kept until the next forward().
  const Batch& forward(const Eigen::Ref<const Eigen::MatrixXd>& x);
  // The outputs for many inputs (outputs × n, example-major like x), computed block by block so the
  // layers' values stay in cache: for surfaces and grids. Leaves forward()'s values undefined.
  Eigen::MatrixXd predict(const Eigen::Ref<const Eigen::MatrixXd>& x);
  // After forward(): the data loss against targets y (outputs × n), without regularisation.
  double loss(const Eigen::Ref<const Eigen::MatrixXd>& y) const;
  // forward(x) then loss(y): the data loss of a whole set.
  double loss_of(const Eigen::Ref<const Eigen::MatrixXd>& x, const Eigen::Ref<const Eigen::MatrixXd>& y) {
    forward(x);
    return loss(y);
  }
  // After forward(): dL/dW and dL/db of every layer (regularisation included), dL/dz in delta.
  void backward(const Eigen::Ref<const Eigen::MatrixXd>& y);
  // W -= learning_rate · dL/dW, b -= learning_rate · dL/db.
  void sgd_step(double learning_rate);

  std::vector<Dense>& layers() { return layers_; }
  const std::vector<Dense>& layers() const { return layers_; }
  const NetworkConfig& config() const { return config_; }
  int input_size() const { return config_.layers.front(); }
  int output_size() const { return config_.layers.back(); }
  long parameter_count() const;

 private:
  // forward(); or, given sparse_inputs (one flag per layer), predict()'s pass: without storing z where
  // the activation does not need it (relu), skipping the zeros of the flagged layers' inputs.
  const Batch& forward_pass(const Eigen::Ref<const Eigen::MatrixXd>& x, const std::vector<char>* sparse_inputs);

  NetworkConfig config_;
  std::vector<Dense> layers_;
  Batch x_;  // the last forward() input, unit-major, needed by backward()
  std::vector<double> scratch_;  // backward()'s transposes
  std::vector<int> steps_;       // predict()'s lists of nonzero input rows
};

}  // namespace bp::nn
