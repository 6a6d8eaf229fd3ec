// Checks a network's backprop gradients against central finite differences of its loss, parameter
// by parameter. For tests and for the page's "check gradients" button.
#pragma once

#include <Eigen/Core>

#include "nn/network.hpp"

namespace bp::nn {

struct NetworkGradcheck {
  double max_abs_error = 0;   // largest |backprop - central difference|
  double max_rel_error = 0;   // largest of that over max(1, |gradient|)
  long parameters = 0;        // how many were compared
};

// Leaves the network's parameters as they were (each is nudged and restored).
NetworkGradcheck check_network_gradients(Network& network, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y,
                                         double h = 1e-6);

}  // namespace bp::nn
