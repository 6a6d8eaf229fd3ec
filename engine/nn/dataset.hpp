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

// TensorFlow Playground's six, then sets of 3 to 5 classes (Gaussian blobs, a 3-arm spiral, 3 rings, a pinwheel).
enum class DatasetKind {
  kCircle, kXor, kGauss, kSpiral, kPlane, kMultiGauss,
  kBlobs3, kBlobs4, kBlobs5, kSpiral3, kRings3, kPinwheel
};
inline constexpr DatasetKind kDatasetKinds[] = {
    DatasetKind::kCircle, DatasetKind::kXor,    DatasetKind::kGauss,  DatasetKind::kSpiral,
    DatasetKind::kPlane,  DatasetKind::kMultiGauss, DatasetKind::kBlobs3, DatasetKind::kBlobs4,
    DatasetKind::kBlobs5, DatasetKind::kSpiral3, DatasetKind::kRings3, DatasetKind::kPinwheel};

std::string_view dataset_name(DatasetKind kind);  // ... "blobs3" "blobs4" "blobs5" "spiral3" "rings3" "pinwheel"
std::optional<DatasetKind> dataset_named(std::string_view name);
bool is_classification(DatasetKind kind);
int class_count(DatasetKind kind);  // 2 for TF Playground's classification sets, 3 … 5 for ours, 0 for a regression

struct Point {
  double x1 = 0, x2 = 0;
  double label = 0;  // classification: a class label (label_of_class); regression: a value in [-1, 1]
};

// Class labels: TensorFlow Playground's -1 (class 0) and +1 (class 1), then k itself for class k = 2 … 5, so a
// two-class set (and every link and CSV file written for one) reads the same as before.
inline constexpr int kMaxClasses = 6;
double label_of_class(int k);
int class_of(double label);  // -1 → 0, +1 → 1, k → k for k = 2 … 5; -1 when `label` is no class label
// The classes a set of points needs (the largest class + 1, at least 2); 0 when a label is no class label
// (a regression) or there are no points.
int class_count(const std::vector<Point>& points);

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
// Targets: labels as they are (±1 or regression values), {0, 1} for a sigmoid output, or one-hot columns of
// `classes` rows for a softmax output.
Eigen::MatrixXd label_matrix(const std::vector<Point>& points, Activation output_activation, int classes = 2);
// The class a network picks from column j of its outputs: the largest softmax probability, else the sign
// (> 0.5 after a sigmoid): class 1 (+1) or class 0 (-1).
int predicted_class(const Eigen::Ref<const Eigen::MatrixXd>& outputs, Eigen::Index j, Activation output_activation);
// Share of points whose predicted class matches the label's.
double accuracy(const Eigen::MatrixXd& outputs, const std::vector<Point>& points, Activation output_activation);
// Counts: row = true class, column = predicted class (classes × classes).
Eigen::MatrixXi confusion_matrix(const Eigen::MatrixXd& outputs, const std::vector<Point>& points,
                                 Activation output_activation, int classes);

}  // namespace bp::nn
