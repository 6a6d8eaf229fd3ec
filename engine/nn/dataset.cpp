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

// Gaussian clouds centred on a circle of radius 3.5, `classes` of them; noise widens them as gauss's does.
std::vector<Point> blobs(const DatasetConfig& c, Rng& rng, int classes) {
  const double sd = std::sqrt(0.5 + 3.5 * (c.noise / 0.5)) * 0.6;
  std::vector<Point> points;
  for (int k = 0; k < classes; ++k) {
    const double angle = kPi / 2 + 2 * kPi * k / classes;
    const double cx = 3.5 * std::cos(angle), cy = 3.5 * std::sin(angle);
    for (int i = 0; i < c.samples / classes; ++i) {
      points.push_back({cx + sd * rng.normal(), cy + sd * rng.normal(), label_of_class(k)});
    }
  }
  return points;
}

// TensorFlow Playground's spiral with three arms a third of a turn apart.
std::vector<Point> spiral3(const DatasetConfig& c, Rng& rng) {
  std::vector<Point> points;
  const int n = c.samples / 3;
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < n; ++i) {
      const double r = static_cast<double>(i) / n * 5;
      const double t = 1.75 * i / static_cast<double>(n) * 2 * kPi + 2 * kPi * k / 3;
      points.push_back({r * std::sin(t) + rng.uniform(-1, 1) * c.noise, r * std::cos(t) + rng.uniform(-1, 1) * c.noise,
                        label_of_class(k)});
    }
  }
  return points;
}

// A disc and two rings around it (radii 0–1.5, 2.5–3.5, 4.5–5.5); noise moves the points, not their class.
std::vector<Point> rings3(const DatasetConfig& c, Rng& rng) {
  static constexpr double kBands[3][2] = {{0, 1.5}, {2.5, 3.5}, {4.5, 5.5}};
  std::vector<Point> points;
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < c.samples / 3; ++i) {
      const double r = rng.uniform(kBands[k][0], kBands[k][1]), angle = rng.uniform(0, 2 * kPi);
      const double nx = rng.uniform(-5, 5) * c.noise, ny = rng.uniform(-5, 5) * c.noise;
      points.push_back({r * std::cos(angle) + nx, r * std::sin(angle) + ny, label_of_class(k)});
    }
  }
  return points;
}

