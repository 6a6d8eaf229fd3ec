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
