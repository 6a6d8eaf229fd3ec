// Presets.
#include "state/presets.hpp"

namespace bp::app {

NetworkState numpy_tutorial_preset() {
  NetworkState s;
  s.dataset = "plane";
  s.features = {"x1", "x2"};
  s.hidden = {4};
  s.activation = "sigmoid";
  s.output = "linear";
  s.learning_rate = 0.1;
  s.batch_size = 1;  // the tutorial updates after every example
  return s;
}

NetworkState two_layer_example_preset() {
  NetworkState s;
  s.dataset = "xor";
  s.features = {"x1", "x2"};
  s.hidden = {2};
  s.activation = "tanh";
  s.output = "linear";
  s.learning_rate = 0.1;
  // Layer by layer, W row-major then b (tests/reference/tiny_network.py): W1 = [[0.1, -0.2], [0.4, 0.3]],
  // b1 = [0.05, -0.1], W2 = [[0.7, -0.5]], b2 = [0.2].
  s.weights = {0.1, -0.2, 0.4, 0.3, 0.05, -0.1, 0.7, -0.5, 0.2};
  return s;
}

}  // namespace bp::app
