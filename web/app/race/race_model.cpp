// The race's trails: optim::Race steps the optimizers together (one tape pass a step for all), Newton's
// racer steps beside them on f′'s own program; this file decides when they are rebuilt and replayed.
#include "race/race_model.hpp"

#include <algorithm>
#include <cmath>

#include "expr/printer.hpp"
#include "expr/tape.hpp"

namespace bp::app {

namespace {

bool same_vars(const expr::Vars& a, const expr::Vars& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].first != b[i].first || !(a[i].second == b[i].second)) return false;
  }
  return true;
}

std::string number(double v) { return expr::format_number(v); }

}  // namespace

const char* racer_title(RaceRule rule) {
  switch (rule) {
    case RaceRule::kSgd: return "gradient descent";
    case RaceRule::kMomentum: return "momentum";
    case RaceRule::kNesterov: return "Nesterov";
    case RaceRule::kAdagrad: return "AdaGrad";
    case RaceRule::kRmsprop: return "RMSProp";
    case RaceRule::kAdam: return "Adam";
    case RaceRule::kAdamW: return "AdamW";
    case RaceRule::kNewton: return "Newton";
  }
  return "?";
}

const optim::Path& RaceModel::path(std::size_t r) const {
  const Trail& t = trails_[r];
  if (t.run >= 0) return race_->runs()[static_cast<std::size_t>(t.run)].path();
  if (t.newton) return t.newton->path;
  return t.empty;
}

bool RaceModel::any_running() const {
  for (std::size_t r = 0; r < trails_.size(); ++r) {
    if (is_running(r)) return true;
  }
  return false;
}

void RaceModel::sync(const std::string& text, const expr::Vars& start, RaceState& race) {
  race.steps = std::clamp(race.steps, 0L, optim::kMaxSteps);
  // A new start or f is a new race: it begins at step 0 (replaying a long race on every frame of a drag
  // would stall it). New settings, noise or seed replay the steps taken, to compare like with like.
  const bool same_course = text == text_ && same_vars(start, start_);
  if (is_built_ && !same_course) race.steps = 0;
  const bool same = is_built_ && same_course && race.racers == racers_ && race.noise == noise_ && race.seed == seed_;
  if (!same || race.steps < steps_) rebuild(text, start, race);
  // Catch up with the steps taken (a link's replay, or steps the state asks for); a race whose racers
  // all stopped keeps the count it reached.
  while (steps_ < race.steps && any_running()) take_step();
  race.steps = steps_;
  if (!any_running()) race.is_playing = false;
}

void RaceModel::rebuild(const std::string& text, const expr::Vars& start, const RaceState& race) {
  text_ = text, start_ = start, racers_ = race.racers, noise_ = race.noise, seed_ = race.seed;
  is_built_ = true;
  steps_ = 0;
  error_.clear();
  race_.reset();
  program_.reset();
  trails_.assign(race.racers.size(), Trail{});
  for (std::size_t r = 0; r < trails_.size(); ++r) trails_[r].rule = race.racers[r].rule;
  const auto refuse_all = [&](const std::string& why) {
    error_ = why;
    for (Trail& t : trails_) t.message = why;
  };
  if (race.racers.empty()) return;
  auto program = expr::compile(text, expr::names_of(start));
  if (!program) return refuse_all("f has an error: " + program.error().message);
  program_ = std::move(*program);
  // The start's own errors (a name that is not f's, f undefined there) once, for every racer.
  if (auto probe = optim::OptimizerRun::begin(*program_, start, optim::OptimizeOptions{}); !probe) {
    return refuse_all(probe.error().message);
  }
  std::vector<optim::Racer> racers;
  for (std::size_t r = 0; r < trails_.size(); ++r) {
    Trail& t = trails_[r];
    const RacerSettings& settings = race.racers[r];
    if (settings.rule == RaceRule::kNewton) {
      if (start.size() != 1) {
        t.message = "Newton: this race takes Newton's method in one variable only (f″ is a number there)";
        continue;
      }
      auto slope_text = expr::derivative(text, start[0].first);
      if (!slope_text) {
        t.message = "Newton: f′ has no formula here (" + slope_text.error().message + ")";
        continue;
      }
      auto slope = expr::compile(*slope_text, expr::names_of(start));
      if (!slope) {
        t.message = "Newton: f′ has no formula here (" + slope.error().message + ")";
        continue;
      }
      t.newton = Newton{std::move(*slope), settings.hyper.learning_rate, optim::Path{}};
      t.newton->path.variables = {start[0].first};
      add_newton_point(t, start[0].second);
      continue;
    }
    optim::OptimizeOptions options;
    options.rule = optim_rule(settings.rule);
    options.hyper = settings.hyper;
    options.steps = optim::kMaxSteps;
    options.noise = race.noise;
    options.seed = race.seed;
    if (std::string bad = optim::check_options(options); !bad.empty()) {
      t.message = std::string(racer_title(settings.rule)) + ": " + bad;
      continue;
    }
    t.run = static_cast<int>(racers.size());
    racers.push_back({start, options});
  }
  if (!racers.empty()) {
    auto stepped = optim::Race::begin(*program_, racers);
    if (!stepped) return refuse_all(stepped.error().message);
    race_.emplace(std::move(*stepped));
  }
  update_messages();
}

