// The data sets of TensorFlow Playground's dataset.ts, point for point in shape (our own seeded RNG).
#include "nn/dataset.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "nn/rng.hpp"

namespace bp::nn {

namespace {
constexpr double kPi = 3.14159265358979323846;

std::vector<Point> circle(const DatasetConfig& c, Rng& rng) {
  const double radius = 5;
  std::vector<Point> points;
  auto add = [&](double r_min, double r_max) {
    for (int i = 0; i < c.samples / 2; ++i) {
      const double r = rng.uniform(r_min, r_max), angle = rng.uniform(0, 2 * kPi);
      const double x = r * std::sin(angle), y = r * std::cos(angle);
      const double nx = rng.uniform(-radius, radius) * c.noise, ny = rng.uniform(-radius, radius) * c.noise;
      points.push_back({x, y, std::hypot(x + nx, y + ny) < radius * 0.5 ? 1.0 : -1.0});
    }
  };
  add(0, radius * 0.5);           // positives inside
  add(radius * 0.7, radius);      // negatives outside
  return points;
}

std::vector<Point> xor_data(const DatasetConfig& c, Rng& rng) {
  std::vector<Point> points;
  const double padding = 0.3;
  for (int i = 0; i < c.samples; ++i) {
    double x = rng.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    double y = rng.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const double nx = rng.uniform(-5, 5) * c.noise, ny = rng.uniform(-5, 5) * c.noise;
    points.push_back({x, y, (x + nx) * (y + ny) >= 0 ? 1.0 : -1.0});
  }
  return points;
}

std::vector<Point> gauss(const DatasetConfig& c, Rng& rng) {
  const double variance = 0.5 + 3.5 * (c.noise / 0.5);  // d3 scale [0, .5] -> [0.5, 4]
  std::vector<Point> points;
  for (const auto& [cx, label] : {std::pair{2.0, 1.0}, std::pair{-2.0, -1.0}}) {
    for (int i = 0; i < c.samples / 2; ++i) {
      const double x = cx + std::sqrt(variance) * rng.normal();
      const double y = cx + std::sqrt(variance) * rng.normal();
      points.push_back({x, y, label});
    }
  }
  return points;
}

std::vector<Point> spiral(const DatasetConfig& c, Rng& rng) {
  std::vector<Point> points;
  const int n = c.samples / 2;
  for (const auto& [delta, label] : {std::pair{0.0, 1.0}, std::pair{kPi, -1.0}}) {
    for (int i = 0; i < n; ++i) {
      const double r = static_cast<double>(i) / n * 5;
      const double t = 1.75 * i / static_cast<double>(n) * 2 * kPi + delta;
      points.push_back({r * std::sin(t) + rng.uniform(-1, 1) * c.noise, r * std::cos(t) + rng.uniform(-1, 1) * c.noise,
                        label});
    }
  }
  return points;
}

template <class Label>
std::vector<Point> regression(const DatasetConfig& c, Rng& rng, Label label) {
  const double radius = 6;
  std::vector<Point> points;
  for (int i = 0; i < c.samples; ++i) {
    const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
    const double nx = rng.uniform(-radius, radius) * c.noise, ny = rng.uniform(-radius, radius) * c.noise;
    points.push_back({x, y, label(x + nx, y + ny)});
  }
  return points;
}

double plane_label(double x, double y) { return (x + y) / 10; }  // d3 scale [-10, 10] -> [-1, 1]

double multi_gauss_label(double x, double y) {
  static constexpr std::array<std::array<double, 3>, 6> kGaussians{
      {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}}};
  double label = 0;
  for (const auto& [cx, cy, sign] : kGaussians) {
    const double d = std::hypot(x - cx, y - cy);
    const double scaled = sign * std::clamp(1 - d / 2, 0.0, 1.0);  // d3 scale [0, 2] -> [1, 0], clamped
    if (std::fabs(scaled) > std::fabs(label)) label = scaled;
  }
  return label;
}
}  // namespace

