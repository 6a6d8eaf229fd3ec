// Dense network: a hand-checked forward/backward/update, gradient checks of every activation × loss,
// configuration errors, seeded initialisation.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "nn/gradcheck.hpp"
#include "nn/network.hpp"
#include "nn/rng.hpp"

using namespace bp::nn;

namespace {
Network tiny_network() {
  NetworkConfig config;
  config.layers = {2, 2, 1};
  Network net(config);
  auto& l = net.layers();
  l[0].W << 0.1, -0.2, 0.4, 0.3;
  l[0].b << 0.05, -0.1;
  l[1].W << 0.7, -0.5;
  l[1].b << 0.2;
  return net;
}
Eigen::MatrixXd columns(std::initializer_list<std::initializer_list<double>> rows_per_example) {
  // One initializer row per example, stored as one column per example.
  const auto n = static_cast<Eigen::Index>(rows_per_example.size());
  const auto k = static_cast<Eigen::Index>(rows_per_example.begin()->size());
  Eigen::MatrixXd m(k, n);
  Eigen::Index j = 0;
  for (const auto& row : rows_per_example) {
    Eigen::Index i = 0;
    for (double v : row) m(i++, j) = v;
    ++j;
  }
  return m;
}
}  // namespace

TEST_CASE("a [2, 2, 1] tanh network matches the plain-Python reference forward, loss, gradients and update") {
  // Reference: tests/reference/tiny_network.py (plain Python floats, textbook formulas).
  Network net = tiny_network();
  const Eigen::MatrixXd x = columns({{1.0, 2.0}, {-1.0, 0.5}});
  const Eigen::MatrixXd y = columns({{1.0}, {-1.0}});
  const Eigen::MatrixXd& out = net.forward(x);
  CHECK(out(0, 0) == doctest::Approx(-0.3295919987821086).epsilon(1e-14));
  CHECK(out(0, 1) == doctest::Approx(0.26396824863184354).epsilon(1e-14));
  CHECK(net.layers()[0].a(1, 0) == doctest::Approx(0.7162978701990245).epsilon(1e-14));
  CHECK(net.loss(y) == doctest::Approx(1.6827153083874262).epsilon(1e-14));
  net.backward(y);
  const auto& l = net.layers();
  CHECK(l[0].grad_W(0, 0) == doctest::Approx(-1.7400504786520314).epsilon(1e-13));
  CHECK(l[0].grad_W(0, 1) == doctest::Approx(-1.3171881486653179).epsilon(1e-13));
  CHECK(l[0].grad_W(1, 0) == doctest::Approx(0.8841767780363163).epsilon(1e-13));
  CHECK(l[0].grad_W(1, 1) == doctest::Approx(0.36716339529550834).epsilon(1e-13));
  CHECK(l[0].grad_b(0) == doctest::Approx(-0.009720231741035312).epsilon(1e-12));
  CHECK(l[0].grad_b(1) == doctest::Approx(-0.23677535058538313).epsilon(1e-13));
  CHECK(l[1].grad_W(0, 0) == doctest::Approx(0.13745593868802974).epsilon(1e-13));
  CHECK(l[1].grad_W(0, 1) == doctest::Approx(-1.3775519246186652).epsilon(1e-13));
  CHECK(l[1].grad_b(0) == doctest::Approx(-0.065623750150265).epsilon(1e-13));
  net.sgd_step(0.1);
  CHECK(l[0].W(0, 0) == doctest::Approx(0.2740050478652032).epsilon(1e-13));
  CHECK(l[0].W(1, 1) == doctest::Approx(0.26328366047044915).epsilon(1e-13));
  CHECK(l[1].W(0, 1) == doctest::Approx(-0.3622448075381335).epsilon(1e-13));
}

TEST_CASE("every hidden activation with every output and loss passes the gradient check") {
  struct Head {
    Activation output;
    Loss loss;
    int outputs;
  };
  Rng rng(7);
  for (Activation hidden : {Activation::kTanh, Activation::kRelu, Activation::kSigmoid, Activation::kLinear}) {
    for (const Head head : {Head{Activation::kLinear, Loss::kMse, 2}, Head{Activation::kTanh, Loss::kMse, 2},
                            Head{Activation::kSigmoid, Loss::kMse, 2}, Head{Activation::kSigmoid, Loss::kBce, 2},
                            Head{Activation::kSoftmax, Loss::kCrossEntropy, 3}}) {
      for (Regularization reg : {Regularization::kNone, Regularization::kL2, Regularization::kL1}) {
        NetworkConfig config;
        config.layers = {3, 5, 4, head.outputs};
        config.activation = hidden;
        config.output_activation = head.output;
        config.loss = head.loss;
        config.seed = rng.next();
        config.regularization = reg;
        config.regularization_rate = reg == Regularization::kNone ? 0.0 : 0.01;
        REQUIRE_FALSE(validate(config).has_value());
        Network net(config);
        for (auto& layer : net.layers()) layer.b.setConstant(0.1);
        Eigen::MatrixXd x(3, 6), y(head.outputs, 6);
        for (Eigen::Index i = 0; i < x.size(); ++i) x(i) = rng.uniform(-1, 1);
        for (Eigen::Index j = 0; j < 6; ++j) {
          for (int k = 0; k < head.outputs; ++k) y(k, j) = head.loss == Loss::kMse ? rng.uniform(-1, 1) : 0.0;
          if (head.loss != Loss::kMse)
            y(static_cast<Eigen::Index>(rng.next() % static_cast<unsigned>(head.outputs)), j) = 1;
        }
        CAPTURE(activation_name(hidden));
        CAPTURE(activation_name(head.output));
        CAPTURE(loss_name(head.loss));
        CAPTURE(static_cast<int>(reg));
        const auto report = check_network_gradients(net, x, y);
        CHECK(report.parameters == net.parameter_count());
        CHECK(report.max_rel_error < 1e-6);
      }
    }
  }
}

