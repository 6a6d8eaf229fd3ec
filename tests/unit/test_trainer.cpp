// The network mode's trainer: TensorFlow Playground's default setup learns, weights travel exactly.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "expr/printer.hpp"
#include "state/presets.hpp"
#include "network/pytorch_export.hpp"
#include "network/trainer.hpp"
#include "state/weights_text.hpp"

using namespace bp::app;
namespace nn = bp::nn;

TEST_CASE("the default network mode learns the circle: test loss falls and accuracy passes 90% in 100 epochs") {
  Trainer trainer;
  REQUIRE(trainer.configure(NetworkState{}).empty());
  const double start = trainer.test_loss();
  for (int i = 0; i < 100; ++i) trainer.train_epoch();
  CHECK(trainer.epochs() == 100);
  CHECK(trainer.test_loss() < start / 2);
  CHECK(trainer.test_accuracy() > 0.9);
  CHECK(trainer.train_history().size() == 101);
}

TEST_CASE("training in slices of a few mini-batches gives the weights whole epochs give") {
  NetworkState s;
  s.model.hidden = {16, 16, 16, 16, 16, 16, 16, 16};  // the largest network offered, batch size 1
  s.batch_size = 1;
  Trainer whole, sliced;
  REQUIRE(whole.configure(s).empty());
  REQUIRE(sliced.configure(s).empty());
  for (int i = 0; i < 2; ++i) whole.train_epoch();
  int slices = 0;
  while (sliced.epochs() < 2) {
    sliced.finish_epoch(0.5);  // a slice: at least one mini-batch, about half a millisecond
    ++slices;
  }
  CHECK(slices > 2);
  CHECK(sliced.parameters() == whole.parameters());
  CHECK(sliced.test_loss() == whole.test_loss());
  CHECK(sliced.train_history().size() == whole.train_history().size());
  CHECK(sliced.train_for(0) == 0);  // one mini-batch: no epoch ends
  CHECK(sliced.epochs() == 2);
}

TEST_CASE("the loss history of a long training stays bounded and evenly spaced") {
  NetworkState s;
  s.data.set = DataSet::kCustom;
  s.points = {{-1, -1, -1}, {1, 1, 1}};  // two points: an epoch is one step
  s.model.hidden = {};
  Trainer trainer;
  REQUIRE(trainer.configure(s).empty());
  const long epochs = 3 * static_cast<long>(Trainer::kMaxHistory);
  for (long i = 0; i < epochs; ++i) trainer.train_epoch();
  const auto& history = trainer.train_history();
  CHECK(history.size() <= Trainer::kMaxHistory);
  CHECK(history.size() > Trainer::kMaxHistory / 2);
  CHECK(trainer.history_stride() == 4);
  // Entry i is the loss after i · stride epochs: the first is the untrained network's.
  Trainer fresh;
  REQUIRE(fresh.configure(s).empty());
  CHECK(history.front() == fresh.train_loss());
  for (int i = 0; i < 4 * 7; ++i) fresh.train_epoch();
  CHECK(history[7] == fresh.train_loss());
}

TEST_CASE("weights survive the link exactly, and a trained network reopens with the same loss") {
  Trainer trainer;
  NetworkState s;
  trainer.configure(s);
  for (int i = 0; i < 20; ++i) trainer.train_epoch();
  const auto weights = trainer.parameters();
  const auto decoded = decode_weights(encode_weights(weights));
  REQUIRE(decoded.has_value());
  CHECK(*decoded == weights);  // bit for bit
  s.weights = *decoded;
  s.epochs = trainer.epochs();
  Trainer reopened;
  REQUIRE(reopened.configure(s).empty());
  CHECK(reopened.test_loss() == trainer.test_loss());
  CHECK(reopened.epochs() == 20);
}

TEST_CASE("weights that do not fit the network are ignored, and broken text is refused") {
  NetworkState s;
  s.weights = {1, 2, 3};
  Trainer trainer;
  REQUIRE(trainer.configure(s).empty());
  CHECK(trainer.epochs() == 0);
  CHECK_FALSE(decode_weights("abc$").has_value());
  CHECK_FALSE(decode_weights("AAAA").has_value());  // 3 bytes: not whole doubles
}

