// The logistic sigmoid, shared by the expression tape and the network's activations.
#pragma once

#include <cmath>

namespace bp {

// 1 / (1 + e^-x) without overflow: that form for x >= 0, e^x / (1 + e^x) below (e^-x would overflow).
inline double sigmoid(double x) {
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const double z = std::exp(x);
  return z / (1 + z);
}

}  // namespace bp
