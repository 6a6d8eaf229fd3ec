// Optimizers and training: update rules against hand-derived steps, and learning on toy data.
#include <doctest/doctest.h>

#include <cmath>

#include "nn/dataset.hpp"
#include "nn/network.hpp"
#include "nn/optimizer.hpp"
#include "nn/training.hpp"

using namespace bp::nn;

namespace {
// A single linear neuron y = w·x + b with w = 1, b = 0, one example x = 2, target 0: loss (2w + b)²,
// dL/dw = 2·(2w + b)·2 = 8 and dL/db = 2·(2w + b) = 4 at the start (by hand).
Network one_neuron() {
  NetworkConfig config;
  config.layers = {1, 1};
  Network net(config);
  net.layers()[0].W << 1;
  net.layers()[0].b << 0;
  return net;
}
const Eigen::MatrixXd kX = Eigen::MatrixXd::Constant(1, 1, 2.0);
const Eigen::MatrixXd kY = Eigen::MatrixXd::Zero(1, 1);
}  // namespace

TEST_CASE("sgd, momentum and adam take the steps torch.optim takes") {
  {
    Network net = one_neuron();
    Optimizer sgd({OptimizerKind::kSgd, 0.1}, net);
    net.forward(kX);
    net.backward(kY);
    sgd.step(net);
    CHECK(net.layers()[0].W(0, 0) == doctest::Approx(1 - 0.1 * 8));  // w -= lr·g
  }
  {
    Network net = one_neuron();
    Optimizer momentum({OptimizerKind::kMomentum, 0.01, 0.9}, net);
    for (int i = 0; i < 2; ++i) {
      net.forward(kX);
      net.backward(kY);
      momentum.step(net);
    }
    // step 1: v = 8, w = 1 - 0.08 = 0.92, b: v = 4, b = -0.04. step 2: g_w = 4(2·0.92 - 0.04) = 7.2,
    // v = 0.9·8 + 7.2 = 14.4, w = 0.92 - 0.144 = 0.776 (by hand).
    CHECK(net.layers()[0].W(0, 0) == doctest::Approx(0.776));
  }
  {
    Network net = one_neuron();
    Optimizer adam({OptimizerKind::kAdam, 0.1}, net);
    net.forward(kX);
    net.backward(kY);
    adam.step(net);
    // Adam's first step moves every parameter by lr·g/|g| (bias-corrected m = g, v = g²): 1 - 0.1.
    CHECK(net.layers()[0].W(0, 0) == doctest::Approx(0.9).epsilon(1e-8));
    CHECK(net.layers()[0].b(0) == doctest::Approx(-0.1).epsilon(1e-8));
  }
}

TEST_CASE("train_epoch returns the mean of the batch losses taken before each step") {
  Network net = one_neuron();
  Optimizer sgd({OptimizerKind::kSgd, 0.01}, net);
  Eigen::MatrixXd x(1, 2), y = Eigen::MatrixXd::Zero(1, 2);
  x << 2, 2;
  // batch 1: loss (2·1 + 0)² = 4, then w = 1 - 0.01·8 = 0.92, b = -0.04;
  // batch 2: loss (2·0.92 - 0.04)² = 3.24. Mean 3.62 (by hand).
  CHECK(train_epoch(net, sgd, x, y, 1) == doctest::Approx(3.62));
}

TEST_CASE("TensorFlow Playground's default network learns the circle to 95% test accuracy in 200 epochs") {
  DatasetConfig data;  // circle, 500 points, noise 0, seed 1
  std::vector<Point> train, test;
  split(generate(data), 0.5, 1, train, test);
  NetworkConfig config;  // [2, 4, 2, 1] tanh, linear output would do; TF's default uses tanh output
  config.output_activation = Activation::kTanh;
  Network net(config);
  Optimizer sgd({OptimizerKind::kSgd, 0.03}, net);
  const std::vector<Feature> features{Feature::kX1, Feature::kX2};
  const Eigen::MatrixXd x = feature_matrix(train, features), y = label_matrix(train, Activation::kTanh);
  for (int epoch = 0; epoch < 200; ++epoch) train_epoch(net, sgd, x, y, 10);
  const double acc = accuracy(net.forward(feature_matrix(test, features)), test, Activation::kTanh);
  MESSAGE("circle test accuracy after 200 epochs: " << acc);
  CHECK(acc >= 0.95);
}

TEST_CASE("XOR needs a hidden layer: [2, 1] stays near chance, [2, 8, 1] learns it") {
  DatasetConfig data;
  data.kind = DatasetKind::kXor;
  std::vector<Point> train, test;
  split(generate(data), 0.5, 1, train, test);
  const std::vector<Feature> features{Feature::kX1, Feature::kX2};
  auto test_accuracy = [&](std::vector<int> layers) {
    NetworkConfig config;
    config.layers = std::move(layers);
    config.output_activation = Activation::kTanh;
    Network net(config);
    Optimizer sgd({OptimizerKind::kSgd, 0.03}, net);
    const Eigen::MatrixXd x = feature_matrix(train, features), y = label_matrix(train, Activation::kTanh);
    for (int epoch = 0; epoch < 300; ++epoch) train_epoch(net, sgd, x, y, 10);
    return accuracy(net.forward(feature_matrix(test, features)), test, Activation::kTanh);
  };
  const double linear = test_accuracy({2, 1}), hidden = test_accuracy({2, 8, 1});
  MESSAGE("xor test accuracy after 300 epochs: no hidden layer " << linear << ", [8] hidden " << hidden);
  CHECK(linear < 0.75);
  CHECK(hidden >= 0.9);
}

TEST_CASE("shuffled batches with the same seed train to the same weights") {
  DatasetConfig data;
  const auto points = generate(data);
  const Eigen::MatrixXd x = feature_matrix(points, {Feature::kX1, Feature::kX2});
  const Eigen::MatrixXd y = label_matrix(points, Activation::kLinear);
  auto run = [&](std::uint64_t seed) {
    Network net(NetworkConfig{});
    Optimizer sgd({}, net);
    Rng rng(seed);
    for (int e = 0; e < 3; ++e) train_epoch(net, sgd, x, y, 10, &rng);
    return net.layers()[0].W;
  };
  CHECK(run(5) == run(5));
  CHECK(run(5) != run(6));
}