// Five curved arms (Johnson et al. 2016's pinwheel: radial spread 0.3, tangential 0.05 plus noise, twist
// 0.25·e^r), scaled by 3 to fill the square.
std::vector<Point> pinwheel(const DatasetConfig& c, Rng& rng) {
  constexpr int kArms = 5;
  const double tangential = 0.05 + 0.3 * c.noise;
  std::vector<Point> points;
  for (int k = 0; k < kArms; ++k) {
    for (int i = 0; i < c.samples / kArms; ++i) {
      const double radial = 1 + 0.3 * rng.normal(), across = tangential * rng.normal();
      const double angle = 2 * kPi * k / kArms + 0.25 * std::exp(radial);
      const double x = radial * std::cos(angle) - across * std::sin(angle);
      const double y = radial * std::sin(angle) + across * std::cos(angle);
      points.push_back({3 * x, 3 * y, label_of_class(k)});
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
    case DatasetKind::kBlobs3: return "blobs3";
    case DatasetKind::kBlobs4: return "blobs4";
    case DatasetKind::kBlobs5: return "blobs5";
    case DatasetKind::kSpiral3: return "spiral3";
    case DatasetKind::kRings3: return "rings3";
    case DatasetKind::kPinwheel: return "pinwheel";
  }
  return "?";
}

std::optional<DatasetKind> dataset_named(std::string_view name) {
  for (DatasetKind k : kDatasetKinds) {
    if (dataset_name(k) == name) return k;
  }
  return std::nullopt;
}

bool is_classification(DatasetKind kind) { return class_count(kind) > 0; }

int class_count(DatasetKind kind) {
  switch (kind) {
    case DatasetKind::kPlane: case DatasetKind::kMultiGauss: return 0;
    case DatasetKind::kBlobs3: case DatasetKind::kSpiral3: case DatasetKind::kRings3: return 3;
    case DatasetKind::kBlobs4: return 4;
    case DatasetKind::kBlobs5: case DatasetKind::kPinwheel: return 5;
    default: return 2;
  }
}

double label_of_class(int k) { return k == 0 ? -1.0 : static_cast<double>(k); }

int class_of(double label) {
  if (label == -1) return 0;
  for (int k = 1; k < kMaxClasses; ++k) {
    if (label == k) return k;
  }
  return -1;
}

int class_count(const std::vector<Point>& points) {
  int top = -1;
  for (const Point& p : points) {
    const int k = class_of(p.label);
    if (k < 0) return 0;
    top = std::max(top, k);
  }
  return top < 0 ? 0 : std::max(2, top + 1);
}

std::vector<Point> generate(const DatasetConfig& config) {
  Rng rng(config.seed);
  switch (config.kind) {
    case DatasetKind::kCircle: return circle(config, rng);
    case DatasetKind::kXor: return xor_data(config, rng);
    case DatasetKind::kGauss: return gauss(config, rng);
    case DatasetKind::kSpiral: return spiral(config, rng);
    case DatasetKind::kPlane: return regression(config, rng, plane_label);
    case DatasetKind::kMultiGauss: return regression(config, rng, multi_gauss_label);
    case DatasetKind::kBlobs3: return blobs(config, rng, 3);
    case DatasetKind::kBlobs4: return blobs(config, rng, 4);
    case DatasetKind::kBlobs5: return blobs(config, rng, 5);
    case DatasetKind::kSpiral3: return spiral3(config, rng);
    case DatasetKind::kRings3: return rings3(config, rng);
    case DatasetKind::kPinwheel: return pinwheel(config, rng);
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

Eigen::MatrixXd label_matrix(const std::vector<Point>& points, Activation output_activation, int classes) {
  const bool one_hot = output_activation == Activation::kSoftmax;
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(one_hot ? classes : 1, static_cast<Eigen::Index>(points.size()));
  for (Eigen::Index j = 0; j < y.cols(); ++j) {
    const double label = points[static_cast<std::size_t>(j)].label;
    if (one_hot) {
      y(class_of(label), j) = 1;  // every point of a softmax set has a class label (Trainer checks)
    } else {
      y(0, j) = output_activation == Activation::kSigmoid ? (label > 0 ? 1.0 : 0.0) : label;
    }
  }
  return y;
}

int predicted_class(const Eigen::Ref<const Eigen::MatrixXd>& outputs, Eigen::Index j, Activation output_activation) {
  if (output_activation == Activation::kSoftmax) {
    Eigen::Index best = 0;
    outputs.col(j).maxCoeff(&best);
    return static_cast<int>(best);
  }
  const double threshold = output_activation == Activation::kSigmoid ? 0.5 : 0.0;
  return outputs(0, j) > threshold ? 1 : 0;
}

double accuracy(const Eigen::MatrixXd& outputs, const std::vector<Point>& points, Activation output_activation) {
  if (points.empty()) return 0;
  int correct = 0;
  for (std::size_t j = 0; j < points.size(); ++j) {
    const int truth = output_activation == Activation::kSoftmax ? class_of(points[j].label) : points[j].label > 0;
    correct += predicted_class(outputs, static_cast<Eigen::Index>(j), output_activation) == truth;
  }
  return static_cast<double>(correct) / static_cast<double>(points.size());
}

Eigen::MatrixXi confusion_matrix(const Eigen::MatrixXd& outputs, const std::vector<Point>& points,
                                 Activation output_activation, int classes) {
  Eigen::MatrixXi counts = Eigen::MatrixXi::Zero(classes, classes);
  for (std::size_t j = 0; j < points.size(); ++j) {
    const int truth = class_of(points[j].label);
    const int guess = predicted_class(outputs, static_cast<Eigen::Index>(j), output_activation);
    if (truth >= 0 && truth < classes && guess < classes) ++counts(truth, guess);
  }
  return counts;
}

}  // namespace bp::nn
