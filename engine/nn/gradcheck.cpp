// Network gradient check: L(θ + h) and L(θ - h) for every parameter θ.
#include "nn/gradcheck.hpp"

#include <algorithm>
#include <cmath>

namespace bp::nn {

namespace {
// Data loss plus the regularisation penalty whose gradient backward() adds.
double full_loss(Network& network, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y) {
  network.forward_train(x, Masks::kKeep);
  double loss = network.loss(y);
  const NetworkConfig& c = network.config();
  for (const Dense& layer : network.layers()) {
    if (c.regularization == Regularization::kL2) loss += 0.5 * c.regularization_rate * layer.W.squaredNorm();
    if (c.regularization == Regularization::kL1) loss += c.regularization_rate * layer.W.lpNorm<1>();
  }
  return loss;
}

void compare(double analytic, double& parameter, Network& network, const Eigen::MatrixXd& x,
             const Eigen::MatrixXd& y, double h, NetworkGradcheck& report) {
  const double saved = parameter;
  parameter = saved + h;
  const double up = full_loss(network, x, y);
  parameter = saved - h;
  const double down = full_loss(network, x, y);
  parameter = saved;
  const double numeric = (up - down) / (2 * h);
  const double error = std::fabs(numeric - analytic);
  report.max_abs_error = std::max(report.max_abs_error, error);
  report.max_rel_error = std::max(report.max_rel_error, error / std::max(1.0, std::fabs(analytic)));
  ++report.parameters;
}
}  // namespace

NetworkGradcheck check_network_gradients(Network& network, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y,
                                         double h, Masks masks) {
  network.forward_train(x, masks);
  network.backward(y);
  std::vector<Eigen::MatrixXd> grad_W;
  std::vector<Eigen::VectorXd> grad_b;
  for (const Dense& layer : network.layers()) {
    grad_W.push_back(layer.grad_W);
    grad_b.push_back(layer.grad_b);
  }
  NetworkGradcheck report;
  for (std::size_t l = 0; l < network.layers().size(); ++l) {
    Dense& layer = network.layers()[l];
    for (Eigen::Index i = 0; i < layer.W.size(); ++i) compare(grad_W[l](i), layer.W(i), network, x, y, h, report);
    for (Eigen::Index i = 0; i < layer.b.size(); ++i) compare(grad_b[l](i), layer.b(i), network, x, y, h, report);
  }
  network.forward_train(x, Masks::kKeep);
  network.backward(y);
  return report;
}

}  // namespace bp::nn
