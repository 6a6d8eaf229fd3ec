// Network mode with several classes: softmax and cross-entropy chosen for them, trained natively; the
// confusion matrix, class probabilities, and the gallery's claims about 3 blobs and a 3-arm spiral.
#include <doctest/doctest.h>

#include <cmath>

#include "network/class_palette.hpp"
#include "network/surface_text.hpp"
#include "network/trainer.hpp"
#include "state/gallery.hpp"

using namespace bp::app;
namespace nn = bp::nn;

TEST_CASE("more than two classes choose softmax with cross-entropy; a regression goes back to tanh and mse") {
  NetworkState s;
  s.data.set = DataSet::kBlobs4;
  CHECK(class_count_of(s) == 4);
  CHECK(settle_output_for_classes(s));
  CHECK(s.model.output == nn::Activation::kSoftmax);
  CHECK(s.loss == nn::Loss::kCrossEntropy);
  CHECK_FALSE(settle_output_for_classes(s));  // settled stays settled
  s.data.set = DataSet::kCircle;              // two classes: softmax stays selectable
  CHECK_FALSE(settle_output_for_classes(s));
  s.data.set = DataSet::kPlane;
  CHECK(settle_output_for_classes(s));
  CHECK(s.model.output == nn::Activation::kTanh);
  CHECK(s.loss == nn::Loss::kMse);
  s.data.set = DataSet::kXor;  // choosing cross-entropy for two classes brings softmax
  s.loss = nn::Loss::kCrossEntropy;
  CHECK(settle_output_for_classes(s));
  CHECK(s.model.output == nn::Activation::kSoftmax);
}

TEST_CASE("a link naming 3 rings with a tanh output still trains softmax with one output per class") {
  NetworkState s;
  s.data.set = DataSet::kRings3;
  Trainer trainer;
  REQUIRE(trainer.configure(s).empty());
  CHECK(trainer.classes() == 3);
  CHECK(trainer.is_softmax());
  CHECK(trainer.network().output_size() == 3);
  CHECK(trainer.network().config().loss == nn::Loss::kCrossEntropy);
  // Fresh weights: the cross-entropy is near log 3 = 1.0986 (every class about a third).
  CHECK(trainer.train_loss() == doctest::Approx(std::log(3.0)).epsilon(0.3));
  const Eigen::VectorXd p = trainer.class_probabilities(1, 2);
  REQUIRE(p.size() == 3);
  CHECK(p.sum() == doctest::Approx(1));
}

TEST_CASE("the learner's points in 6 classes train a 6-way softmax; the confusion matrix counts every point") {
  NetworkState s;
  s.data.set = DataSet::kCustom;
  for (int k = 0; k < 6; ++k) {
    const double angle = k * 3.14159265358979323846 / 3;
    for (int i = 0; i < 5; ++i) {
      s.points.push_back({4 * std::cos(angle) + 0.1 * i, 4 * std::sin(angle), nn::label_of_class(k)});
    }
  }
  settle_output_for_classes(s);
  s.model.hidden = {8};
  s.learning_rate = 0.3;
  Trainer trainer;
  REQUIRE(trainer.configure(s).empty());
  CHECK(trainer.classes() == 6);
  CHECK(trainer.network().output_size() == 6);
  for (int i = 0; i < 200; ++i) trainer.train_epoch();
  CHECK(trainer.train_accuracy() == 1.0);
  const Eigen::MatrixXi& m = trainer.train_confusion();
  REQUIRE(m.rows() == 6);
  CHECK(m.sum() == 30);
  CHECK(m.trace() == 30);
}

TEST_CASE("two classes with a tanh output: probabilities (1 − p, p) from the output's -1 … 1") {
  Trainer trainer;
  REQUIRE(trainer.configure(NetworkState{}).empty());
  const Eigen::VectorXd p = trainer.class_probabilities(0, 0);
  REQUIRE(p.size() == 2);
  const double out = trainer.network().predict(trainer.inputs_for(0, 0))(0, 0);
  CHECK(p(1) == doctest::Approx((out + 1) / 2));
  CHECK(p.sum() == doctest::Approx(1));
  CHECK(trainer.train_confusion().sum() == static_cast<int>(trainer.train_points().size()));
}

namespace {
const GalleryEntry& entry_titled(const std::string& title) {
  for (const auto& e : gallery()) {
    if (e.title == title) return e;
  }
  FAIL("no gallery entry " << title);
  return gallery().front();
}

// Trains `s` for `epochs` epochs; returns the trainer for its accuracies.
Trainer trained(NetworkState s, int epochs) {
  Trainer trainer;
  REQUIRE(trainer.configure(s).empty());
  for (int i = 0; i < epochs; ++i) trainer.train_epoch();
  return trainer;
}
}  // namespace

TEST_CASE("gallery: three blobs need no hidden layer, softmax's straight boundaries get nearly every point") {
  const NetworkState& s = entry_titled("Three blobs, no hidden layer").state.network;
  CHECK(s.model.hidden.empty());
  Trainer trainer = trained(s, 100);
  MESSAGE("3 blobs, no hidden layer, 100 epochs: train " << trainer.train_accuracy() << ", test "
                                                         << trainer.test_accuracy());
  CHECK(trainer.network().layers().size() == 1);  // one affine map and softmax: boundaries are straight lines
  CHECK(trainer.test_accuracy() >= 0.97);  // measured: 1.0 train and test
}

TEST_CASE("gallery: the 3-arm spiral needs depth; one small hidden layer stays far behind in the same epochs") {
  const NetworkState& deep = entry_titled("Three spiral arms need depth").state.network;
  NetworkState shallow = deep;
  shallow.model.hidden = {4};
  const int epochs = 500;
  Trainer deep_trainer = trained(deep, epochs), shallow_trainer = trained(shallow, epochs);
  MESSAGE("3-arm spiral, " << epochs << " epochs: hidden 16,16,16 train " << deep_trainer.train_accuracy() << " test "
                           << deep_trainer.test_accuracy() << "; hidden 4 train " << shallow_trainer.train_accuracy()
                           << " test " << shallow_trainer.test_accuracy());
  // Measured natively: deep train 0.992, test 0.908; hidden 4 train 0.498, test 0.369 (chance is 0.333).
  CHECK(deep_trainer.train_accuracy() >= 0.97);
  CHECK(deep_trainer.test_accuracy() >= 0.88);
  CHECK(shallow_trainer.train_accuracy() <= 0.6);
  CHECK(shallow_trainer.test_accuracy() <= 0.5);
}

TEST_CASE("the surface in words gives each class's accuracy and the winning class's letter per grid cell") {
  NetworkState s = entry_titled("Three blobs, no hidden layer").state.network;
  Trainer trainer = trained(s, 100);
  const std::string text = surface_text(trainer, 3);
  CAPTURE(text);
  // Test accuracy 1.0 (the gallery test above): every class all right, named by its colour.
  CHECK(text.find("On the test points: orange 100 percent (") != std::string::npos);
  CHECK(text.find("blue 100 percent") != std::string::npos);
  CHECK(text.find("green 100 percent") != std::string::npos);
  CHECK(text.find("o for orange, b for blue, g for green:") != std::string::npos);
  // Blobs at 90°, 210° and 330° on a circle of radius 3.5: the top middle cell (0, 4) is orange's.
  CHECK(text.find("row x2 = 4.0: ") != std::string::npos);
  CHECK(text.substr(text.find("row x2 = 4.0: ") + 14, 3) == "o o");
  CHECK(per_class_accuracy_words(Eigen::MatrixXi::Zero(2, 2)) == "orange no points, blue no points");
}
