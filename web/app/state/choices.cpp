// Each list once: which engine values a setting offers, in the panels' order.
#include "state/choices.hpp"

#include <initializer_list>

namespace bp::app {

namespace {
template <class E, class Values>
Choices<E> named_by(std::string_view (*name)(E), const Values& values) {
  Choices<E> out;
  for (E v : values) out.push_back({v, name(v)});
  return out;
}
template <class E>
Choices<E> named_by(std::string_view (*name)(E), std::initializer_list<E> values) {
  return named_by<E, std::initializer_list<E>>(name, values);
}
}  // namespace

const Choices<Mode>& mode_choices() {
  static const Choices<Mode> list{{Mode::kFunction, "function"}, {Mode::kGraph, "graph"}, {Mode::kNetwork, "network"}};
  return list;
}

const Choices<Scheme>& scheme_choices() {
  static const Choices<Scheme> list{
      {Scheme::kForward, "forward"}, {Scheme::kCentral, "central"}, {Scheme::kBackward, "backward"}};
  return list;
}

const Choices<PlaneView>& plane_view_choices() {
  static const Choices<PlaneView> list{{PlaneView::kMap, "map"}, {PlaneView::kSurface, "surface"}};
  return list;
}

std::optional<nn::DatasetKind> generated_kind(DataSet set) {
  switch (set) {
    case DataSet::kCircle: return nn::DatasetKind::kCircle;
    case DataSet::kXor: return nn::DatasetKind::kXor;
    case DataSet::kGauss: return nn::DatasetKind::kGauss;
    case DataSet::kSpiral: return nn::DatasetKind::kSpiral;
    case DataSet::kPlane: return nn::DatasetKind::kPlane;
    case DataSet::kMultiGauss: return nn::DatasetKind::kMultiGauss;
    case DataSet::kBlobs3: return nn::DatasetKind::kBlobs3;
    case DataSet::kBlobs4: return nn::DatasetKind::kBlobs4;
    case DataSet::kBlobs5: return nn::DatasetKind::kBlobs5;
    case DataSet::kSpiral3: return nn::DatasetKind::kSpiral3;
    case DataSet::kRings3: return nn::DatasetKind::kRings3;
    case DataSet::kPinwheel: return nn::DatasetKind::kPinwheel;
    case DataSet::kCustom: case DataSet::kFunction: return std::nullopt;
  }
  return std::nullopt;
}

const Choices<DataSet>& data_set_choices() {
  static const Choices<DataSet> list = [] {
    Choices<DataSet> out;
    auto add = [&out](std::initializer_list<DataSet> sets) {
      for (DataSet set : sets) out.push_back({set, nn::dataset_name(*generated_kind(set))});
    };
    add({DataSet::kCircle, DataSet::kXor, DataSet::kGauss, DataSet::kSpiral, DataSet::kPlane, DataSet::kMultiGauss});
    out.push_back({DataSet::kCustom, "custom"});
    out.push_back({DataSet::kFunction, "function"});
    add({DataSet::kBlobs3, DataSet::kBlobs4, DataSet::kBlobs5, DataSet::kSpiral3, DataSet::kRings3,
         DataSet::kPinwheel});
    return out;
  }();
  return list;
}

const Choices<nn::Feature>& feature_choices() {
  static const Choices<nn::Feature> list = named_by(nn::feature_name, nn::kFeatures);
  return list;
}

const Choices<nn::Activation>& activation_choices() {
  using nn::Activation;
  static const Choices<Activation> list = named_by(
      nn::activation_name, {Activation::kTanh, Activation::kRelu, Activation::kSigmoid, Activation::kLinear});
  return list;
}

const Choices<nn::Activation>& output_activation_choices() {
  using nn::Activation;
  static const Choices<Activation> list =
      named_by(nn::activation_name,
               {Activation::kTanh, Activation::kLinear, Activation::kSigmoid, Activation::kSoftmax});
  return list;
}

const Choices<nn::Loss>& loss_choices() {
  static const Choices<nn::Loss> list =
      named_by(nn::loss_name, {nn::Loss::kMse, nn::Loss::kBce, nn::Loss::kCrossEntropy});
  return list;
}

const Choices<nn::OptimizerKind>& optimizer_choices() {
  static const Choices<nn::OptimizerKind> list = named_by(nn::optimizer_name, nn::kOptimizerKinds);
  return list;
}

const Choices<nn::Regularization>& regularization_choices() {
  static const Choices<nn::Regularization> list = named_by(nn::regularization_name, nn::kRegularizations);
  return list;
}

const Choices<RaceRule>& race_rule_choices() {
  static const Choices<RaceRule> list = [] {
    Choices<RaceRule> out;
    for (optim::Rule rule : optim::kRules) out.push_back({static_cast<RaceRule>(rule), optim::rule_name(rule)});
    out.push_back({RaceRule::kNewton, "newton"});
    return out;
  }();
  return list;
}

}  // namespace bp::app
