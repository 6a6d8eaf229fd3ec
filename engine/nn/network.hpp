// A fully connected network on Eigen: dense layers act(W·x + b) with W stored out×in (PyTorch's
// nn.Linear convention), whole batches at once (one column per example; inside, unit-major: see
// Batch), and forward / backward / update as separate calls so the page can show each stage.
// Hidden layers may have dropout (torch.nn.Dropout: inverted, masks from the network's seeded Rng, only
// in training passes) and skip connections (h_{l+1} = h_l + dropout(act(W·h_l + b)) where the sizes match,
// a residual block).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "nn/activation.hpp"
#include "nn/loss.hpp"
#include "nn/rng.hpp"

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
  // Dropout rate of each hidden layer's output, 0 to 0.9: empty (none), one rate for every hidden layer,
  // or one per hidden layer. Training passes only (forward_train); forward() and predict() use all units.
  std::vector<double> dropout;
  // Residual connections: each hidden-to-hidden layer whose input and output sizes match adds its input
  // to its output (Network::has_skip says which did).
  bool skip = false;
};

inline constexpr int kMaxLayers = 34;             // input + 32 hidden + output
inline constexpr int kMaxLayerSize = 4096;
inline constexpr long kMaxParameters = 4'000'000;

// Why a configuration cannot be built, naming the field; nullopt when it can.
std::optional<std::string> validate(const NetworkConfig& config);

// Dropout rate of hidden layer `hidden` (0-based) under config.dropout's three forms.
double dropout_rate(const NetworkConfig& config, std::size_t hidden);

struct Dense {
  Eigen::MatrixXd W;       // out × in
  Eigen::VectorXd b;       // out
  Eigen::MatrixXd grad_W;  // dL/dW after backward()
  Eigen::VectorXd grad_b;  // dL/db after backward()
  Activation activation = Activation::kTanh;
  Batch z, a;              // forward(): W·x + b and act(z), out × n
  Batch delta;             // backward(): dL/dz, out × n
  // Only where the layer has dropout or a skip (else empty, and a = act(z)):
  Batch f;                 // act(z), before the mask and the skip; a is then mask ⊙ f (+ the input)
  Batch mask;              // forward_train()'s dropout mask: 0 (dropped) or 1/(1 − rate), out × n
  Batch grad_a;            // backward(): dL/da, kept where a skip passes it down to the layer's input
  double dropout = 0;      // the rate of this layer's output (hidden layers only)
  bool skip = false;       // a = input + …: a hidden-to-hidden layer with as many inputs as outputs
};

// Whether forward_train() draws new dropout masks or reuses the last ones (a fixed mask: the gradient
// check, a step shown twice). Reused masks must have the batch's shape; otherwise new ones are drawn.
enum class Masks { kDraw, kKeep };

class Network {
 public:
  explicit Network(const NetworkConfig& config);  // config must pass validate()

  // x: inputs × n. Returns the outputs (outputs × n), kept until the next forward(). Evaluation: no dropout.
  const Batch& forward(const Eigen::Ref<const Eigen::MatrixXd>& x);
  // forward() as training sees it: each hidden layer's output times its dropout mask (drawn from the
  // network's Rng, or kept). The same as forward() when no layer has dropout. backward() pairs with either.
  const Batch& forward_train(const Eigen::Ref<const Eigen::MatrixXd>& x, Masks masks = Masks::kDraw);
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
  // New dropout rates (config.dropout's forms, valid as validate() checks) for the next training passes;
  // the weights stay.
  void set_dropout(const std::vector<double>& dropout);
  // Whether layer l (0-based, as layers()) adds its input to its output; whether any layer does.
  bool has_skip(std::size_t l) const { return layers_[l].skip; }
  bool has_skips() const;
  bool has_dropout() const;

 private:
  // forward(); or, given sparse_inputs (one flag per layer), predict()'s pass: without storing z where
  // the activation does not need it (relu), skipping the zeros of the flagged layers' inputs.
  // `training`, when given, applies dropout with those masks.
  const Batch& forward_pass(const Eigen::Ref<const Eigen::MatrixXd>& x, const std::vector<char>* sparse_inputs,
                            std::optional<Masks> training);
  // A layer with dropout or a skip, f = act(z) computed: a = f, times the mask when training, plus the input.
  void finish_layer(Dense& layer, const Batch& input, std::optional<Masks> training);

  NetworkConfig config_;
  std::vector<Dense> layers_;
  Batch x_;  // the last forward() input, unit-major, needed by backward()
  std::vector<int> steps_;       // predict()'s lists of nonzero input rows
  Rng rng_;                      // dropout masks: continues the weights' sequence, so the seed fixes both
  bool last_pass_trained_ = false;  // the last forward pass applied dropout masks: backward() must too
};

}  // namespace bp::nn