void RaceModel::take_step() {
  if (race_) race_->step();
  for (Trail& t : trails_) {
    if (t.newton && t.message.empty()) newton_step(t);
  }
  ++steps_;
  update_messages();
}

// The optimizers' stops, named: "Adam diverged at step 12: …".
void RaceModel::update_messages() {
  if (!race_) return;
  for (Trail& t : trails_) {
    if (t.run < 0 || !t.message.empty()) continue;
    const optim::OptimizerRun& run = race_->runs()[static_cast<std::size_t>(t.run)];
    if (run.diverged()) t.message = std::string(racer_title(t.rule)) + " " + run.reason();
  }
}

// f, f′ at x appended to Newton's path, or the reason it stops.
void RaceModel::add_newton_point(Trail& t, double x) {
  expr::Tape& tape = expr::tape_of(*program_);
  std::vector<double> inputs = *expr::input_values(*program_, {{start_[0].first, x}});
  const double f = tape.forward(inputs);
  tape.backward();
  const int input = static_cast<int>(program_->find_input(start_[0].first) - program_->inputs.data());
  const double slope = tape.grad_of_input(input);
  optim::Path& path = t.newton->path;
  path.values.push_back(x);
  path.f.push_back(f);
  path.grad.push_back(slope);
  const long step = static_cast<long>(path.points()) - 1;
  const std::string at = step == 0 ? "at the start" : "at step " + std::to_string(step);
  if (!std::isfinite(f) || !std::isfinite(slope)) {
    t.message = "Newton stopped " + at + ": f or f′ is not a finite number at x = " + number(x);
  }
}

void RaceModel::newton_step(Trail& t) {
  optim::Path& path = t.newton->path;
  const double x = path.values.back();
  expr::Tape& tape = expr::tape_of(t.newton->slope);
  std::vector<double> inputs = *expr::input_values(t.newton->slope, {{start_[0].first, x}});
  const double slope = tape.forward(inputs);
  tape.backward();
  const expr::Input* input = t.newton->slope.find_input(start_[0].first);
  // f′ of a linear f is a constant: no input x, so f″ = 0.
  const double curvature = input ? tape.grad_of_input(static_cast<int>(input - t.newton->slope.inputs.data())) : 0;
  const double next = x - t.newton->gamma * slope / curvature;
  if (curvature == 0 || !std::isfinite(next)) {
    t.message = "Newton stopped at step " + std::to_string(path.points() - 1) + ": f″ = " + number(curvature) +
                " at x = " + number(x) + ", so the step f′/f″ is not a number";
    return;
  }
  add_newton_point(t, next);
}

bool RaceModel::advance(RaceState& race, double now_seconds) {
  if (!race.is_playing) {
    clock_ = -1;
    return false;
  }
  if (clock_ < 0 || now_seconds < clock_) clock_ = now_seconds;  // started (or the clock jumped back)
  const double per_step = 1 / std::max(race.steps_per_second, 1e-3);
  long due = static_cast<long>((now_seconds - clock_) / per_step);
  if (due > kMaxStepsPerAdvance) {  // far behind (a hidden tab): carry on from now, not in a burst
    due = kMaxStepsPerAdvance;
    clock_ = now_seconds;
  } else {
    clock_ += static_cast<double>(due) * per_step;
  }
  for (long i = 0; i < due && race.is_playing; ++i) step(race);
  return race.is_playing;
}

void RaceModel::step(RaceState& race) {
  if (!any_running() || steps_ >= optim::kMaxSteps) {
    race.is_playing = false;
    return;
  }
  take_step();
  race.steps = steps_;
  if (!any_running() || steps_ >= optim::kMaxSteps) race.is_playing = false;
}

void RaceModel::toggle_play(RaceState& race) {
  race.is_playing = !race.is_playing && any_running();
  clock_ = -1;
}

void RaceModel::reset(RaceState& race) {
  race.steps = 0;
  race.is_playing = false;
  is_built_ = false;  // rebuilt by the next sync
}

std::string RaceModel::csv() const {
  std::vector<std::string> variables;
  for (const auto& [name, value] : start_) variables.push_back(name);
  std::string out = "step,racer";
  for (const auto& v : variables) out += "," + v;
  out += ",f";
  for (const auto& v : variables) out += ",df/d" + v;
  out += "\n";
  const std::size_t n = variables.size();
  for (std::size_t r = 0; r < trails_.size(); ++r) {
    const optim::Path& p = path(r);
    const std::string racer = std::to_string(r + 1) + " " + racer_title(trails_[r].rule);
    for (std::size_t k = 0; k < p.points(); ++k) {
      out += std::to_string(k) + "," + racer;
      for (std::size_t i = 0; i < n; ++i) out += "," + number(p.values[k * n + i]);
      out += "," + number(p.f[k]);
      for (std::size_t i = 0; i < n; ++i) out += "," + number(p.grad[k * n + i]);
      out += "\n";
    }
  }
  return out;
}

}  // namespace bp::app
