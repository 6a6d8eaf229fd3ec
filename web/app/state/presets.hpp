// The seeds' networks as ready-made network-mode states (ImPlot's demo style: one function each).
#pragma once

#include "state/app_state.hpp"

namespace bp::app {

// The NumPy tutorial's network (seed article 001): one sigmoid hidden layer, a linear output, mean
// squared error, plain gradient descent, on the plane regression set.
NetworkState numpy_tutorial_preset();

// A two-layer network small enough to check by hand: 2 inputs, 2 tanh neurons, a linear output,
// with the weights of tests/reference/tiny_network.py, whose every intermediate number is printed
// there. Step one example through it and compare.
NetworkState two_layer_example_preset();

}  // namespace bp::app
