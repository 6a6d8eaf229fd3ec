// Trainer: the network mode's engine driver.
#include "network/trainer.hpp"

#include <algorithm>
#include <cmath>

#include "clock.hpp"
#include "expr/function1d.hpp"
#include "nn/rng.hpp"
#include "nn/training.hpp"
#include "state/choices.hpp"

namespace bp::app {

std::vector<nn::Point> function_samples(const std::string& text, int count, std::uint64_t seed, double& scale,
                                        std::string& error) {
  auto f = expr::Function1D::compile(text, expr::variable_of(text), {});
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

int class_count_of(const NetworkState& s) {
  if (s.data.set == DataSet::kFunction) return 0;
  if (s.data.set == DataSet::kCustom) {
    std::vector<nn::Point> points;
    for (const auto& p : s.points) points.push_back({p[0], p[1], p[2]});
    return nn::class_count(points);
  }
  return nn::class_count(generated_kind(s.data.set).value_or(nn::DatasetKind::kCircle));
}

bool settle_output_for_classes(NetworkState& s) {
  const nn::Activation output = s.model.output;
  const nn::Loss loss = s.loss;
  const int classes = class_count_of(s);
  const bool wants_softmax = output == nn::Activation::kSoftmax || loss == nn::Loss::kCrossEntropy;
  if (classes > 2 || (classes == 2 && wants_softmax)) {
    s.model.output = nn::Activation::kSoftmax;
    s.loss = nn::Loss::kCrossEntropy;
  } else if (wants_softmax) {  // a regression (or no data yet) has no classes to give probabilities to
    s.model.output = nn::Activation::kTanh;
    s.loss = nn::Loss::kMse;
  }
  return s.model.output != output || s.loss != loss;
}

namespace {
bool all_finite(const nn::Network& net) {
  for (const auto& layer : net.layers()) {
    if (!layer.W.allFinite() || !layer.b.allFinite()) return false;
  }
  return true;
}

// What the trainer builds from: the state without what only changes the next step (learning rate,
// batch size) or comes out of training (weights, epochs), and without the sources a data set does
// not use (the learner's points for a generated set, ...).
NetworkState build_inputs(const NetworkState& s) {
  NetworkState inputs;
  inputs.data = s.data;
  inputs.model = s.model;
  inputs.loss = s.loss;
  if (s.data.set == DataSet::kCustom) inputs.points = s.points;
  if (s.data.set == DataSet::kFunction) inputs.function_text = s.function_text;
  return inputs;
}
}  // namespace

std::string Trainer::configure(const NetworkState& s) {
  if (network_) settle();  // the last epoch's numbers, before anything changes
  optimizer_config_.learning_rate = s.learning_rate;
  batch_size_ = std::max(1, s.batch_size);
  if (optimizer_) optimizer_->set_learning_rate(s.learning_rate);
  NetworkState inputs = build_inputs(s);
  if (built_ && *built_ == inputs) {
    if (network_->config().dropout != dropout_rates(s)) network_->set_dropout(dropout_rates(s));  // weights stay
    return "";
  }

  const std::vector<nn::Feature>& features = s.data.features;
  if (features.empty()) return "choose at least one input feature";
  if (s.data.set == DataSet::kCustom && s.points.size() < 2) {
    return "your data set has " + std::to_string(s.points.size()) + " point(s): click the square to add at least two";
  }
  // The output and loss as settle_output_for_classes() leaves them, whatever the state says: a link
  // naming a 3-class set and a tanh output trains softmax.
  NetworkState settled = s;
  settle_output_for_classes(settled);
  const int classes = class_count_of(s);
  const bool softmax = settled.model.output == nn::Activation::kSoftmax;
  nn::NetworkConfig config;
  config.layers = {static_cast<int>(features.size())};  // not the default [2, 4, 2, 1]
  for (int h : s.model.hidden) config.layers.push_back(h);
  config.layers.push_back(softmax ? classes : 1);
  config.activation = s.model.activation;
  // Labels are ±1 (regression values in [-1, 1]); a sigmoid output learns them mapped to {0, 1}, a softmax
  // output one-hot columns.
  config.output_activation = settled.model.output;
  config.loss = settled.loss;
  config.seed = s.model.seed;
  config.regularization = s.model.regularization;
  config.regularization_rate = s.model.regularization_rate;
  config.dropout = dropout_rates(s);
  config.skip = s.model.skip;
  if (auto problem = nn::validate(config)) return *problem;

  built_ = std::move(inputs);
  features_ = features;
  classes_ = classes;
  is_function_fit_ = s.data.set == DataSet::kFunction;
  data_ = {generated_kind(s.data.set).value_or(nn::DatasetKind::kCircle), 500, s.data.noise, s.data.seed};
  if (s.data.set == DataSet::kFunction) {
    std::string error;
    auto points = function_samples(s.function_text, 500, s.data.seed, function_scale_, error);
    if (!error.empty()) return "function mode's f cannot be sampled: " + error;
    nn::split(std::move(points), s.data.train_percent / 100.0, s.data.seed, train_, test_);
    data_.kind = nn::DatasetKind::kPlane;  // regression
  } else if (s.data.set == DataSet::kCustom) {
    // The learner's own points all train (a handful split in two teaches little); test shows them too.
    train_.clear();
    for (const auto& p : s.points) train_.push_back({p[0], p[1], p[2]});
    test_ = train_;
  } else {
    nn::split(nn::generate(data_), s.data.train_percent / 100.0, s.data.seed, train_, test_);
  }
  x_train_ = nn::feature_matrix(train_, features_);
  y_train_ = nn::label_matrix(train_, config.output_activation, classes_);
  x_test_ = nn::feature_matrix(test_, features_);
  y_test_ = nn::label_matrix(test_, config.output_activation, classes_);
  optimizer_config_.kind = s.model.optimizer;
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
  step_ms_ = train_ms_ = test_ms_ = 0;  // a new network: timed afresh
  test_pending_ = false;
}

void Trainer::train_epoch() {
  settle();
  if (diverged_ || x_train_.cols() == 0) return;
  nn::train_epoch(*network_, *optimizer_, x_train_, y_train_, batch_size_);
  ++epochs_;
  batch_cursor_ = 0;
  evaluate();
}

void Trainer::train_batch() {
  settle();
  if (diverged_ || x_train_.cols() == 0) return;
  step();
  evaluate();
}

bool Trainer::step() {
  const auto n = static_cast<std::size_t>(x_train_.cols());
  const auto count = std::min<std::size_t>(static_cast<std::size_t>(batch_size_), n - batch_cursor_);
  const auto start = static_cast<Eigen::Index>(batch_cursor_), cols = static_cast<Eigen::Index>(count);
  network_->forward_train(x_train_.middleCols(start, cols));
  network_->backward(y_train_.middleCols(start, cols));
  optimizer_->step(*network_);
  batch_cursor_ += count;
  if (batch_cursor_ < n) return false;
  batch_cursor_ = 0;
  ++epochs_;
  return true;
}

int Trainer::steps_to_epoch_end() const {
  const auto left = static_cast<std::size_t>(x_train_.cols()) - batch_cursor_;
  const auto batch = static_cast<std::size_t>(batch_size_);
  return static_cast<int>((left + batch - 1) / batch);
}

int Trainer::train_for(double budget_ms) {
  if (diverged_ || x_train_.cols() == 0) return 0;
  const double start = clock_();
  const long before = epochs_;  // the rate counts whole frames: epochs up to this call's start
  if (rate_since_ms_ < 0 || start - rate_since_ms_ > 2000) {  // first call, or playing again after a pause
    rate_ = 0;
    rate_since_ms_ = start;
    rate_since_epochs_ = epochs_;
  }
  // Mini-batches go in runs of about kRunMs, with the clock read after each run and around each epoch's
  // evaluation (reading it costs a call out to the page: after every mini-batch of a small network it was
  // as much as the mini-batch). Before a run, the time a mini-batch and an evaluation took (step_ms_,
  // evaluate_ms_, smoothed) says how many still fit in the budget: none, and the call ends. Before, runs of
  // up to 32 mini-batches and the evaluation of the losses (a forward pass over every point, costlier
  // than the epoch's steps for the default network) ran past the budget: by 4 ms in one frame of ten at 4×
  // CPU throttling.
  constexpr double kRunMs = 0.25, kSmoothing = 0.3;
  const auto smooth = [](double& estimate, double sample) {
    estimate = estimate > 0 ? estimate + kSmoothing * (sample - estimate) : sample;
  };
  // An epoch's evaluation is two forward passes, one per set; at 4× CPU throttling each is as long as a
  // frame's training budget for a 4-class [2, 16, 16, 4] network. The test set's pass goes to the start of the
  // next call when it does not fit in this one, and no mini-batch runs until it is done: both sets are
  // evaluated with the same weights, as in one go.
  int epochs = 0;
  double now = start;
  if (test_pending_) {
    settle();
    const double evaluated = clock_();
    smooth(test_ms_, evaluated - now);
    now = evaluated;
    if (diverged_ || now - start >= budget_ms) return 0;
  }
  for (bool first = true;; first = false) {
    const int to_end = steps_to_epoch_end();
    const double left_ms = budget_ms - (now - start);
    const double fit = step_ms_ > 0 ? std::min(kRunMs, left_ms) / step_ms_ : 1;
    int run = fit >= to_end ? to_end : std::max(static_cast<int>(fit), 0);
    if (run == to_end && to_end * step_ms_ + train_ms_ > left_ms) run = to_end - 1;  // no room to evaluate
    if (run < 1) {
      if (!first) break;
      run = 1;  // at least one mini-batch a call
    }
    bool ended = false;
    for (int i = 0; i < run; ++i) ended = step();
    const double stepped = clock_();
    smooth(step_ms_, (stepped - now) / run);
    now = stepped;
    if (ended) {
      ++epochs;
      evaluate_set(false);
      const double trained_set = clock_();
      smooth(train_ms_, trained_set - now);
      now = trained_set;
      test_pending_ = true;
      if (test_ms_ > budget_ms - (now - start)) break;  // the next call begins with it
      settle();
      const double evaluated = clock_();
      smooth(test_ms_, evaluated - now);
      now = evaluated;
    }
    if (diverged_ || epochs >= 10000 || now - start >= budget_ms) break;
  }
  if (start - rate_since_ms_ >= 500) {
    rate_ = static_cast<double>(before - rate_since_epochs_) * 1000.0 / (start - rate_since_ms_);
    rate_since_ms_ = start;
    rate_since_epochs_ = before;
  }
  return epochs;
}

bool Trainer::finish_epoch(double budget_ms) {
  settle();
  if (diverged_ || x_train_.cols() == 0) return true;
  const double start = clock_();
  do {
    if (step()) {
      evaluate();
      return true;
    }
  } while (clock_() - start < budget_ms);
  return false;
}

void Trainer::evaluate() {
  evaluate_set(false);
  evaluate_set(true);
  record_evaluation();
}

void Trainer::evaluate_set(bool test) {
  // One forward pass gives the set's loss and accuracy both.
  const nn::Activation out = network_->config().output_activation;
  const int classes = std::max(classes_, 2);
  const Eigen::MatrixXd& x = test ? x_test_ : x_train_;
  const std::vector<nn::Point>& points = test ? test_ : train_;
  double& accuracy = test ? test_accuracy_ : train_accuracy_;
  double& loss = test ? test_loss_ : train_loss_;
  Eigen::MatrixXi& confusion = test ? test_confusion_ : train_confusion_;
  if (x.cols() == 0) {
    accuracy = loss = 0;
    confusion = Eigen::MatrixXi::Zero(classes, classes);
    return;
  }
  const Eigen::MatrixXd output = network_->forward(x);
  accuracy = nn::accuracy(output, points, out);
  loss = network_->loss(test ? y_test_ : y_train_);
  if (classes_ > 0) confusion = nn::confusion_matrix(output, points, out, classes);
}

void Trainer::record_evaluation() {
  test_pending_ = false;
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
    parameters_into(last_finite_);  // after every epoch: its memory reused
    last_finite_epoch_ = epochs_;
  }
}

void Trainer::settle() {
  if (!test_pending_) return;
  evaluate_set(true);
  record_evaluation();
}

void Trainer::restore_last_finite() {
  settle();
  if (last_finite_.empty()) return reset();
  const long epoch = last_finite_epoch_;
  set_parameters(last_finite_);
  epochs_ = epoch;
}

Eigen::VectorXd Trainer::inputs_for(double x1, double x2) const {
  Eigen::VectorXd v(static_cast<Eigen::Index>(features_.size()));
  for (std::size_t i = 0; i < features_.size(); ++i) {
    v(static_cast<Eigen::Index>(i)) = nn::feature_value(features_[i], x1, x2);
  }
  return v;
}

Eigen::VectorXd Trainer::class_probabilities(double x1, double x2) {
  if (classes_ == 0) return {};
  const Eigen::VectorXd out = network_->predict(inputs_for(x1, x2)).col(0);
  if (is_softmax()) return out;
  const nn::Activation act = network_->config().output_activation;
  const double p = std::clamp(act == nn::Activation::kSigmoid ? out(0) : (out(0) + 1) / 2, 0.0, 1.0);
  Eigen::VectorXd two(2);
  two << 1 - p, p;
  return two;
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
  parameters_into(flat);
  return flat;
}

void Trainer::parameters_into(std::vector<double>& flat) const {
  flat.clear();
  flat.reserve(static_cast<std::size_t>(network_->parameter_count()));
  for (const auto& layer : network_->layers()) {
    for (Eigen::Index i = 0; i < layer.W.rows(); ++i) {
      for (Eigen::Index j = 0; j < layer.W.cols(); ++j) flat.push_back(layer.W(i, j));
    }
    for (Eigen::Index i = 0; i < layer.b.size(); ++i) flat.push_back(layer.b(i));
  }
}

bool Trainer::set_parameters(const std::vector<double>& flat) {
  settle();
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

}  // namespace bp::app