TEST_CASE("a diverging run stops at the first non-finite loss or weight, until reset") {
  // Learning rate 10 with L2 rate 0.3: every step multiplies each weight by 1 - 10·0.3 = -2 (plus the
  // data's pull), so weights double in size each step and overflow (by hand). With a tanh output,
  // learning rate 10 alone saturates rather than overflowing.
  NetworkState s;
  s.learning_rate = 10;
  s.model.regularization = nn::Regularization::kL2;
  s.model.regularization_rate = 0.3;
  Trainer trainer;
  trainer.configure(s);
  for (int i = 0; i < 200 && !trainer.diverged(); ++i) trainer.train_epoch();
  CHECK(trainer.diverged());
  const long stopped = trainer.epochs();
  trainer.train_epoch();
  CHECK(trainer.epochs() == stopped);
  trainer.restore_last_finite();
  CHECK_FALSE(trainer.diverged());
  CHECK(std::isfinite(trainer.train_loss()));
  CHECK(trainer.epochs() < stopped);
  for (double w : trainer.parameters()) CHECK(std::isfinite(w));
  trainer.reset();
  CHECK_FALSE(trainer.diverged());
}

TEST_CASE("no features or a network too big is a message, not a crash") {
  NetworkState s;
  s.data.features = {};
  Trainer trainer;
  CHECK(trainer.configure(s).find("feature") != std::string::npos);
  s.data.features = {nn::Feature::kX1};
  s.model.hidden = std::vector<int>(40, 2);
  CHECK(trainer.configure(s).find("at most 34") != std::string::npos);
}

TEST_CASE("the network has the features as inputs, the hidden layers asked for and one output") {
  NetworkState s;
  s.data.features = {nn::Feature::kX1, nn::Feature::kX2, nn::Feature::kX1X2};
  s.model.hidden = {5, 3};
  Trainer trainer;
  REQUIRE(trainer.configure(s).empty());
  CHECK(trainer.network().config().layers == std::vector<int>{3, 5, 3, 1});
}

TEST_CASE("the PyTorch script rebuilds the network with its exact weights and quotes the playground's numbers") {
  NetworkState s;
  Trainer trainer;
  trainer.configure(s);
  trainer.train_epoch();
  const std::string py = pytorch_script(trainer, s);
  CHECK(py.find("import torch") != std::string::npos);
  CHECK(py.find("torch.nn.Linear(2, 4), torch.nn.Tanh()") != std::string::npos);
  CHECK(py.find("torch.nn.Linear(2, 1), torch.nn.Tanh()") != std::string::npos);
  CHECK(py.find("torch.optim.SGD(model.parameters(), lr=0.03)") != std::string::npos);
  // The first weight, written so that float64 reads it back exactly.
  const std::string w = bp::expr::format_number(trainer.network().layers()[0].W(0, 0));
  CHECK(py.find(w) != std::string::npos);
  CHECK(py.find("# the playground: ") != std::string::npos);
  CHECK(std::count(py.begin(), py.end(), '\n') > 20);
}

TEST_CASE("the two-layer preset carries the reference weights and reproduces tests/reference/tiny_network.py") {
  Trainer trainer;
  REQUIRE(trainer.configure(two_layer_example_preset()).empty());
  // Reference: the first example of tests/reference/tiny_network.py, x = (1, 2): ŷ = -0.3295919987821086.
  const Eigen::VectorXd x = trainer.inputs_for(1, 2);
  CHECK(trainer.network().forward(x)(0, 0) == doctest::Approx(-0.3295919987821086).epsilon(1e-14));
}

TEST_CASE("the NumPy tutorial preset is one sigmoid hidden layer with a linear output, and it learns the plane") {
  Trainer trainer;
  REQUIRE(trainer.configure(numpy_tutorial_preset()).empty());
  CHECK(trainer.network().config().layers == std::vector<int>{2, 4, 1});
  const double start = trainer.test_loss();
  for (int i = 0; i < 30; ++i) trainer.train_epoch();
  CHECK(trainer.test_loss() < start / 10);
}