TEST_CASE("bce is finite and right for outputs far beyond the sigmoid's range") {
  NetworkConfig config;
  config.layers = {1, 1};
  config.output_activation = Activation::kSigmoid;
  config.loss = Loss::kBce;
  Network net(config);
  net.layers()[0].W << 1000;
  net.layers()[0].b << 0;
  net.forward(Eigen::MatrixXd::Constant(1, 1, 1.0));
  // z = 1000, y = 0: loss = log(1 + e^1000) ≈ 1000 (by hand); a naive log(1 - σ(z)) gives inf.
  CHECK(net.loss(Eigen::MatrixXd::Zero(1, 1)) == doctest::Approx(1000));
  CHECK(net.loss(Eigen::MatrixXd::Ones(1, 1)) == doctest::Approx(0).epsilon(1e-12));
}

TEST_CASE("invalid configurations are refused with the field named") {
  auto message = [](NetworkConfig c) { return validate(c).value_or(""); };
  NetworkConfig c;
  c.layers = {2};
  CHECK(message(c).find("layers") != std::string::npos);
  c.layers = std::vector<int>(1000, 4);
  CHECK(message(c).find("at most 34") != std::string::npos);
  c.layers = {2, 1000000, 1};
  CHECK(message(c).find("layers[1]") != std::string::npos);
  c.layers = {2, 4000, 4000, 1};
  CHECK(message(c).find("parameters") != std::string::npos);
  c.layers = {2, 0, 1};
  CHECK(message(c).find("layers[1]") != std::string::npos);
  c = NetworkConfig{};
  c.loss = Loss::kBce;
  CHECK(message(c).find("outputActivation 'sigmoid'") != std::string::npos);
  c = NetworkConfig{};
  c.regularization_rate = -1;
  CHECK(message(c).find("regularizationRate") != std::string::npos);
}

TEST_CASE("the same seed gives the same weights; another seed other weights") {
  NetworkConfig config;
  Network a(config), b(config);
  config.seed = 2;
  Network c(config);
  CHECK(a.layers()[0].W == b.layers()[0].W);
  CHECK(a.layers()[0].W != c.layers()[0].W);
  // Glorot uniform bound for the first layer of [2, 4, 2, 1]: sqrt(6 / (2 + 4)) = 1.
  CHECK(a.layers()[0].W.cwiseAbs().maxCoeff() <= 1.0);
  CHECK(a.layers()[0].b.isZero());
}

TEST_CASE("the rng's first numbers are fixed, so weights are the same natively and in WebAssembly") {
  // SplitMix64 with seed 1 (reference values of the published algorithm): 0x910a2dec89025cc1, ...
  Rng rng(1);
  CHECK(rng.next() == 0x910a2dec89025cc1ull);
  CHECK(rng.next() == 0xbeeb8da1658eec67ull);
}

TEST_CASE("predict() over 1,000 inputs in blocks gives forward()'s outputs, on small and on 64-unit layers") {
  // predict() runs block by block, and skips storing z on relu layers: it must agree with a forward
  // pass over the whole set at once, and leave forward() working after it.
  for (const std::vector<int>& layers : {std::vector<int>{2, 4, 2, 1}, std::vector<int>{2, 64, 64, 1}}) {
    NetworkConfig config;
    config.layers = layers;
    config.activation = layers[1] == 64 ? Activation::kRelu : Activation::kTanh;
    Network net(config);
    Eigen::MatrixXd x(2, 1000);
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      x.col(j) << std::sin(0.37 * static_cast<double>(j)) * 5, std::cos(0.11 * static_cast<double>(j)) * 5;
    const Eigen::MatrixXd whole = net.forward(x);
    const Eigen::MatrixXd blocks = net.predict(x);
    REQUIRE(blocks.cols() == 1000);
    CHECK((blocks - whole).cwiseAbs().maxCoeff() == 0.0);
    // Spot-check one column by hand-free means: the same example alone through forward().
    const Eigen::MatrixXd single = net.forward(x.col(777));
    CHECK(blocks(0, 777) == doctest::Approx(single(0, 0)).epsilon(1e-14));
    CHECK((net.forward(x) - whole).cwiseAbs().maxCoeff() == 0.0);
  }
}

TEST_CASE("predict() skips a relu layer's zeros only for finite weights: an infinite one still gives NaN") {
  NetworkConfig config;
  config.layers = {2, 8, 1};
  config.activation = Activation::kRelu;
  Network net(config);
  Eigen::MatrixXd x(2, 100);
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    x.col(j) << static_cast<double>(j % 10) - 4.5, static_cast<double>(j / 10) - 4.5;
  net.layers()[1].W(0, 3) = std::numeric_limits<double>::infinity();
  const Eigen::MatrixXd whole = net.forward(x);
  const Eigen::MatrixXd blocks = net.predict(x);
  for (Eigen::Index j = 0; j < x.cols(); ++j) CHECK(std::isnan(blocks(0, j)) == std::isnan(whole(0, j)));
  CHECK(whole.array().isNaN().any());  // unit 3 is off somewhere: inf·0
}
