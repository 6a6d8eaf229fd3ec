// Benchmark W1 "playground default", natively: TensorFlow Playground's circle (500 points, noise 0),
// inputs x1 x2, hidden [4, 2] tanh, tanh output, mse, SGD 0.03, batch 10, in order, all 500 points
// (as the suite's W1 asks). Prints epochs per second: median and min-max of 7 timed runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "nn/dataset.hpp"
#include "nn/network.hpp"
#include "nn/optimizer.hpp"
#include "nn/training.hpp"

int main() {
  using namespace bp::nn;
  const auto points = generate({DatasetKind::kCircle, 500, 0, 1});
  const Eigen::MatrixXd x = feature_matrix(points, {Feature::kX1, Feature::kX2});
  const Eigen::MatrixXd y = label_matrix(points, Activation::kTanh);
  NetworkConfig config;
  config.output_activation = Activation::kTanh;
  std::vector<double> rates;
  for (int run = 0; run < 9; ++run) {
    Network net(config);
    Optimizer sgd({OptimizerKind::kSgd, 0.03}, net);
    const int epochs = 400;
    const auto start = std::chrono::steady_clock::now();
    for (int e = 0; e < epochs; ++e) train_epoch(net, sgd, x, y, 10);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (run >= 2) rates.push_back(epochs / took.count());
  }
  std::sort(rates.begin(), rates.end());
  std::printf("native  W1 circle 500, [2,4,2,1] tanh, batch 10: median %.0f epochs/s (min %.0f, max %.0f)\n",
              rates[rates.size() / 2], rates.front(), rates.back());
}
