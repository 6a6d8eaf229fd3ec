// The optimizers over expressions (optim/optimize.hpp) and their update rules (optim/update_rules.hpp):
// torch.optim's documented algorithms checked against independent numbers, closed forms, divergence,
// the noise's seed and the messages for bad input.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "expr/tape.hpp"
#include "optim/optimize.hpp"
#include "optim/update_rules.hpp"

using namespace bp::optim;
using bp::expr::Vars;

namespace {

const char* const kQuadratic = "x^2 + 10y^2";                  // distill's ill-conditioned bowl, κ = 10
const char* const kRosenbrock = "(1 - x)^2 + 100(y - x^2)^2";  // minimum at (1, 1)

struct ReferenceCase {
  const char* rule;
  const char* text;
  double start[2];
  bool torch_defaults;  // the hyperparameters are torch.optim's defaults (checked against defaults_for)
  Hyperparameters h;  // lr, momentum, alpha, beta1, beta2, eps, weight_decay
  double after[2];  // x and y after 50 steps
  double f;         // f there
};

// Reference numbers: tests/reference/optimizers.py, which writes out torch.optim's documented
// pseudo-code (the docstrings of SGD, Adagrad, RMSprop, Adam, AdamW) line by line in mpmath at 50
// digits, with SymPy's exact gradient. PyTorch was not available where they were made; re-check them
// against torch.optim in float64 where it is (they should agree to about 1e-12).
const ReferenceCase kCases[] = {
    {"sgd", kQuadratic, {1.5, 1}, false, {0.04, 0, 0.99, 0.9, 0.999, 1e-08, 0},
     {0.023199713747765203, 1.1258999068426193e-35}, 5.3822671797824574e-4},
    {"sgd", kQuadratic, {1.5, 1}, false, {0.04, 0, 0.99, 0.9, 0.999, 1e-08, 0.5},
     {0.0077306628109801691, 5.8026350258095133e-38}, 5.9763147497071809e-5},
    {"momentum", kQuadratic, {1.5, 1}, false, {0.02, 0.9, 0.99, 0.9, 0.999, 1e-08, 0},
     {-0.10221903886116151, -0.016097900932812342}, 0.013040156050126052},
    {"momentum", kQuadratic, {1.5, 1}, false, {0.02, 0.5, 0.99, 0.9, 0.999, 1e-08, 0.1},
     {0.012564983299062582, -2.5174528856115133e-8}, 1.5787880531205917e-4},
    {"nesterov", kQuadratic, {1.5, 1}, false, {0.02, 0.9, 0.99, 0.9, 0.999, 1e-08, 0},
     {-0.037866425985008219, -2.4489682837772821e-7}, 0.0014338662174778503},
    {"adagrad", kQuadratic, {1.5, 1}, false, {0.5, 0, 0.99, 0.9, 0.999, 1e-10, 0},
     {1.545252078677102e-6, 5.9971034585922976e-13}, 2.3878039866595012e-12},
    {"adagrad", kRosenbrock, {-1.2, 1}, false, {0.1, 0, 0.99, 0.9, 0.999, 1e-10, 0.2},
     {-1.0271624940133586, 1.0612333363780333}, 4.113195342495949},
    {"rmsprop", kQuadratic, {1.5, 1}, true, {0.01, 0, 0.99, 0.9, 0.999, 1e-08, 0},
     {0.4432693900434033, 0.11465980570464219}, 0.32795646259171378},
    {"rmsprop", kRosenbrock, {-1.2, 1}, false, {0.01, 0.5, 0.9, 0.9, 0.999, 1e-08, 0.1},
     {-0.99218149141530432, 0.99078838385282927}, 3.972837490477629},
    {"adam", kQuadratic, {1.5, 1}, false, {0.1, 0, 0.99, 0.9, 0.999, 1e-08, 0},
     {0.076379946868458334, -0.0048182266391744984}, 0.0060660493630930259},
    {"adam", kRosenbrock, {-1.2, 1}, false, {0.01, 0, 0.99, 0.8, 0.99, 1e-08, 0.3},
     {-1.056029988354272, 1.1198121656229588}, 4.2293871324450918},
    {"adamw", kQuadratic, {1.5, 1}, false, {0.1, 0, 0.99, 0.9, 0.999, 1e-08, 0.3},
     {0.044035721522763946, -0.022668641562115932}, 0.0070778178727473142},
    {"adamw", kRosenbrock, {-1.2, 1}, false, {0.01, 0, 0.99, 0.8, 0.99, 1e-08, 0.3},
     {-0.94892462097922264, 0.91765494910015914}, 3.8278809031819597},
    {"sgd", kRosenbrock, {-1.2, 1}, true, {0.001, 0, 0.99, 0.9, 0.999, 1e-08, 0},
     {-0.98959835140133635, 0.98731179156057125}, 3.9649126357952049},
    {"momentum", kRosenbrock, {-1.2, 1}, true, {0.001, 0.9, 0.99, 0.9, 0.999, 1e-08, 0},
     {0.23626709438714759, 0.074958313756215508}, 0.61990726613909694},
    {"nesterov", kRosenbrock, {-1.2, 1}, true, {0.001, 0.9, 0.99, 0.9, 0.999, 1e-08, 0},
     {-0.34018600356434913, 0.12040148687227149}, 1.7982840584607334},
    {"adagrad", kRosenbrock, {-1.2, 1}, true, {0.01, 0, 0.99, 0.9, 0.999, 1e-10, 0},
     {-1.102791510903169, 1.0981433607293215}, 5.8142679783015853},
    {"rmsprop", kRosenbrock, {-1.2, 1}, true, {0.01, 0, 0.99, 0.9, 0.999, 1e-08, 0},
     {-1.0280226043085811, 1.0630854095511281}, 4.1167881042487326},
    {"adam", kRosenbrock, {-1.2, 1}, true, {0.001, 0, 0.99, 0.9, 0.999, 1e-08, 0},
     {-1.1528586865826142, 1.0473274059997055}, 12.573430521365181},
    {"adamw", kRosenbrock, {-1.2, 1}, true, {0.001, 0, 0.99, 0.9, 0.999, 1e-08, 0.01},
     {-1.1522897838138466, 1.0467991774727691}, 12.526909733344042},
};

OptimizeOptions options_for(const ReferenceCase& c) {
  OptimizeOptions o;
  o.rule = *rule_named(c.rule);
  o.hyper = c.h;
  o.steps = 50;
  return o;
}

// Relative closeness: the double run against the 50-digit one, after 50 steps of rounding (the worst
// case here differs by less than 1e-13, relative).
bool close(double got, double want, double tolerance = 1e-12) {
  return std::abs(got - want) <= tolerance * std::abs(want);
}

OptimizeResult run(const std::string& text, const Vars& start, const OptimizeOptions& o) {
  auto result = optimize(text, start, o);
  REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
  return *result;
}

std::string error_of(const std::string& text, const Vars& start, const OptimizeOptions& o) {
  auto result = optimize(text, start, o);
  REQUIRE_MESSAGE(!result.ok(), text << " was expected to fail");
  return result.error().message;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

OptimizeOptions with(Rule rule, double lr, long steps) {
  OptimizeOptions o;
  o.rule = rule;
  o.hyper = defaults_for(rule);
  o.hyper.learning_rate = lr;
  o.steps = steps;
  return o;
}

}  // namespace

TEST_CASE("each optimizer's 50 steps match torch.optim's documented algorithm computed at 50 digits") {
  for (const ReferenceCase& c : kCases) {
    const std::string rule = c.rule, text = c.text;
    CAPTURE(rule);
    CAPTURE(text);
    CAPTURE(c.h.learning_rate);
    CAPTURE(c.h.weight_decay);
    const OptimizeOptions o = options_for(c);
    if (c.torch_defaults) {
      const Hyperparameters d = defaults_for(o.rule);
      CHECK(d.learning_rate == c.h.learning_rate);
      CHECK(d.momentum == c.h.momentum);
      CHECK(d.epsilon == c.h.epsilon);
      CHECK(d.weight_decay == c.h.weight_decay);
      CHECK(d.alpha == c.h.alpha);
      CHECK(d.beta1 == c.h.beta1);
      CHECK(d.beta2 == c.h.beta2);
    }
    const OptimizeResult r = run(c.text, {{"x", c.start[0]}, {"y", c.start[1]}}, o);
    REQUIRE(r.path.points() == 51);
    CHECK_FALSE(r.diverged);
    const double* last = r.path.values.data() + 50 * 2;
    CHECK_MESSAGE(close(last[0], c.after[0]), last[0] << " vs " << c.after[0]);
    CHECK_MESSAGE(close(last[1], c.after[1]), last[1] << " vs " << c.after[1]);
    CHECK_MESSAGE(close(r.path.f[50], c.f), r.path.f[50] << " vs " << c.f);
  }
}

TEST_CASE("gradient descent on x² follows the closed form x_k = x_0 (1 - 2 lr)^k") {
  const OptimizeResult r = run("x^2", {{"x", 1.5}}, with(Rule::kSgd, 0.1, 60));
  REQUIRE(r.path.points() == 61);
  for (std::size_t k = 0; k <= 60; ++k) {
    CAPTURE(k);
    CHECK(close(r.path.values[k], 1.5 * std::pow(0.8, static_cast<double>(k)), 1e-13));
    CHECK(r.path.grad[k] == 2 * r.path.values[k]);  // the path's gradient is f' at the point
    CHECK(r.path.f[k] == r.path.values[k] * r.path.values[k]);
  }
}

TEST_CASE("momentum on x² follows the heavy-ball recurrence's closed form A r1^k + B r2^k") {
  // Polyak's heavy ball x_{k+1} = x_k - lr f'(x_k) + μ (x_k - x_{k-1}), x_1 = x_0 - lr f'(x_0): on
  // f = x², x_{k+1} = (1 + μ - 2 lr) x_k - μ x_{k-1}, roots of r² - (1 + μ - 2 lr) r + μ = 0.
  const double lr = 0.1, mu = 0.16, x0 = 2;
  OptimizeOptions o = with(Rule::kMomentum, lr, 80);
  o.hyper.momentum = mu;
  const OptimizeResult r = run("x^2", {{"x", x0}}, o);
  const double s = 1 + mu - 2 * lr, d = std::sqrt(s * s - 4 * mu);
  const double r1 = (s + d) / 2, r2 = (s - d) / 2;
  const double x1 = x0 * (1 - 2 * lr);
  const double b = (x1 - r1 * x0) / (r2 - r1), a = x0 - b;
  for (std::size_t k = 0; k <= 80; ++k) {
    CAPTURE(k);
    const double want = a * std::pow(r1, static_cast<double>(k)) + b * std::pow(r2, static_cast<double>(k));
    CHECK(close(r.path.values[k], want, 1e-12));
  }
}

TEST_CASE("the same seed gives the same noisy path, another seed another, and the path's gradient stays exact") {
  OptimizeOptions o = with(Rule::kAdam, 0.05, 200);
  o.noise = 2;
  o.seed = 7;
  const Vars start{{"x", 1.5}, {"y", 1}};
  const OptimizeResult a = run(kQuadratic, start, o), b = run(kQuadratic, start, o);
  CHECK(a.path.values == b.path.values);
  o.seed = 8;
  const OptimizeResult c = run(kQuadratic, start, o);
  CHECK(a.path.values != c.path.values);
  o.noise = 0;
  const OptimizeResult clean = run(kQuadratic, start, o);
  CHECK(a.path.values != clean.path.values);
  for (std::size_t k = 0; k < a.path.points(); ++k) {  // ∇f = (2x, 20y) at every point, noise or not
    CHECK(a.path.grad[2 * k] == 2 * a.path.values[2 * k]);
    CHECK(a.path.grad[2 * k + 1] == 20 * a.path.values[2 * k + 1]);
  }
}

TEST_CASE("a run whose f grows beyond the limit stops at that step and says it diverged") {
  // lr 1.1 on x²: x_k = (1 - 2.2)^k = (-1.2)^k, f = 1.44^k passes 1e12 first at k = 76.
  const OptimizeResult r = run("x^2", {{"x", 1}}, with(Rule::kSgd, 1.1, 1000));
  CHECK(r.diverged);
  CHECK(r.path.points() == 77);
  CHECK_MESSAGE(contains(r.reason, "diverged at step 76"), r.reason);
  CHECK_MESSAGE(contains(r.reason, "beyond the limit 1e+12"), r.reason);
  CHECK_MESSAGE(contains(r.reason, "smaller lr"), r.reason);
  const OptimizeResult fine = run("x^2", {{"x", 1}}, with(Rule::kSgd, 0.1, 1000));
  CHECK_FALSE(fine.diverged);
  CHECK(fine.reason.empty());
  CHECK(fine.path.points() == 1001);
}

TEST_CASE("a step out of f's domain stops the run with the point, and so does an infinite slope") {
  // sqrt(x) from 1 with lr 4: x_1 = 1 - 4·(1/2) = -1, where sqrt is not defined.
  const OptimizeResult r = run("sqrt(x)", {{"x", 1}}, with(Rule::kSgd, 4, 10));
  CHECK(r.diverged);
  CHECK(r.path.points() == 2);
  CHECK_MESSAGE(contains(r.reason, "stopped at step 1: f is not defined at x = -1"), r.reason);
  const OptimizeResult at_zero = run("sqrt(x)", {{"x", 0}}, with(Rule::kSgd, 0.1, 10));
  CHECK(at_zero.diverged);
  CHECK(at_zero.path.points() == 1);
  CHECK_MESSAGE(contains(at_zero.reason, "stopped at the start: ∂f/∂x is inf"), at_zero.reason);
  // Overflow to infinity in x itself (exp grows past the limit first unless the limit is huge).
  OptimizeOptions o = with(Rule::kSgd, 1e300, 10);
  const OptimizeResult wild = run("-x", {{"x", 0}}, o);  // x_1 = 1e300, x_2 = 2e300 ... never beyond f's limit?
  CHECK(wild.diverged);
  CHECK_MESSAGE(contains(wild.reason, "diverged at step 1"), wild.reason);
}

TEST_CASE("variables the start does not name keep the program's own values") {
  // a = 3; f = a·x²: one SGD step of lr 0.1 from x = 1 is 1 - 0.1·6 = 0.4, and a stays 3.
  const OptimizeResult r = run("a = 3; a*x^2", {{"x", 1}}, with(Rule::kSgd, 0.1, 1));
  REQUIRE(r.path.variables == std::vector<std::string>{"x"});
  CHECK(r.path.values[1] == doctest::Approx(0.4));
  CHECK(r.path.f[1] == doctest::Approx(3 * 0.16));
  const OptimizeResult named = run("f(x, y) = x^2 + 10y^2", {{"y", 1}, {"x", 2}}, with(Rule::kSgd, 0.01, 1));
  CHECK(named.path.variables == std::vector<std::string>{"y", "x"});  // the start's order
  CHECK(named.path.values[2] == doctest::Approx(1 - 0.01 * 20));
  CHECK(named.path.values[3] == doctest::Approx(2 - 0.01 * 4));
}

TEST_CASE("bad starts and options are errors that name the fix") {
  const OptimizeOptions o = with(Rule::kSgd, 0.1, 10);
  CHECK(contains(error_of(kQuadratic, {{"x", 1}}, o),
                 "'y' has no value: give start a value for every variable of f (x, y)"));
  CHECK(contains(error_of(kQuadratic, {{"x", 1}, {"y", 1}, {"z", 2}}, o),
                 "start gives 'z', which is not a variable of f (its variables: x, y)"));
  CHECK(contains(error_of("x^2", {}, o), "start must give each variable to optimize a value"));
  CHECK(contains(error_of("log(x)", {{"x", -1}}, o),
                 "f is not defined at the start (x = -1): start where f is defined"));
  CHECK(contains(error_of("x +", {{"x", 1}}, o), "expected"));
  OptimizeOptions bad = o;
  bad.steps = kMaxSteps + 1;
  CHECK(contains(error_of("x^2", {{"x", 1}}, bad), "steps must be a whole number from 0 to 100000"));
  bad = with(Rule::kNesterov, 0.1, 10);
  bad.hyper.momentum = 0;
  CHECK(contains(error_of("x^2", {{"x", 1}}, bad), "nesterov needs a momentum > 0"));
  bad = with(Rule::kAdam, 0.1, 10);
  bad.hyper.beta2 = 1;
  CHECK(contains(error_of("x^2", {{"x", 1}}, bad), "betas[1] must be from 0 up to (not including) 1 (got 1)"));
  bad = with(Rule::kAdam, -0.1, 10);
  CHECK(contains(error_of("x^2", {{"x", 1}}, bad), "lr must be a finite number ≥ 0 (got -0.1)"));
}

TEST_CASE("every optimizer's name reads back, and the network's three kinds are rows of the same table") {
  for (Rule rule : kRules) CHECK(rule_named(rule_name(rule)) == rule);
  CHECK_FALSE(rule_named("lbfgs").has_value());
}

TEST_CASE("an OptimizerRun steps on demand and keeps its path, as a race steps its racers together") {
  auto program = bp::expr::compile(kRosenbrock, {"x", "y"});
  REQUIRE(program.ok());
  auto a = OptimizerRun::begin(*program, {{"x", -1.2}, {"y", 1}}, with(Rule::kAdam, 0.01, kMaxSteps));
  auto b = OptimizerRun::begin(*program, {{"x", -1.2}, {"y", 1}}, with(Rule::kMomentum, 0.001, 60));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  for (int k = 0; k < 50; ++k) {
    CHECK(a->step());
    CHECK(b->step());
  }
  CHECK(a->steps_taken() == 50);
  // The same numbers as a whole run of each: two runs sharing one program's tape do not disturb each other.
  const OptimizeResult whole = run(kRosenbrock, {{"x", -1.2}, {"y", 1}}, with(Rule::kAdam, 0.01, 50));
  CHECK(a->path().values == whole.path.values);
}

TEST_CASE("a run stops at its steps") {
  auto program = bp::expr::compile("x^2", {"x"});
  auto run = OptimizerRun::begin(*program, {{"x", 1}}, with(Rule::kSgd, 0.1, 3));
  REQUIRE(run.ok());
  CHECK(run->step());
  CHECK(run->step());
  CHECK(run->step());
  CHECK_FALSE(run->step());
  CHECK(run->path().points() == 4);
  CHECK_FALSE(run->diverged());
}

TEST_CASE("a race of six optimizers stepped together gives each racer's own path bit for bit") {
  auto program = bp::expr::compile(kRosenbrock, {"x", "y"});
  REQUIRE(program.ok());
  const Vars start{{"x", -1.2}, {"y", 1}};
  std::vector<Racer> racers;
  const Rule rules[] = {Rule::kSgd, Rule::kMomentum, Rule::kNesterov, Rule::kAdagrad, Rule::kRmsprop, Rule::kAdam};
  for (Rule rule : rules) racers.push_back({start, with(rule, defaults_for(rule).learning_rate, 300)});
  racers[1].options.steps = 120;                   // racers stop at their own counts
  racers[5].options.noise = 0.5;                   // and keep their own noise
  racers.push_back({start, with(Rule::kSgd, 0.01, 300)});  // this one diverges on the way
  racers.push_back({{{"y", 0.5}, {"x", 0.5}}, with(Rule::kAdamW, 0.05, 300)});  // another start, another order
  auto results = race(*program, racers);
  REQUIRE(results.ok());
  REQUIRE(results->size() == racers.size());
  for (std::size_t r = 0; r < racers.size(); ++r) {
    CAPTURE(r);
    const OptimizeResult solo = run(kRosenbrock, racers[r].start, racers[r].options);
    const OptimizeResult& raced = (*results)[r];
    CHECK(raced.path.values == solo.path.values);
    CHECK(raced.path.f == solo.path.f);
    CHECK(raced.path.grad == solo.path.grad);
    CHECK(raced.diverged == solo.diverged);
    CHECK(raced.reason == solo.reason);
  }
  CHECK((*results)[1].path.points() == 121);
  CHECK((*results)[6].diverged);
  CHECK((*results)[0].path.points() == 301);
  std::vector<Racer> bad = racers;
  bad[2].start = {{"x", 1}};
  auto error = race(*program, bad);
  REQUIRE_FALSE(error.ok());
  CHECK(contains(error.error().message, "racer 3: 'y' has no value"));
}

TEST_CASE("the tape's gradient at several points at once is forward() and backward()'s at each, bit for bit") {
  // Common ops and the shared path's (max, clamp, where), a flat input (a, in floor), inputs used many
  // times, and one whose gradient is 0 (z).
  const char* const text = "max(x, y)*sin(x*y) + clamp(x - y, -1, 1)^3 + where(x > y, exp(-x^2), log(1 + y^2)) "
                           "+ floor(a) + abs(x)*x + 0*z";
  auto program = bp::expr::compile(text, {"x", "y", "a", "z"});
  REQUIRE_MESSAGE(program.ok(), (program.ok() ? "" : program.error().message));
  bp::expr::Tape& tape = bp::expr::tape_of(*program);
  const std::size_t inputs = program->inputs.size(), m = 5;
  const double points[5][4] = {{0.3, -1.2, 2.5, 1}, {-2, 0.7, -0.5, 2}, {1.5, 1.5, 3.9, -1}, {4, -3, 0, 0.5},
                               {-0.1, -0.2, 1.1, 7}};
  std::vector<double> rows(inputs * m), values(m), grads(inputs * m);
  for (std::size_t j = 0; j < m; ++j) {
    for (std::size_t i = 0; i < inputs; ++i) {
      const std::string& name = program->inputs[i].name;
      const int at = name == "x" ? 0 : name == "y" ? 1 : name == "a" ? 2 : 3;
      rows[i * m + j] = points[j][at];
    }
  }
  tape.gradient_at_points(rows.data(), m, values.data(), grads.data());
  for (std::size_t j = 0; j < m; ++j) {
    CAPTURE(j);
    std::vector<double> one(inputs);
    for (std::size_t i = 0; i < inputs; ++i) one[i] = rows[i * m + j];
    const double f = tape.forward(one);
    tape.backward();
    CHECK(std::memcmp(&f, &values[j], sizeof f) == 0);
    for (std::size_t i = 0; i < inputs; ++i) {
      const double g = tape.grad_of_input(static_cast<int>(i));
      CAPTURE(program->inputs[i].name);
      CHECK(std::memcmp(&g, &grads[i * m + j], sizeof g) == 0);
    }
  }
}