TEST_CASE("a network fits the seed function typed in function mode") {
  NetworkState s;
  s.data.set = DataSet::kFunction;
  s.function_text = "f(x) = 2x²−3x+4";
  s.data.features = {nn::Feature::kX1};
  s.model.hidden = {8};
  s.model.output = nn::Activation::kLinear;
  s.learning_rate = 0.01;
  Trainer trainer;
  REQUIRE(trainer.configure(s).empty());
  CHECK(trainer.function_scale() > 80);  // f(-6) = 94 is the largest |f| on [-6, 6] (by hand)
  CHECK(trainer.function_scale() <= 94);
  const double start = trainer.test_loss();
  for (int i = 0; i < 200; ++i) trainer.train_epoch();
  CHECK(trainer.test_loss() < start / 20);
  s.function_text = "2x +";
  Trainer broken;
  CHECK(broken.configure(s).find("cannot be sampled") != std::string::npos);
}

namespace {
double g_fake_ms = 0;
double fake_clock() { return g_fake_ms += 0.05; }  // each reading 50 µs after the last: training costs time
}  // namespace

TEST_CASE("while playing, the panel's epochs/s is the rate of training over the clock's time") {
  // The trainer's own clock is driven here, so the numbers do not depend on how busy the machine is.
  Trainer trainer;
  trainer.set_clock(fake_clock);
  REQUIRE(trainer.configure(NetworkState{}).empty());
  CHECK(trainer.epochs_per_second() == 0);  // nothing measured yet
  const double start = g_fake_ms;
  const long first = trainer.epochs();
  while (g_fake_ms - start < 1200) {  // frames of 1 ms training each, as the page's train_for(8) per frame
    trainer.train_for(1.0);
    g_fake_ms += 15;  // the rest of the frame: drawing, and waiting for the display
  }
  const double overall = static_cast<double>(trainer.epochs() - first) * 1000.0 / (g_fake_ms - start);
  CHECK(trainer.epochs_per_second() > 0);
  // The last window (0.5 s or more) against the whole run: the same rate, within one epoch of a window's count.
  CHECK(trainer.epochs_per_second() == doctest::Approx(overall).epsilon(0.1));
  // A pause of more than two seconds starts the measurement again.
  g_fake_ms += 2500;
  trainer.train_for(1.0);
  CHECK(trainer.epochs_per_second() == 0);
}

namespace {
double g_slow_ms = 0;
double slow_clock() { return g_slow_ms += 1; }  // every reading 1 ms on: each set's evaluation "takes" 1 ms
}  // namespace

TEST_CASE("an epoch's evaluation split over two frames gives the numbers of one whole evaluation") {
  // At 4× CPU throttling one set's forward pass fills a frame's training budget: train_for() evaluates the
  // training set at the epoch's end and leaves the test set for its next call, with no mini-batch between.
  Trainer split, whole;
  split.set_clock(slow_clock);
  REQUIRE(split.configure(NetworkState{}).empty());
  REQUIRE(whole.configure(NetworkState{}).empty());
  whole.train_epoch();
  whole.train_epoch();
  int calls = 0;
  while (split.epochs() < 1 && calls < 1000) split.train_for(1.5), ++calls;  // one mini-batch a call here
  REQUIRE(split.epochs() == 1);
  CHECK(calls == 25);  // 250 training points in batches of 10 (by hand)
  // The training set's numbers are there; the test set's and the history entry wait for the next call.
  CHECK(split.train_loss() == whole.train_history()[1]);
  CHECK(split.test_history().size() == 1);
  split.train_for(1.5);  // evaluates the test set first, then trains on
  REQUIRE(split.test_history().size() == 2);
  CHECK(split.test_history()[1] == whole.test_history()[1]);
  CHECK(split.train_history()[1] == whole.train_history()[1]);
  // Stopped half way through an evaluation, settle() finishes it: what a paused panel shows.
  while (split.epochs() < 2 && calls < 1000) split.train_for(1.5), ++calls;
  REQUIRE(split.test_history().size() == 2);
  split.settle();
  REQUIRE(split.test_history().size() == 3);
  CHECK(split.test_loss() == whole.test_loss());
  CHECK(split.test_history()[2] == whole.test_history()[2]);
  CHECK(split.parameters() == whole.parameters());
}
