// Trainer: the network mode's engine driver.
#include "network/trainer.hpp"

#include <cmath>
#include <cstring>

#include "clock.hpp"
#include "expr/function1d.hpp"
#include "nn/rng.hpp"
#include "nn/training.hpp"

namespace bp::app {

std::vector<nn::Point> function_samples(const std::string& text, int count, std::uint64_t seed, double& scale,
                                        std::string& error) {
  auto program = expr::compile(text, {"x"});
  std::string variable = "x";
  if (program && !program->parameters.empty()) variable = program->parameters.front();
  auto f = expr::Function1D::compile(text, variable, {});
  if (!f) {
    error = f.error().message;
    return {};
  }
  nn::Rng rng(seed);
  std::vector<nn::Point> points;
  scale = 0;
  for (int i = 0; i < count; ++i) {
    const double x = rng.uniform(-6, 6), y = f->value(x);
    if (!std::isfinite(y)) continue;
    points.push_back({x, 0, y});
    scale = std::max(scale, std::fabs(y));
  }
  if (points.size() < 2) {
    error = "it is not finite anywhere in -6 … 6";
    return {};
  }
  if (scale == 0) scale = 1;
  for (auto& p : points) p.label /= scale;
  return points;
}

namespace {
nn::Activation activation_of(const std::string& name) {
  return nn::activation_named(name).value_or(nn::Activation::kTanh);
}

bool all_finite(const nn::Network& net) {
  for (const auto& layer : net.layers()) {
    if (!layer.W.allFinite() || !layer.b.allFinite()) return false;
  }
  return true;
}
}  // namespace

std::string Trainer::configure(const NetworkState& s) {
  std::string key = s.dataset + "|" + std::to_string(s.noise) + "|" + std::to_string(s.train_percent) + "|" +
                    std::to_string(s.data_seed) + "|" + s.activation + "|" + s.output + "|" + s.loss + "|" + std::to_string(s.seed) + "|" + s.optimizer +
                    "|" + s.regularization + "|" + std::to_string(s.regularization_rate) + "|";
  for (const auto& f : s.features) key += f + ",";
  key += "|";
  for (int h : s.hidden) key += std::to_string(h) + ",";
  if (s.dataset == "function") key += "|" + s.function_text;
  if (s.dataset == "custom") {
    for (const auto& p : s.points) key += "|" + std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + std::to_string(p[2]);
  }
  optimizer_config_.learning_rate = s.learning_rate;
  batch_size_ = std::max(1, s.batch_size);
  if (optimizer_) optimizer_->set_learning_rate(s.learning_rate);
  if (key == key_) return "";

  std::vector<nn::Feature> features;
  for (const auto& name : s.features) {
    if (auto f = nn::feature_named(name)) features.push_back(*f);
  }
  if (features.empty()) return "choose at least one input feature";
  if (s.dataset == "custom" && s.points.size() < 2) {
    return "your data set has " + std::to_string(s.points.size()) + " point(s): click the square to add at least two";
  }
  nn::NetworkConfig config;
  config.layers = {static_cast<int>(features.size())};  // not the default [2, 4, 2, 1]
  for (int h : s.hidden) config.layers.push_back(h);
  config.layers.push_back(1);
  config.activation = activation_of(s.activation);
  // Labels are ±1 (regression values in [-1, 1]); a sigmoid output learns them mapped to {0, 1}.
  config.output_activation = activation_of(s.output);
  config.loss = s.loss == "bce" ? nn::Loss::kBce : nn::Loss::kMse;
  config.seed = s.seed;
  config.regularization = s.regularization == "l1"   ? nn::Regularization::kL1
                          : s.regularization == "l2" ? nn::Regularization::kL2
                                                     : nn::Regularization::kNone;
  config.regularization_rate = s.regularization_rate;
  if (auto problem = nn::validate(config)) return *problem;

  key_ = key;
  features_ = features;
  is_function_fit_ = s.dataset == "function";
  data_ = {nn::dataset_named(s.dataset).value_or(nn::DatasetKind::kCircle), 500, s.noise, s.data_seed};
  if (s.dataset == "function") {
    std::string error;
    auto points = function_samples(s.function_text, 500, s.data_seed, function_scale_, error);
    if (!error.empty()) return "function mode's f cannot be sampled: " + error;
    nn::split(std::move(points), s.train_percent / 100.0, s.data_seed, train_, test_);
    data_.kind = nn::DatasetKind::kPlane;  // regression
  } else if (s.dataset == "custom") {
    // The learner's own points all train (a handful split in two teaches little); test shows them too.
    train_.clear();
    bool regression = false;
    for (const auto& p : s.points) {
      train_.push_back({p[0], p[1], p[2]});
      regression = regression || (p[2] != 1 && p[2] != -1);
    }
    test_ = train_;
    data_.kind = regression ? nn::DatasetKind::kPlane : nn::DatasetKind::kCircle;  // classification or not
  } else {
    nn::split(nn::generate(data_), s.train_percent / 100.0, s.data_seed, train_, test_);
  }
  x_train_ = nn::feature_matrix(train_, features_);
  y_train_ = nn::label_matrix(train_, config.output_activation);
  x_test_ = nn::feature_matrix(test_, features_);
  y_test_ = nn::label_matrix(test_, config.output_activation);
  optimizer_config_.kind = nn::optimizer_named(s.optimizer).value_or(nn::OptimizerKind::kSgd);
  start_fresh(config);
  if (!s.weights.empty() && set_parameters(s.weights)) epochs_ = s.epochs;
  evaluate();
  return "";
}

void Trainer::reset() {
  const nn::NetworkConfig config = network_->config();  // a copy: emplace destroys the old network first
  start_fresh(config);
  evaluate();
}

void Trainer::start_fresh(const nn::NetworkConfig& config) {
  network_.emplace(config);
  optimizer_.emplace(optimizer_config_, *network_);
  epochs_ = 0;
  batch_cursor_ = 0;
  diverged_ = false;
  train_history_.clear();
  test_history_.clear();
  history_stride_ = 1;
  evaluations_ = 0;
}

void Trainer::train_epoch() {
  if (diverged_ || x_train_.cols() == 0) return;
  nn::train_epoch(*network_, *optimizer_, x_train_, y_train_, batch_size_);
  ++epochs_;
  batch_cursor_ = 0;
  evaluate();
}

void Trainer::train_batch() {
  if (diverged_ || x_train_.cols() == 0) return;
  step();
  evaluate();
}

bool Trainer::step() {
  const auto n = static_cast<std::size_t>(x_train_.cols());
  const auto count = std::min<std::size_t>(static_cast<std::size_t>(batch_size_), n - batch_cursor_);
  const auto start = static_cast<Eigen::Index>(batch_cursor_), cols = static_cast<Eigen::Index>(count);
  network_->forward(x_train_.middleCols(start, cols));
  network_->backward(y_train_.middleCols(start, cols));
  optimizer_->step(*network_);
  batch_cursor_ += count;
  if (batch_cursor_ < n) return false;
  batch_cursor_ = 0;
  ++epochs_;
  return true;
}

int Trainer::train_for(double budget_ms) {
  if (diverged_ || x_train_.cols() == 0) return 0;
  const double start = now_ms();
  const long before = epochs_;  // the rate counts whole frames: epochs up to this call's start
  if (rate_since_ms_ < 0 || start - rate_since_ms_ > 2000) {  // first call, or playing again after a pause
    rate_ = 0;
    rate_since_ms_ = start;
    rate_since_epochs_ = epochs_;
  }
  int epochs = 0;
  do {
    if (step()) {
      ++epochs;
      evaluate();
    }
  } while (!diverged_ && now_ms() - start < budget_ms && epochs < 10000);
  if (start - rate_since_ms_ >= 500) {
    rate_ = static_cast<double>(before - rate_since_epochs_) * 1000.0 / (start - rate_since_ms_);
    rate_since_ms_ = start;
    rate_since_epochs_ = before;
  }
  return epochs;
}

bool Trainer::finish_epoch(double budget_ms) {
  if (diverged_ || x_train_.cols() == 0) return true;
  const double start = now_ms();
  do {
    if (step()) {
      evaluate();
      return true;
    }
  } while (now_ms() - start < budget_ms);
  return false;
}

void Trainer::evaluate() {
  train_loss_ = network_->loss_of(x_train_, y_train_);
  const nn::Activation out = network_->config().output_activation;
  train_accuracy_ = nn::accuracy(network_->forward(x_train_), train_, out);
  test_loss_ = x_test_.cols() ? network_->loss_of(x_test_, y_test_) : 0.0;
  test_accuracy_ = x_test_.cols() ? nn::accuracy(network_->forward(x_test_), test_, out) : 0.0;
  if (evaluations_++ % history_stride_ == 0) {
    train_history_.push_back(train_loss_);
    test_history_.push_back(test_loss_);
    if (train_history_.size() > kMaxHistory) {
      for (auto* history : {&train_history_, &test_history_}) {
        for (std::size_t i = 0; 2 * i < history->size(); ++i) (*history)[i] = (*history)[2 * i];
        history->resize((history->size() + 1) / 2);
      }
      history_stride_ *= 2;
    }
  }
  if (!std::isfinite(train_loss_) || !all_finite(*network_)) {
    diverged_ = true;
  } else {
    last_finite_ = parameters();
    last_finite_epoch_ = epochs_;
  }
}

void Trainer::restore_last_finite() {
  if (last_finite_.empty()) return reset();
  const long epoch = last_finite_epoch_;
  set_parameters(last_finite_);
  epochs_ = epoch;
}

Eigen::VectorXd Trainer::inputs_for(double x1, double x2) const {
  Eigen::VectorXd v(static_cast<Eigen::Index>(features_.size()));
  for (std::size_t i = 0; i < features_.size(); ++i) v(static_cast<Eigen::Index>(i)) = nn::feature_value(features_[i], x1, x2);
  return v;
}

Eigen::MatrixXd Trainer::surface(int n) {
  Eigen::MatrixXd inputs(static_cast<Eigen::Index>(features_.size()), static_cast<Eigen::Index>(n) * n);
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n; ++col) {
      const double x1 = -6 + 12.0 * (col + 0.5) / n, x2 = 6 - 12.0 * (row + 0.5) / n;
      inputs.col(static_cast<Eigen::Index>(row) * n + col) = inputs_for(x1, x2);
    }
  }
  return network_->predict(inputs);
}

