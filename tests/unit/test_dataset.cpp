// Data sets: TensorFlow Playground's shapes, labels and features; seeded and split.
#include <doctest/doctest.h>

#include <cmath>

#include "nn/dataset.hpp"

using namespace bp::nn;

TEST_CASE("circle: half the points inside radius 2.5 labelled +1, half from 3.5 to 5 labelled -1") {
  const auto points = generate({DatasetKind::kCircle, 500, 0, 3});
  REQUIRE(points.size() == 500);
  int positives = 0;
  for (const Point& p : points) {
    const double r = std::hypot(p.x1, p.x2);
    if (p.label > 0) {
      ++positives;
      CHECK(r <= 2.5);
    } else {
      CHECK(r >= 3.5);
      CHECK(r <= 5.0);
    }
  }
  CHECK(positives == 250);
}

TEST_CASE("xor: the label is the sign of x1·x2, and no point lies within 0.3 of an axis") {
  for (const Point& p : generate({DatasetKind::kXor, 400, 0, 3})) {
    CHECK(p.label == (p.x1 * p.x2 >= 0 ? 1.0 : -1.0));
    CHECK(std::fabs(p.x1) >= 0.3);
    CHECK(std::fabs(p.x2) >= 0.3);
  }
}

TEST_CASE("gauss: two clouds centred on (2, 2) and (-2, -2)") {
  double sx = 0, sy = 0;
  int n = 0;
  for (const Point& p : generate({DatasetKind::kGauss, 2000, 0, 3})) {
    if (p.label > 0) {
      sx += p.x1;
      sy += p.x2;
      ++n;
    }
  }
  CHECK(sx / n == doctest::Approx(2).epsilon(0.05));
  CHECK(sy / n == doctest::Approx(2).epsilon(0.05));
}

TEST_CASE("spiral: two arms of 250 points reaching radius 5") {
  const auto points = generate({DatasetKind::kSpiral, 500, 0, 3});
  REQUIRE(points.size() == 500);
  CHECK(std::hypot(points[249].x1, points[249].x2) == doctest::Approx(5 * 249.0 / 250));
  CHECK(points[0].label == 1);
  CHECK(points[499].label == -1);
}

TEST_CASE("regression sets: plane is (x1 + x2)/10 without noise; multigauss stays in [-1, 1]") {
  for (const Point& p : generate({DatasetKind::kPlane, 200, 0, 3}))
    CHECK(p.label == doctest::Approx((p.x1 + p.x2) / 10));
  for (const Point& p : generate({DatasetKind::kMultiGauss, 200, 0, 3})) {
    CHECK(p.label >= -1);
    CHECK(p.label <= 1);
  }
  CHECK_FALSE(is_classification(DatasetKind::kPlane));
  CHECK(is_classification(DatasetKind::kSpiral));
}

TEST_CASE("the same seed gives the same data, and the split keeps every point once") {
  const auto a = generate({DatasetKind::kXor, 100, 0.2, 9});
  const auto b = generate({DatasetKind::kXor, 100, 0.2, 9});
  CHECK(a[17].x1 == b[17].x1);
  std::vector<Point> train, test;
  split(a, 0.7, 4, train, test);
  CHECK(train.size() == 70);
  CHECK(test.size() == 30);
}

TEST_CASE("features and labels are laid out one column per point") {
  const std::vector<Point> points{{1, 2, 1}, {-0.5, 3, -1}};
  const auto x = feature_matrix(points, {Feature::kX1, Feature::kX2, Feature::kX1Squared, Feature::kX2Squared,
                                         Feature::kX1X2, Feature::kSinX1, Feature::kSinX2});
  CHECK(x.rows() == 7);
  CHECK(x(4, 1) == -1.5);
  CHECK(x(2, 1) == 0.25);
  CHECK(x(6, 0) == std::sin(2.0));
  const auto y = label_matrix(points, Activation::kSigmoid);
  CHECK(y(0, 0) == 1);
  CHECK(y(0, 1) == 0);
  CHECK(feature_named("x1*x2") == Feature::kX1X2);
}

