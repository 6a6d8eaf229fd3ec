// The optimizer's run: the start's checks, one update per step, and the checks that end a run.
#include "optim/optimize.hpp"

#include <cmath>
#include <algorithm>
#include <cstdio>

#include "expr/tape.hpp"

namespace bp::optim {

namespace {

// Room made up front for a path: a race the page steps on demand may be given kMaxSteps and stopped
// long before; past this many points the path grows as it goes.
constexpr long kReservedSteps = 10000;
// Points a run stages before appending them to its path: the block's numbers stay in L2 (10 KB with two variables).
constexpr std::size_t kStagedPoints = 256;

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string range_error(const char* name, const char* range, double got) {
  return std::string(name) + " must be " + range + " (got " + number(got) + ")";
}

}  // namespace

std::string check_options(const OptimizeOptions& o) {
  const Hyperparameters& h = o.hyper;
  const auto at_least_0 = [](double v) { return std::isfinite(v) && v >= 0; };
  const auto fraction = [](double v) { return v >= 0 && v < 1; };  // [0, 1), as torch checks betas
  if (!at_least_0(h.learning_rate)) return range_error("lr", "a finite number ≥ 0", h.learning_rate);
  if (!at_least_0(h.momentum)) return range_error("momentum", "a finite number ≥ 0", h.momentum);
  if (o.rule == Rule::kNesterov && h.momentum <= 0) {
    return "nesterov needs a momentum > 0 (got " + number(h.momentum) + "); with momentum 0 use 'sgd'";
  }
  if (!(h.alpha >= 0 && h.alpha <= 1)) return range_error("alpha", "from 0 to 1", h.alpha);
  if (!fraction(h.beta1)) return range_error("betas[0]", "from 0 up to (not including) 1", h.beta1);
  if (!fraction(h.beta2)) return range_error("betas[1]", "from 0 up to (not including) 1", h.beta2);
  if (!at_least_0(h.epsilon)) return range_error("eps", "a finite number ≥ 0", h.epsilon);
  if (!at_least_0(h.weight_decay)) return range_error("weightDecay", "a finite number ≥ 0", h.weight_decay);
  if (!at_least_0(o.noise)) return range_error("noise", "a finite number ≥ 0", o.noise);
  if (!(o.limit > 0)) return range_error("limit", "a number > 0", o.limit);
  if (o.steps < 0 || o.steps > kMaxSteps) {
    return "steps must be a whole number from 0 to " + std::to_string(kMaxSteps) + " (got " + std::to_string(o.steps) +
           ")";
  }
  return {};
}

expr::Expected<OptimizerRun> OptimizerRun::begin(const expr::Program& program, const expr::Vars& start,
                                                 const OptimizeOptions& options) {
  if (std::string bad = check_options(options); !bad.empty()) return expr::Error{bad, {}};
  std::vector<std::string> names;
  for (const expr::Input& input : program.inputs) names.push_back(input.name);
  if (start.empty()) {
    return expr::Error{"start must give each variable to optimize a value, e.g. { " +
                           (names.empty() ? std::string("x") : names.front()) + ": 1 }",
                       {}};
  }
  OptimizerRun run;
  for (const auto& [name, value] : start) {
    const expr::Input* input = program.find_input(name);
    if (!input) {
      return expr::Error{"start gives '" + name + "', which is not a variable of f" +
                             (names.empty() ? " (f has none)" : " (its variables: " + join(names) + ")"),
                         {}};
    }
    if (!std::isfinite(value)) return expr::Error{"start." + name + " must be a finite number", {}};
    run.input_of_.push_back(static_cast<int>(input - program.inputs.data()));
    run.result_.path.variables.push_back(name);
    run.x_.push_back(value);
  }
  auto inputs = expr::input_values(program, start);
  if (!inputs) {
    const expr::Error& e = inputs.error();
    return expr::Error{e.message + ": give start a value for every variable of f (" + join(names) + ")", e.span};
  }
  expr::tape_of(program);  // laid out once here, so the run's copy of the program shares it
  run.program_ = program;
  run.options_ = options;
  run.inputs_ = std::move(*inputs);
  const std::size_t n = run.x_.size();
  run.g_.assign(n, 0.0);
  run.s1_.assign(n, 0.0);
  run.s2_.assign(n, 0.0);
  run.rng_ = nn::Rng(options.seed);
  run.staged_.resize(kStagedPoints * (2 * n + 1));
  run.add_point_from_tape();
  const double f0 = run.result_.path.f[0];
  if (!std::isfinite(f0)) {
    return expr::Error{std::string(std::isnan(f0) ? "f is not defined" : "f is " + number(f0)) + " at the start (" +
                           run.point_text(0) + "): start where f is defined",
                       {}};
  }
  if (std::abs(f0) > options.limit) {
    return expr::Error{"|f| = " + number(std::abs(f0)) + " at the start is already beyond the limit " +
                           number(options.limit) + ": pass a larger limit",
                       {}};
  }
  return run;
}

void OptimizerRun::add_point(double f, const double* grad, std::size_t stride) {
  if (staged_points_ == kStagedPoints) move_staged_to_path();
  const std::size_t n = x_.size(), p = staged_points_++;
  double* values = staged_.data() + p * n;
  double* grads = staged_.data() + kStagedPoints * (n + 1) + p * n;
  staged_[kStagedPoints * n + p] = f;
  // The common case checked on the way, in one pass: 0·v is NaN exactly when v is infinite or NaN.
  double zero = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const double g = grad[static_cast<std::size_t>(input_of_[k]) * stride];
    values[k] = x_[k];
    grads[k] = g;
    zero += 0 * x_[k] + 0 * g;
  }
  if (zero == 0 && std::abs(f) <= options_.limit) return;
  move_staged_to_path();
  check_point();
}

