// Derived values and comparisons of the app state.
#include "state/app_state.hpp"

#include <cmath>
#include <tuple>

namespace bp::app {

NetworkData::NetworkData() : features{nn::Feature::kX1, nn::Feature::kX2} {}

double step_size(const FunctionState& state) { return state.h; }

RacerSettings racer_defaults(RaceRule rule) {
  RacerSettings r;
  r.rule = rule;
  r.hyper = optim::defaults_for(rule == RaceRule::kNewton ? optim::Rule::kSgd : optim_rule(rule));
  if (rule == RaceRule::kNewton) r.hyper.learning_rate = 1;
  return r;
}

std::vector<double> dropout_rates(const NetworkState& state) {
  std::vector<double> rates(state.model.hidden.size(), 0.0);
  for (std::size_t l = 0; l < rates.size() && l < state.dropout.size(); ++l) rates[l] = state.dropout[l];
  return rates;
}

namespace {
auto fields(const PlaneState& s) {
  return std::tie(s.y0, s.view_y_min, s.view_y_max, s.view, s.yaw, s.pitch, s.zoom, s.direction, s.show_field,
                  s.show_level);
}
auto fields(const FunctionState& s) {
  return std::tie(s.text, s.x0, s.h, s.scheme, s.show_derivative, s.show_reading, s.table_points,
                  s.learning_rate, s.view_x_min, s.view_x_max, s.view_y_min, s.view_y_max, s.plane, s.show_taylor,
                  s.race);
}
auto fields(const optim::Hyperparameters& h) {
  return std::tie(h.learning_rate, h.momentum, h.alpha, h.beta1, h.beta2, h.epsilon, h.weight_decay);
}
auto fields(const RaceState& s) {
  return std::tie(s.racers, s.noise, s.seed, s.steps, s.is_playing, s.steps_per_second, s.log_scale);
}
auto fields(const GraphState& s) {
  return std::tie(s.program, s.values, s.backward_step, s.show_check, s.check_scheme, s.check_h);
}
auto fields(const NetworkData& s) { return std::tie(s.set, s.noise, s.train_percent, s.seed, s.features); }
auto fields(const NetworkModel& s) {
  return std::tie(s.hidden, s.activation, s.output, s.seed, s.optimizer, s.regularization, s.regularization_rate,
                  s.skip);
}
auto fields(const NetworkState& s) {
  return std::tie(s.data, s.points, s.function_text, s.model, s.loss, s.learning_rate, s.batch_size, s.weights,
                  s.epochs, s.dropout);
}
auto fields(const ExerciseState& s) {
  return std::tie(s.hide, s.lock, s.ask, s.tolerance, s.absolute_tolerance, s.reveal_after, s.is_authoring);
}
auto fields(const AppState& s) { return std::tie(s.mode, s.function, s.graph, s.network, s.exercise); }
}  // namespace

bool operator==(const PlaneState& a, const PlaneState& b) { return fields(a) == fields(b); }
bool operator==(const RacerSettings& a, const RacerSettings& b) {
  return a.rule == b.rule && fields(a.hyper) == fields(b.hyper);
}
bool operator==(const RaceState& a, const RaceState& b) { return fields(a) == fields(b); }
bool operator==(const FunctionState& a, const FunctionState& b) { return fields(a) == fields(b); }
bool operator==(const GraphState& a, const GraphState& b) { return fields(a) == fields(b); }
bool operator==(const NetworkData& a, const NetworkData& b) { return fields(a) == fields(b); }
bool operator==(const NetworkModel& a, const NetworkModel& b) { return fields(a) == fields(b); }
bool operator==(const NetworkState& a, const NetworkState& b) { return fields(a) == fields(b); }
bool operator==(const ExerciseState& a, const ExerciseState& b) { return fields(a) == fields(b); }
bool operator==(const AppState& a, const AppState& b) { return fields(a) == fields(b); }

}  // namespace bp::app