std::string_view dataset_name(DatasetKind kind) {
  switch (kind) {
    case DatasetKind::kCircle: return "circle";
    case DatasetKind::kXor: return "xor";
    case DatasetKind::kGauss: return "gauss";
    case DatasetKind::kSpiral: return "spiral";
    case DatasetKind::kPlane: return "plane";
    case DatasetKind::kMultiGauss: return "multigauss";
  }
  return "?";
}

std::optional<DatasetKind> dataset_named(std::string_view name) {
  for (DatasetKind k : kDatasetKinds) {
    if (dataset_name(k) == name) return k;
  }
  return std::nullopt;
}

bool is_classification(DatasetKind kind) { return kind != DatasetKind::kPlane && kind != DatasetKind::kMultiGauss; }

std::vector<Point> generate(const DatasetConfig& config) {
  Rng rng(config.seed);
  switch (config.kind) {
    case DatasetKind::kCircle: return circle(config, rng);
    case DatasetKind::kXor: return xor_data(config, rng);
    case DatasetKind::kGauss: return gauss(config, rng);
    case DatasetKind::kSpiral: return spiral(config, rng);
    case DatasetKind::kPlane: return regression(config, rng, plane_label);
    case DatasetKind::kMultiGauss: return regression(config, rng, multi_gauss_label);
  }
  return {};
}

void split(std::vector<Point> points, double train_ratio, std::uint64_t seed, std::vector<Point>& train,
           std::vector<Point>& test) {
  Rng rng(seed ^ 0x5EEDull);
  rng.shuffle(points);
  const auto n_train =
      static_cast<std::size_t>(std::lround(std::clamp(train_ratio, 0.0, 1.0) * static_cast<double>(points.size())));
  train.assign(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(n_train));
  test.assign(points.begin() + static_cast<std::ptrdiff_t>(n_train), points.end());
}

std::string_view feature_name(Feature f) {
  switch (f) {
    case Feature::kX1: return "x1";
    case Feature::kX2: return "x2";
    case Feature::kX1Squared: return "x1^2";
    case Feature::kX2Squared: return "x2^2";
    case Feature::kX1X2: return "x1*x2";
    case Feature::kSinX1: return "sin(x1)";
    case Feature::kSinX2: return "sin(x2)";
  }
  return "?";
}

std::optional<Feature> feature_named(std::string_view name) {
  for (Feature f : kFeatures) {
    if (feature_name(f) == name) return f;
  }
  return std::nullopt;
}

double feature_value(Feature f, double x1, double x2) {
  switch (f) {
    case Feature::kX1: return x1;
    case Feature::kX2: return x2;
    case Feature::kX1Squared: return x1 * x1;
    case Feature::kX2Squared: return x2 * x2;
    case Feature::kX1X2: return x1 * x2;
    case Feature::kSinX1: return std::sin(x1);
    case Feature::kSinX2: return std::sin(x2);
  }
  return 0;
}

Eigen::MatrixXd feature_matrix(const std::vector<Point>& points, const std::vector<Feature>& features) {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(features.size()), static_cast<Eigen::Index>(points.size()));
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const Point& p = points[static_cast<std::size_t>(j)];
      x(i, j) = feature_value(features[static_cast<std::size_t>(i)], p.x1, p.x2);
    }
  }
  return x;
}

Eigen::MatrixXd label_matrix(const std::vector<Point>& points, Activation output_activation) {
  Eigen::MatrixXd y(1, static_cast<Eigen::Index>(points.size()));
  for (Eigen::Index j = 0; j < y.cols(); ++j) {
    const double label = points[static_cast<std::size_t>(j)].label;
    y(0, j) = output_activation == Activation::kSigmoid ? (label > 0 ? 1.0 : 0.0) : label;
  }
  return y;
}

double accuracy(const Eigen::MatrixXd& outputs, const std::vector<Point>& points, Activation output_activation) {
  if (points.empty()) return 0;
  const double threshold = output_activation == Activation::kSigmoid ? 0.5 : 0.0;
  int correct = 0;
  for (std::size_t j = 0; j < points.size(); ++j) {
    const bool predicted = outputs(0, static_cast<Eigen::Index>(j)) > threshold;
    correct += predicted == (points[j].label > 0);
  }
  return static_cast<double>(correct) / static_cast<double>(points.size());
}

}  // namespace bp::nn
