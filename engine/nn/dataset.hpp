// Toy data sets with TensorFlow Playground's definitions (dataset.ts), the input features it offers,
// train/test split, and labels shaped for a network's output.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "nn/activation.hpp"

namespace bp::nn {

enum class DatasetKind { kCircle, kXor, kGauss, kSpiral, kPlane, kMultiGauss };
inline constexpr DatasetKind kDatasetKinds[] = {DatasetKind::kCircle, DatasetKind::kXor,   DatasetKind::kGauss,
                                                DatasetKind::kSpiral, DatasetKind::kPlane, DatasetKind::kMultiGauss};

std::string_view dataset_name(DatasetKind kind);
std::optional<DatasetKind> dataset_named(std::string_view name);
bool is_classification(DatasetKind kind);

struct Point {
  double x1 = 0, x2 = 0;
  double label = 0;  // classification: +1 or -1; regression: a value in [-1, 1]
};

struct DatasetConfig {
  DatasetKind kind = DatasetKind::kCircle;
  int samples = 500;
  double noise = 0;        // 0 … 0.5, TensorFlow Playground's slider divided by 100
  std::uint64_t seed = 1;
};

std::vector<Point> generate(const DatasetConfig& config);

// Shuffles with the seed, then the first `train_ratio` of the points train and the rest test.
void split(std::vector<Point> points, double train_ratio, std::uint64_t seed, std::vector<Point>& train,
           std::vector<Point>& test);

enum class Feature { kX1, kX2, kX1Squared, kX2Squared, kX1X2, kSinX1, kSinX2 };
inline constexpr Feature kFeatures[] = {Feature::kX1,    Feature::kX2,    Feature::kX1Squared, Feature::kX2Squared,
                                        Feature::kX1X2, Feature::kSinX1, Feature::kSinX2};
std::string_view feature_name(Feature f);  // "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"
std::optional<Feature> feature_named(std::string_view name);
double feature_value(Feature f, double x1, double x2);

// Inputs for a network: one row per feature, one column per point.
Eigen::MatrixXd feature_matrix(const std::vector<Point>& points, const std::vector<Feature>& features);
// Targets: labels as they are (±1 or regression values), or {0, 1} for a sigmoid output.
Eigen::MatrixXd label_matrix(const std::vector<Point>& points, Activation output_activation);
// Share of points whose predicted class (sign, or > 0.5 for a sigmoid output) matches the label.
double accuracy(const Eigen::MatrixXd& outputs, const std::vector<Point>& points, Activation output_activation);

}  // namespace bp::nn
