// Trains the network mode's network: builds data and network from the NetworkState, trains
// mini-batch by mini-batch within a time budget per frame (an epoch of a large network with batch
// size 1 takes longer than a frame), keeps the loss history, and reads and writes the trained
// weights for links. No ImGui: tested natively.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "clock.hpp"
#include "state/app_state.hpp"
#include "nn/dataset.hpp"
#include "nn/network.hpp"
#include "nn/optimizer.hpp"

namespace bp::app {

class Trainer {
 public:
  // Rebuilds data and network when the configuration in `state` changed (a new seed, layers, data...);
  // keeps training state when only the learning rate or batch size changed. Loads state.weights
  // when they fit. Returns a message when the configuration cannot be built, else "".
  std::string configure(const NetworkState& state);

  // Mini-batches while they fit in `budget_ms` (at least one, as timed so far); each epoch's end evaluates
  // the losses, the test set's maybe at the start of the next call (see settle()). Returns how many epochs ended.
  int train_for(double budget_ms);
  // Finishes an evaluation train_for() left half done (the test set's losses and the history entry lag one
  // call until then); every other change of the network does it first. For when training stops.
  void settle();
  // Epochs per second of real time while train_for() is called every frame, measured over the last
  // half second or more; 0 before the first measurement and after a pause.
  double epochs_per_second() const { return rate_; }
  // The clock behind the time budgets and the rate (now_ms unless a test drives its own).
  void set_clock(double (*clock)()) { clock_ = clock; }
  // Mini-batches until the current epoch ends (true) or `budget_ms` is spent (false).
  bool finish_epoch(double budget_ms);
  // One epoch, or one mini-batch (evaluated).
  void train_epoch();
  void train_batch();
  // Fresh weights from the seed, epoch 0, empty history.
  void reset();

  long epochs() const { return epochs_; }
  double train_loss() const { return train_loss_; }
  double test_loss() const { return test_loss_; }
  double train_accuracy() const { return train_accuracy_; }
  double test_accuracy() const { return test_accuracy_; }
  bool is_classification() const { return classes_ > 0; }
  // Classes in the data (2 … 6), 0 for a regression.
  int classes() const { return classes_; }
  // True when the output is softmax: one output per class, trained with cross-entropy.
  bool is_softmax() const { return network_ && network_->config().output_activation == nn::Activation::kSoftmax; }
  // The last evaluation's confusion matrices (row: true class, column: predicted), classes × classes.
  const Eigen::MatrixXi& train_confusion() const { return train_confusion_; }
  const Eigen::MatrixXi& test_confusion() const { return test_confusion_; }
  // Class probabilities at (x1, x2): softmax's outputs, or (1 − p, p) from a one-output network's p of class 1
  // (a sigmoid's output, or tanh's and linear's mapped from -1 … 1); empty for a regression.
  Eigen::VectorXd class_probabilities(double x1, double x2);
  // Non-finite loss or weight seen: training stops until reset or an earlier state is restored.
  bool diverged() const { return diverged_; }
  // Back to the weights of the last evaluation whose loss and weights were all finite.
  void restore_last_finite();
  long last_finite_epoch() const { return last_finite_epoch_; }
  // Train and test loss, one entry per history_stride() evaluations (one per epoch, and one per single
  // step). Past kMaxHistory entries every other one is dropped and the stride doubles: hours of
  // training keep an evenly spaced curve of bounded size (memory, and the time to draw it).
  static constexpr std::size_t kMaxHistory = 20000;
  const std::vector<double>& train_history() const { return train_history_; }
  const std::vector<double>& test_history() const { return test_history_; }
  long history_stride() const { return history_stride_; }

  // Dataset "function": labels are f(x) divided by this (the largest |f| sampled), so they fit in [-1, 1].
  double function_scale() const { return function_scale_; }
  bool is_function_fit() const { return is_function_fit_; }

  nn::Network& network() { return *network_; }
  const std::vector<nn::Point>& train_points() const { return train_; }
  const std::vector<nn::Point>& test_points() const { return test_; }
  const std::vector<nn::Feature>& features() const { return features_; }
  // Inputs for one point (x1, x2) in the network's feature order.
  Eigen::VectorXd inputs_for(double x1, double x2) const;
  // The network's output over a grid of n×n points covering [-6, 6]², row by row from the top (one row per
  // output: a softmax network's class probabilities).
  Eigen::MatrixXd surface(int n);

  std::vector<double> parameters() const;          // layer by layer: W row-major, then b
  void parameters_into(std::vector<double>& flat) const;  // the same into `flat`, reusing its memory
  bool set_parameters(const std::vector<double>& flat);

 private:
  void evaluate();  // both sets, and the history
  void evaluate_set(bool test);  // one set's loss, accuracy and confusion matrix
  void record_evaluation();  // the history entry and the finite check, once both sets are evaluated
  bool step();  // one mini-batch at the cursor, not evaluated; true when it ended an epoch
  int steps_to_epoch_end() const;  // mini-batches from the cursor to the epoch's end
  void start_fresh(const nn::NetworkConfig& config);  // new weights from the seed, epoch 0, no history
  std::optional<NetworkState> built_;  // what the network and data were built from (build_inputs())
  nn::DatasetConfig data_;
  std::vector<nn::Point> train_, test_;
  std::vector<nn::Feature> features_;
  Eigen::MatrixXd x_train_, y_train_, x_test_, y_test_;
  std::optional<nn::Network> network_;
  std::optional<nn::Optimizer> optimizer_;
  nn::OptimizerConfig optimizer_config_;
  int batch_size_ = 10;
  std::size_t batch_cursor_ = 0;
  long epochs_ = 0;
  double rate_ = 0, rate_since_ms_ = -1;  // epochs_per_second(): the window's start time and epoch
  long rate_since_epochs_ = 0;
  // What a mini-batch and each set's evaluation took lately (train_for).
  double step_ms_ = 0, train_ms_ = 0, test_ms_ = 0;
  bool test_pending_ = false;  // the training set is evaluated, the test set not yet (train_for)
  double train_loss_ = 0, test_loss_ = 0, train_accuracy_ = 0, test_accuracy_ = 0;
  int classes_ = 2;
  Eigen::MatrixXi train_confusion_, test_confusion_;
  bool diverged_ = false;
  std::vector<double> last_finite_;  // parameters at the last finite evaluation
  long last_finite_epoch_ = 0;
  double function_scale_ = 1;
  bool is_function_fit_ = false;
  std::vector<double> train_history_, test_history_;
  long history_stride_ = 1;
  long evaluations_ = 0;  // since start_fresh()
  double (*clock_)() = now_ms;
};

// Classes in the state's data (nn::class_count): a generated set's, the learner's points' (0 when one of
// their labels is no class label), 0 for f's samples.
int class_count_of(const NetworkState& state);

// The output and loss that fit the data: softmax with cross-entropy for more than two classes (chosen for
// the learner); either of them alone gets the other (softmax goes with cross-entropy); a regression, which has
// no classes, goes back to tanh and mse. Returns true when it changed `state`.
bool settle_output_for_classes(NetworkState& state);

// count samples (x, 0, f(x)/scale) of `text` at seeded uniform x in [-6, 6]; `scale` is the largest |f|.
// x is f's variable as function mode reads it (expr::variable_of): `t^2` samples t².
std::vector<nn::Point> function_samples(const std::string& text, int count, std::uint64_t seed, double& scale,
                                        std::string& error);

}  // namespace bp::app
