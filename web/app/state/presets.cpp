// Presets.
#include "state/presets.hpp"

namespace bp::app {

NetworkState numpy_tutorial_preset() {
  NetworkState s;
  s.data.set = DataSet::kPlane;
  s.data.features = {nn::Feature::kX1, nn::Feature::kX2};
  s.model.hidden = {4};
  s.model.activation = nn::Activation::kSigmoid;
  s.model.output = nn::Activation::kLinear;
  s.learning_rate = 0.1;
  s.batch_size = 1;  // the tutorial updates after every example
  return s;
}

NetworkState two_layer_example_preset() {
  NetworkState s;
  s.data.set = DataSet::kXor;
  s.data.features = {nn::Feature::kX1, nn::Feature::kX2};
  s.model.hidden = {2};
  s.model.activation = nn::Activation::kTanh;
  s.model.output = nn::Activation::kLinear;
  s.learning_rate = 0.1;
  // Layer by layer, W row-major then b (tests/reference/tiny_network.py): W1 = [[0.1, -0.2], [0.4, 0.3]],
  // b1 = [0.05, -0.1], W2 = [[0.7, -0.5]], b2 = [0.2].
  s.weights = {0.1, -0.2, 0.4, 0.3, 0.05, -0.1, 0.7, -0.5, 0.2};
  return s;
}

}  // namespace bp::app
