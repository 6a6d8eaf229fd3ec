// The optimizer's run: the start's checks, one update per step, and the checks that end a run.
#include "optim/optimize.hpp"

#include <cmath>
#include <cstdio>

#include "expr/tape.hpp"

namespace bp::optim {

namespace {

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
    run.path_.variables.push_back(name);
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
  run.add_point();
  const double f0 = run.path_.f[0];
  if (!std::isfinite(f0)) {
    std::string where;
    for (std::size_t k = 0; k < n; ++k) where += (k ? ", " : "") + run.path_.variables[k] + " = " + number(run.x_[k]);
    return expr::Error{std::string(std::isnan(f0) ? "f is not defined" : "f is " + number(f0)) + " at the start (" +
                           where + "): start where f is defined",
                       {}};
  }
  if (std::abs(f0) > options.limit) {
    return expr::Error{"|f| = " + number(std::abs(f0)) + " at the start is already beyond the limit " +
                           number(options.limit) + ": pass a larger limit",
                       {}};
  }
  run.check_point();  // a gradient that is not finite at the start ends the run before its first step
  return run;
}

void OptimizerRun::add_point() {
  const std::size_t n = x_.size();
  for (std::size_t k = 0; k < n; ++k) inputs_[static_cast<std::size_t>(input_of_[k])] = x_[k];
  expr::Tape& tape = expr::tape_of(program_);
  const double f = tape.forward(inputs_);
  tape.backward();
  path_.values.insert(path_.values.end(), x_.begin(), x_.end());
  path_.f.push_back(f);
  for (std::size_t k = 0; k < n; ++k) path_.grad.push_back(tape.grad_of_input(input_of_[k]));
}

bool OptimizerRun::check_point() {
  const std::size_t n = x_.size(), point = path_.points() - 1;
  const double* x = path_.values.data() + point * n;
  const double* g = path_.grad.data() + point * n;
  const double f = path_.f[point];
  // The messages are built only when the run stops: this runs after every step.
  const auto at = [&] { return point == 0 ? std::string("at the start") : "at step " + std::to_string(point); };
  const auto where = [&] {
    std::string out;
    for (std::size_t k = 0; k < n; ++k) out += (k ? ", " : "") + path_.variables[k] + " = " + number(x[k]);
    return out;
  };
  const auto stop = [&](std::string why) {
    diverged_ = true;
    reason_ = std::move(why);
    return false;
  };
  for (std::size_t k = 0; k < n; ++k) {
    if (!std::isfinite(x[k])) {
      return stop("diverged " + at() + ": " + path_.variables[k] + " became " + number(x[k]) +
                  " (try a smaller lr)");
    }
  }
  if (std::isnan(f)) return stop("stopped " + at() + ": f is not defined at " + where() + " (the step left f's domain)");
  if (!std::isfinite(f)) return stop("diverged " + at() + ": f is " + number(f) + " at " + where() + " (try a smaller lr)");
  if (std::abs(f) > options_.limit) {
    return stop("diverged " + at() + ": |f| = " + number(std::abs(f)) + " is beyond the limit " + number(options_.limit) +
                " (try a smaller lr)");
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!std::isfinite(g[k])) {
      return stop("stopped " + at() + ": ∂f/∂" + path_.variables[k] + " is " + number(g[k]) + " at " + where() +
                  " (f has no finite slope there)");
    }
  }
  return true;
}

void OptimizerRun::reserve(long steps) {
  const std::size_t points = path_.points() + static_cast<std::size_t>(steps < 0 ? 0 : steps);
  path_.values.reserve(points * x_.size());
  path_.grad.reserve(points * x_.size());
  path_.f.reserve(points);
}

bool OptimizerRun::step() {
  if (diverged_) return false;
  const std::size_t n = x_.size();
  const double* grad = path_.grad.data() + (path_.points() - 1) * n;
  for (std::size_t k = 0; k < n; ++k) {
    g_[k] = options_.noise > 0 ? grad[k] + options_.noise * rng_.normal() : grad[k];
  }
  update(options_.rule, options_.hyper, steps_taken() + 1, x_.data(), g_.data(), s1_.data(), s2_.data(), n);
  add_point();
  return check_point();
}

expr::Expected<OptimizeResult> optimize(const expr::Program& program, const expr::Vars& start,
                                        const OptimizeOptions& options) {
  auto run = OptimizerRun::begin(program, start, options);
  if (!run) return run.error();
  run->reserve(options.steps);
  for (long k = 0; k < options.steps; ++k) {
    if (!run->step()) break;
  }
  return OptimizeResult{run->path(), run->diverged(), run->reason()};
}

expr::Expected<OptimizeResult> optimize(std::string_view text, const expr::Vars& start,
                                        const OptimizeOptions& options) {
  auto program = expr::compile(text, expr::names_of(start));
  if (!program) return program.error();
  return optimize(*program, start, options);
}

}  // namespace bp::optim
