// Mini-batch training: forward, loss, backward and update for each batch of an epoch.
#pragma once

#include <Eigen/Core>

#include "nn/network.hpp"
#include "nn/optimizer.hpp"
#include "nn/rng.hpp"

namespace bp::nn {

// One epoch over x (inputs × n) and y (outputs × n) in batches of batch_size (the last may be
// smaller), in order, or shuffled by `shuffle` when given. Returns the mean of the batch losses,
// each taken before its update, in the training pass (with dropout, if any); 0 without is_loss_wanted (a
// caller training many epochs wants only the last one's: the losses were a tenth of a softmax net's epoch).
double train_epoch(Network& network, Optimizer& optimizer, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y,
                   int batch_size, Rng* shuffle = nullptr, bool is_loss_wanted = true);

}  // namespace bp::nn
