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

// Leaves the network's parameters as they were (each is nudged and restored). The loss is the training
// pass's: with dropout, the masks are drawn once (or, with Masks::kKeep, the last ones kept) and held fixed
// for every nudge, so the loss is a smooth function of the parameters.
NetworkGradcheck check_network_gradients(Network& network, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y,
                                         double h = 1e-6, Masks masks = Masks::kDraw);

}  // namespace bp::nn
