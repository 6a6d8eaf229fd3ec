// The values each setting offers, in the order the panels list them, each with its name: the one
// list the link's property table and the panels' combos are built from. Names come from the engine
// (nn::activation_name, ...); only the app's own values (modes, the learner's data sets) are named here.
// No ImGui.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "state/app_state.hpp"

namespace bp::app {

template <class E>
struct Choice {
  E value;
  std::string_view name;
};
template <class E>
using Choices = std::vector<Choice<E>>;

const Choices<Mode>& mode_choices();                       // function graph network
const Choices<Scheme>& scheme_choices();                   // forward central backward
const Choices<PlaneView>& plane_view_choices();            // map surface
const Choices<DataSet>& data_set_choices();                // circle … function, blobs3 … pinwheel
const Choices<nn::Feature>& feature_choices();             // x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2)
const Choices<nn::Activation>& activation_choices();       // hidden layers: tanh relu sigmoid linear
const Choices<nn::Activation>& output_activation_choices();  // tanh linear sigmoid softmax
const Choices<nn::Loss>& loss_choices();                   // mse bce crossentropy
const Choices<nn::OptimizerKind>& optimizer_choices();     // sgd momentum adam
const Choices<nn::Regularization>& regularization_choices();  // none l1 l2
// The race's racers: sgd momentum nesterov adagrad rmsprop adam adamw (engine/optim's names) newton
const Choices<RaceRule>& race_rule_choices();

// The name of `value` in `choices` ("?" when it is not offered there).
template <class E>
std::string_view name_of(const Choices<E>& choices, E value) {
  for (const auto& c : choices) {
    if (c.value == value) return c.name;
  }
  return "?";
}

// The value called `name` in `choices`, if offered.
template <class E>
std::optional<E> value_named(const Choices<E>& choices, std::string_view name) {
  for (const auto& c : choices) {
    if (c.name == name) return c.value;
  }
  return std::nullopt;
}

// The names joined: ("a b c", " ", " ") or ("a, b or c", ", ", " or ").
template <class E>
std::string names_joined(const Choices<E>& choices, std::string_view separator, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? last : separator;
    out += choices[i].name;
  }
  return out;
}

// The engine's data set behind a generated one; nullopt for the learner's points and for f's samples.
std::optional<nn::DatasetKind> generated_kind(DataSet set);

}  // namespace bp::app