std::vector<double> Trainer::parameters() const {
  std::vector<double> flat;
  for (const auto& layer : network_->layers()) {
    for (Eigen::Index i = 0; i < layer.W.rows(); ++i) {
      for (Eigen::Index j = 0; j < layer.W.cols(); ++j) flat.push_back(layer.W(i, j));
    }
    for (Eigen::Index i = 0; i < layer.b.size(); ++i) flat.push_back(layer.b(i));
  }
  return flat;
}

bool Trainer::set_parameters(const std::vector<double>& flat) {
  if (static_cast<long>(flat.size()) != network_->parameter_count()) return false;
  std::size_t k = 0;
  for (auto& layer : network_->layers()) {
    for (Eigen::Index i = 0; i < layer.W.rows(); ++i) {
      for (Eigen::Index j = 0; j < layer.W.cols(); ++j) layer.W(i, j) = flat[k++];
    }
    for (Eigen::Index i = 0; i < layer.b.size(); ++i) layer.b(i) = flat[k++];
  }
  optimizer_.emplace(optimizer_config_, *network_);
  diverged_ = false;
  evaluate();
  return true;
}

namespace {
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

std::string encode_weights(const std::vector<double>& weights) {
  std::string bytes(weights.size() * 8, '\0');
  for (std::size_t i = 0; i < weights.size(); ++i) {
    std::uint64_t bits;
    std::memcpy(&bits, &weights[i], 8);
    for (int b = 0; b < 8; ++b) bytes[i * 8 + static_cast<std::size_t>(b)] = static_cast<char>((bits >> (8 * b)) & 0xFF);
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = 0;
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    for (std::size_t k = 0; k < n; ++k) chunk |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + k])) << (16 - 8 * k);
    for (std::size_t k = 0; k < n + 1; ++k) out += kBase64[(chunk >> (18 - 6 * k)) & 63];
  }
  return out;
}

std::optional<std::vector<double>> decode_weights(const std::string& text) {
  std::string bytes;
  std::uint32_t chunk = 0;
  int bits = 0;
  for (char c : text) {
    const char* at = std::strchr(kBase64, c);
    if (c == '\0' || at == nullptr) return std::nullopt;
    chunk = (chunk << 6) | static_cast<std::uint32_t>(at - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((chunk >> bits) & 0xFF);
    }
  }
  if (bytes.size() % 8 != 0) return std::nullopt;
  std::vector<double> weights(bytes.size() / 8);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    std::uint64_t v = 0;
    for (int b = 0; b < 8; ++b) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i * 8 + static_cast<std::size_t>(b)])) << (8 * b);
    std::memcpy(&weights[i], &v, 8);
  }
  return weights;
}

}  // namespace bp::app
