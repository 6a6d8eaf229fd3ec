// Epoch loop. In-order batches are column blocks of x and y (no copy); shuffled ones are gathered.
#include "nn/training.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace bp::nn {

double train_epoch(Network& network, Optimizer& optimizer, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y,
                   int batch_size, Rng* shuffle, bool is_loss_wanted) {
  const Eigen::Index n = x.cols();
  const Eigen::Index size = std::max<Eigen::Index>(1, batch_size);
  std::vector<Eigen::Index> order;
  Eigen::MatrixXd bx, by;
  if (shuffle) {
    order.resize(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    shuffle->shuffle(order);
  }
  double total = 0;
  int batches = 0;
  for (Eigen::Index start = 0; start < n; start += size) {
    const Eigen::Index count = std::min(size, n - start);
    if (shuffle) {
      bx.resize(x.rows(), count);
      by.resize(y.rows(), count);
      for (Eigen::Index j = 0; j < count; ++j) {
        bx.col(j) = x.col(order[static_cast<std::size_t>(start + j)]);
        by.col(j) = y.col(order[static_cast<std::size_t>(start + j)]);
      }
      network.forward_train(bx);
      if (is_loss_wanted) total += network.loss(by);
      network.backward(by);
    } else {
      network.forward_train(x.middleCols(start, count));
      if (is_loss_wanted) total += network.loss(y.middleCols(start, count));
      network.backward(y.middleCols(start, count));
    }
    optimizer.step(network);
    ++batches;
  }
  return batches ? total / batches : 0.0;
}

}  // namespace bp::nn