void OptimizerRun::move_staged_to_path() {
  const std::size_t n = x_.size(), p = staged_points_;
  if (p == 0) return;
  Path& path = result_.path;
  const double* values = staged_.data();
  const double* f = values + kStagedPoints * n;
  const double* grads = f + kStagedPoints;
  path.values.insert(path.values.end(), values, values + p * n);
  path.f.insert(path.f.end(), f, f + p);
  path.grad.insert(path.grad.end(), grads, grads + p * n);
  staged_points_ = 0;
}

const double* OptimizerRun::last_grad() const {
  const std::size_t n = x_.size();
  if (staged_points_ > 0) return staged_.data() + kStagedPoints * (n + 1) + (staged_points_ - 1) * n;
  return result_.path.grad.data() + (result_.path.points() - 1) * n;
}

void OptimizerRun::add_point_from_tape() {
  expr::Tape& tape = expr::tape_of(program_);
  const double f = tape.forward(inputs_);
  tape.backward();
  g_.resize(std::max(g_.size(), inputs_.size()));  // scratch: ∂f/∂input for every input
  for (std::size_t i = 0; i < inputs_.size(); ++i) g_[i] = tape.grad_of_input(static_cast<int>(i));
  add_point(f, g_.data(), 1);
  move_staged_to_path();  // one point at a time: whoever steps a single run reads its path after each step
}

std::string OptimizerRun::point_text(std::size_t point) const {
  const std::size_t n = x_.size();
  std::string out;
  for (std::size_t k = 0; k < n; ++k) {
    out += (k ? ", " : "") + result_.path.variables[k] + " = " + number(result_.path.values[point * n + k]);
  }
  return out;
}

bool OptimizerRun::check_point() {
  const std::size_t n = x_.size(), point = result_.path.points() - 1;
  const double* x = result_.path.values.data() + point * n;
  const double* g = result_.path.grad.data() + point * n;
  const double f = result_.path.f[point];
  // The messages are built only when the run stops.
  const auto at = [&] { return point == 0 ? std::string("at the start") : "at step " + std::to_string(point); };
  const auto where = [&] { return point_text(point); };
  const auto stop = [&](std::string why) {
    result_.diverged = true;
    result_.reason = std::move(why);
    return false;
  };
  for (std::size_t k = 0; k < n; ++k) {
    if (!std::isfinite(x[k])) {
      return stop("diverged " + at() + ": " + result_.path.variables[k] + " became " + number(x[k]) +
                  " (try a smaller lr)");
    }
  }
  if (std::isnan(f)) {
    return stop("stopped " + at() + ": f is not defined at " + where() + " (the step left f's domain)");
  }
  if (!std::isfinite(f)) {
    return stop("diverged " + at() + ": f is " + number(f) + " at " + where() + " (try a smaller lr)");
  }
  if (std::abs(f) > options_.limit) {
    return stop("diverged " + at() + ": |f| = " + number(std::abs(f)) + " is beyond the limit " +
                number(options_.limit) + " (try a smaller lr)");
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!std::isfinite(g[k])) {
      return stop("stopped " + at() + ": ∂f/∂" + result_.path.variables[k] + " is " + number(g[k]) + " at " +
                  where() + " (f has no finite slope there)");
    }
  }
  return true;
}