TEST_CASE("the sets of 3 to 5 classes: as many points per class, every label a class in range, seeds reproduce") {
  struct Expected {
    DatasetKind kind;
    int classes;
    int per_class;
  };
  for (const auto& [kind, classes, per_class] : {Expected{DatasetKind::kBlobs3, 3, 166}, {DatasetKind::kBlobs4, 4, 125},
                                                 {DatasetKind::kBlobs5, 5, 100}, {DatasetKind::kSpiral3, 3, 166},
                                                 {DatasetKind::kRings3, 3, 166}, {DatasetKind::kPinwheel, 5, 100}}) {
    CAPTURE(dataset_name(kind));
    CHECK(class_count(kind) == classes);
    CHECK(dataset_named(dataset_name(kind)) == kind);
    for (double noise : {0.0, 0.5}) {
      const auto points = generate({kind, 500, noise, 7});
      CHECK(class_count(points) == classes);
      std::vector<int> counts(static_cast<std::size_t>(classes), 0);
      for (const Point& p : points) {
        const int k = class_of(p.label);
        REQUIRE(k >= 0);
        REQUIRE(k < classes);
        ++counts[static_cast<std::size_t>(k)];
        CHECK(std::isfinite(p.x1));
        CHECK(std::isfinite(p.x2));
      }
      for (int n : counts) CHECK(n == per_class);
      const auto again = generate({kind, 500, noise, 7});
      const auto other = generate({kind, 500, noise, 8});
      bool same = true, differs = false;
      for (std::size_t i = 0; i < points.size(); ++i) {
        same = same && points[i].x1 == again[i].x1 && points[i].x2 == again[i].x2 && points[i].label == again[i].label;
        differs = differs || points[i].x1 != other[i].x1;
      }
      CHECK(same);
      if (kind != DatasetKind::kSpiral3 || noise > 0) CHECK(differs);  // a noiseless spiral draws no random numbers
    }
  }
}

TEST_CASE("class labels keep TensorFlow Playground's -1 and +1 for classes 0 and 1, then k for class k") {
  CHECK(label_of_class(0) == -1);
  CHECK(label_of_class(1) == 1);
  CHECK(label_of_class(5) == 5);
  for (int k = 0; k < kMaxClasses; ++k) CHECK(class_of(label_of_class(k)) == k);
  CHECK(class_of(0) == -1);
  CHECK(class_of(0.5) == -1);
  CHECK(class_of(6) == -1);
  CHECK(class_count(std::vector<Point>{{0, 0, -1}, {0, 0, 1}}) == 2);
  CHECK(class_count(std::vector<Point>{{0, 0, 1}}) == 2);
  CHECK(class_count(std::vector<Point>{{0, 0, -1}, {0, 0, 4}}) == 5);
  CHECK(class_count(std::vector<Point>{{0, 0, -1}, {0, 0, 0.25}}) == 0);  // a regression
}

TEST_CASE("blobs sit around a circle of radius 3.5; rings keep their classes' radii without noise") {
  const auto blobs = generate({DatasetKind::kBlobs4, 4000, 0, 3});
  for (int k = 0; k < 4; ++k) {
    double sx = 0, sy = 0;
    int n = 0;
    for (const Point& p : blobs) {
      if (class_of(p.label) == k) sx += p.x1, sy += p.x2, ++n;
    }
    const double angle = 3.14159265358979323846 / 2 + 2 * 3.14159265358979323846 * k / 4;
    CHECK(sx / n == doctest::Approx(3.5 * std::cos(angle)).epsilon(0.02).scale(1));
    CHECK(sy / n == doctest::Approx(3.5 * std::sin(angle)).epsilon(0.02).scale(1));
  }
  for (const Point& p : generate({DatasetKind::kRings3, 600, 0, 3})) {
    const double r = std::hypot(p.x1, p.x2);
    const int k = class_of(p.label);
    CHECK(r >= 2.0 * k + (k ? 0.5 : 0.0) - 1e-12);
    CHECK(r <= 2.0 * k + 1.5 + 1e-12);
  }
}

TEST_CASE("one-hot targets, softmax accuracy and the confusion matrix count by the largest probability") {
  const std::vector<Point> points{{0, 0, -1}, {0, 0, 1}, {0, 0, 2}, {0, 0, 2}};
  const Eigen::MatrixXd y = label_matrix(points, Activation::kSoftmax, 3);
  REQUIRE(y.rows() == 3);
  CHECK(y(0, 0) == 1);
  CHECK(y(1, 1) == 1);
  CHECK(y(2, 3) == 1);
  CHECK(y.sum() == 4);
  Eigen::MatrixXd out(3, 4);
  out << 0.7, 0.1, 0.2, 0.5,  //
      0.2, 0.8, 0.1, 0.1,     //
      0.1, 0.1, 0.7, 0.4;     // the last point (class 2) is taken for class 0
  CHECK(accuracy(out, points, Activation::kSoftmax) == 0.75);
  const Eigen::MatrixXi m = confusion_matrix(out, points, Activation::kSoftmax, 3);
  CHECK(m(0, 0) == 1);
  CHECK(m(1, 1) == 1);
  CHECK(m(2, 2) == 1);
  CHECK(m(2, 0) == 1);
  CHECK(m.sum() == 4);
}