void OptimizerRun::reserve(long steps) {
  const std::size_t points = result_.path.points() + static_cast<std::size_t>(steps < 0 ? 0 : steps);
  result_.path.values.reserve(points * x_.size());
  result_.path.grad.reserve(points * x_.size());
  result_.path.f.reserve(points);
}

void OptimizerRun::propose() {
  const std::size_t n = x_.size();
  const double* grad = last_grad();
  if (options_.noise > 0) {
    for (std::size_t k = 0; k < n; ++k) g_[k] = grad[k] + options_.noise * rng_.normal();
    grad = g_.data();
  }
  update(options_.rule, options_.hyper, steps_taken() + 1, x_.data(), grad, s1_.data(), s2_.data(), n);
  for (std::size_t k = 0; k < n; ++k) inputs_[static_cast<std::size_t>(input_of_[k])] = x_[k];
}

bool OptimizerRun::step() {
  if (!running()) return false;
  propose();
  add_point_from_tape();
  return !result_.diverged;
}

expr::Expected<Race> Race::begin(const expr::Program& program, const std::vector<Racer>& racers) {
  Race race;
  for (std::size_t r = 0; r < racers.size(); ++r) {
    auto run = OptimizerRun::begin(program, racers[r].start, racers[r].options);
    if (!run) return expr::Error{"racer " + std::to_string(r + 1) + ": " + run.error().message, run.error().span};
    run->reserve(std::min(racers[r].options.steps, kReservedSteps));
    race.runs_.push_back(std::move(*run));
  }
  race.program_ = program;  // after begin(): its tape is laid out, and this copy shares it
  return race;
}

bool Race::step() {
  const bool stepped = advance();
  for (OptimizerRun& run : runs_) run.move_staged_to_path();  // the page reads every path after each step
  return stepped;
}

bool Race::advance() {
  const std::size_t inputs = program_.inputs.size();
  if (is_stepping_stale_) {  // a racer stopped last step (or this is the first): list the runners again
    stepping_.clear();
    for (std::size_t r = 0; r < runs_.size(); ++r) {
      if (runs_[r].running()) stepping_.push_back(r);
    }
    inputs_.resize(inputs * stepping_.size());
    values_.resize(stepping_.size());
    grads_.resize(inputs * stepping_.size());
    is_stepping_stale_ = false;
  }
  const std::size_t m = stepping_.size();
  if (m == 0) return false;
  for (std::size_t j = 0; j < m; ++j) {
    OptimizerRun& run = runs_[stepping_[j]];
    run.propose();
    for (std::size_t i = 0; i < inputs; ++i) inputs_[i * m + j] = run.inputs_[i];
  }
  expr::tape_of(program_).gradient_at_points(inputs_.data(), m, values_.data(), grads_.data());
  for (std::size_t j = 0; j < m; ++j) {
    OptimizerRun& run = runs_[stepping_[j]];
    run.add_point(values_[j], grads_.data() + j, m);
    if (!run.running()) is_stepping_stale_ = true;
  }
  return true;
}

expr::Expected<OptimizeResult> optimize(const expr::Program& program, const expr::Vars& start,
                                        const OptimizeOptions& options) {
  auto run = OptimizerRun::begin(program, start, options);
  if (!run) return run.error();
  run->reserve(std::min(options.steps, kReservedSteps));
  while (run->step()) {
  }
  return run->finish();
}

std::vector<OptimizeResult> Race::finish() {
  std::vector<OptimizeResult> results;
  for (OptimizerRun& run : runs_) {
    run.move_staged_to_path();
    results.push_back(run.finish());
  }
  return results;
}

std::vector<OptimizeResult> Race::run_to_end() {
  while (advance()) {
  }
  return finish();
}

expr::Expected<std::vector<OptimizeResult>> race(const expr::Program& program, const std::vector<Racer>& racers) {
  auto race = Race::begin(program, racers);
  if (!race) return race.error();
  return race->run_to_end();
}

expr::Expected<OptimizeResult> optimize(std::string_view text, const expr::Vars& start,
                                        const OptimizeOptions& options) {
  auto program = expr::compile(text, expr::names_of(start));
  if (!program) return program.error();
  return optimize(*program, start, options);
}

}  // namespace bp::optim
