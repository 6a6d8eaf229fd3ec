// Function mode's optimizer race (web/app/race): its trails are the engine's optimize() runs, a run that
// diverges stops with its name and step, a link replays the steps to the same points, the clock paces
// the steps, and the CSV and the PyTorch script carry the race's numbers and torch.optim's calls.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "expr/printer.hpp"
#include "race/race_code.hpp"
#include "race/race_model.hpp"
#include "state/gallery.hpp"
#include "state/link_codec.hpp"

using namespace bp::app;
namespace optim = bp::optim;
namespace expr = bp::expr;

namespace {

const std::string kSeed = "f(x) = 2x²−3x+4";

RacerSettings racer(RaceRule rule, double lr) {
  RacerSettings r = racer_defaults(rule);
  r.hyper.learning_rate = lr;
  return r;
}

// The race from its start, `steps` steps taken one step() at a time, as the Step button takes them.
RaceModel stepped(const std::string& text, const expr::Vars& start, RaceState& race, int steps) {
  race.steps = 0;
  RaceModel m;
  m.sync(text, start, race);
  for (int i = 0; i < steps; ++i) m.step(race);
  return m;
}

}  // namespace

TEST_CASE("a racer's trail is the engine's optimize() run with the same options, number for number") {
  RaceState race;
  race.racers = {racer(RaceRule::kAdam, 0.1), racer(RaceRule::kMomentum, 0.001), racer(RaceRule::kRmsprop, 0.05)};
  race.noise = 0.3;
  race.seed = 5;
  const expr::Vars start = {{"x", -1.5}, {"y", 2}};
  const std::string rosenbrock = "(1 - x)^2 + 100(y - x^2)^2";
  RaceModel m = stepped(rosenbrock, start, race, 40);
  REQUIRE(m.error().empty());
  REQUIRE(m.racers() == 3);
  for (std::size_t r = 0; r < 3; ++r) {
    CAPTURE(r);
    optim::OptimizeOptions o;
    o.rule = optim_rule(race.racers[r].rule);
    o.hyper = race.racers[r].hyper;
    o.steps = 40;
    o.noise = 0.3;
    o.seed = 5;
    const auto solo = optim::optimize(rosenbrock, start, o);
    REQUIRE(solo);
    const optim::Path& p = m.path(r);
    CHECK(m.steps_taken(r) == 40);
    CHECK(p.values == solo->path.values);  // bit for bit
    CHECK(p.f == solo->path.f);
    CHECK(p.grad == solo->path.grad);
  }
  CHECK(race.steps == 40);
}

TEST_CASE("a racer that diverges stops and says which one, at which step; the others run on") {
  RaceState race;
  race.racers = {racer(RaceRule::kSgd, 10), racer(RaceRule::kAdam, 0.1)};
  // x ← x − 10·2x = −19x from 2: |f| = 4·19^(2k) passes 1e12 at step 5.
  RaceModel m = stepped("x^2", {{"x", 2}}, race, 20);
  CHECK_FALSE(m.is_running(0));
  CHECK(m.message(0).rfind("gradient descent diverged at step 5: |f| = ", 0) == 0);
  CHECK(m.message(0).find("try a smaller lr") != std::string::npos);
  CHECK(m.steps_taken(0) == 5);
  CHECK(m.is_running(1));
  CHECK(m.steps_taken(1) == 20);
  CHECK(race.steps == 20);
}

TEST_CASE("a racer with settings the engine refuses says why, and the rest of the race runs") {
  RaceState race;
  race.racers = {racer(RaceRule::kNesterov, 0.1), racer(RaceRule::kSgd, 0.1)};
  race.racers[0].hyper.momentum = 0;
  RaceModel m = stepped("x^2", {{"x", 1}}, race, 3);
  CHECK(m.message(0) == "Nesterov: nesterov needs a momentum > 0 (got 0); with momentum 0 use 'sgd'");
  CHECK(m.steps_taken(0) == -1);  // no point at all
  CHECK(m.steps_taken(1) == 3);
  CHECK(m.path(1).values.back() == doctest::Approx(std::pow(0.8, 3)));  // x ← x − 0.1·2x
}

TEST_CASE("a start outside f's domain is the race's one error, for every racer") {
  RaceState race;
  race.racers = {racer(RaceRule::kSgd, 0.1), racer(RaceRule::kAdam, 0.1)};
  RaceModel m;
  m.sync("log(x)", {{"x", -1}}, race);
  CHECK(m.error().find("f is not defined at the start (x = -1)") != std::string::npos);
  CHECK_FALSE(m.any_running());
  m.step(race);
  CHECK(race.steps == 0);
}

TEST_CASE("Newton's racer lands on the seed's minimum 0.75 in one step and stays") {
  RaceState race;
  race.racers = {racer_defaults(RaceRule::kNewton), racer(RaceRule::kSgd, 0.1)};
  RaceModel m = stepped(kSeed, {{"x", 2}}, race, 3);
  const optim::Path& newton = m.path(0);
  REQUIRE(newton.points() == 4);
  CHECK(newton.values[0] == 2);
  CHECK(newton.values[1] == 0.75);  // 2 − 5/4: f′(2) = 5, f″ = 4
  CHECK(newton.values[3] == 0.75);
  CHECK(newton.f[1] == 2.875);
  CHECK(newton.grad[1] == 0);
  CHECK(m.path(1).values[1] == doctest::Approx(1.5));  // 2 − 0.1·5
  // A straight line has f″ = 0: Newton stops at once and says why.
  RaceModel line = stepped("3x + 1", {{"x", 2}}, race, 1);
  CHECK(line.message(0) == "Newton stopped at step 0: f″ = 0 at x = 2, so the step f′/f″ is not a number");
  // Two variables: Newton is not offered.
  RaceModel plane = stepped("x^2 + y^2", {{"x", 1}, {"y", 1}}, race, 1);
  CHECK(plane.message(0).rfind("Newton: this race takes Newton's method in one variable only", 0) == 0);
  CHECK(plane.steps_taken(1) == 1);
}

TEST_CASE("a link reopens the race: the steps taken are replayed to identical points") {
  AppState s;
  s.function.text = "(1 - x)^2 + 100(y - x^2)^2";
  s.function.race.racers = {racer(RaceRule::kAdam, 0.05), racer(RaceRule::kNesterov, 0.001),
                            racer(RaceRule::kAdagrad, 0.3)};
  s.function.race.noise = 0.1;
  s.function.race.seed = 3;
  const expr::Vars start = {{"x", -1.2}, {"y", 1}};
  RaceModel first = stepped(s.function.text, start, s.function.race, 57);
  const DecodedState back = decode_state(encode_state(s));
  REQUIRE(back.notices.empty());
  CHECK(back.state.function.race.steps == 57);
  RaceState reopened = back.state.function.race;
  RaceModel second;
  second.sync(s.function.text, start, reopened);  // one sync replays the 57 steps
  REQUIRE(second.racers() == 3);
  for (std::size_t r = 0; r < 3; ++r) {
    CHECK(second.path(r).values == first.path(r).values);
    CHECK(second.path(r).f == first.path(r).f);
  }
  CHECK(reopened == s.function.race);
  // Changing a racer's setting restarts the race from the start and replays the same number of steps.
  reopened.racers[0].hyper.learning_rate = 0.01;
  second.sync(s.function.text, start, reopened);
  CHECK(second.steps_taken(0) == 57);
  CHECK(second.path(0).values != first.path(0).values);
}

TEST_CASE("moving the start or editing f starts the race again at step 0; new settings replay the steps") {
  RaceState race;
  race.racers = {racer(RaceRule::kAdam, 0.1)};
  RaceModel m = stepped(kSeed, {{"x", 2}}, race, 8);
  m.sync(kSeed, {{"x", 2}}, race);
  CHECK(race.steps == 8);
  race.racers[0].hyper.beta1 = 0.5;  // a setting: the same 8 steps with it
  m.sync(kSeed, {{"x", 2}}, race);
  CHECK(race.steps == 8);
  CHECK(m.steps_taken(0) == 8);
  m.sync(kSeed, {{"x", 1.5}}, race);  // the point dragged
  CHECK(race.steps == 0);
  CHECK(m.path(0).values == std::vector<double>{1.5});
  m.step(race);
  m.sync("x^2", {{"x", 1.5}}, race);  // a new f
  CHECK(race.steps == 0);
  CHECK(m.path(0).f == std::vector<double>{2.25});
}

TEST_CASE("playing takes the steps the clock says are due, at the steps per second set") {
  RaceState race;
  race.racers = {racer(RaceRule::kSgd, 0.01)};
  race.steps_per_second = 10;
  RaceModel m;
  m.sync("x^2", {{"x", 1}}, race);
  m.toggle_play(race);
  CHECK(race.is_playing);
  m.advance(race, 100.0);   // the clock starts
  CHECK(race.steps == 0);
  m.advance(race, 100.35);  // 3.5 steps' time
  CHECK(race.steps == 3);
  m.advance(race, 100.42);  // the half step carried over
  CHECK(race.steps == 4);
  m.advance(race, 5000);    // a hidden tab's hour: at most kMaxStepsPerAdvance at once
  CHECK(race.steps == 4 + kMaxStepsPerAdvance);
  m.toggle_play(race);
  m.advance(race, 6000);
  CHECK(race.steps == 4 + kMaxStepsPerAdvance);
  m.reset(race);
  m.sync("x^2", {{"x", 1}}, race);
  CHECK(race.steps == 0);
  CHECK(m.steps_taken(0) == 0);
}

TEST_CASE("the race stops playing once every racer has stopped") {
  RaceState race;
  race.racers = {racer(RaceRule::kSgd, 10)};
  RaceModel m;
  m.sync("x^2", {{"x", 2}}, race);
  m.toggle_play(race);
  m.advance(race, 0);
  m.advance(race, 100);
  CHECK_FALSE(race.is_playing);
  CHECK(race.steps == 5);
}

TEST_CASE("the CSV has a row per point of every trail: step, racer, variables, f and the gradient") {
  RaceState race;
  race.racers = {racer(RaceRule::kSgd, 0.1), racer_defaults(RaceRule::kNewton)};
  RaceModel m = stepped(kSeed, {{"x", 2}}, race, 2);
  const std::string csv = m.csv();
  CHECK(csv.rfind("step,racer,x,f,df/dx\n0,1 gradient descent,2,6,5\n1,1 gradient descent,1.5,", 0) == 0);
  CHECK(csv.find("\n1,2 Newton,0.75,2.875,0\n") != std::string::npos);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 3 + 3);
}

TEST_CASE("Show code writes f in torch, each racer's torch.optim call with its settings, and its numbers") {
  RacerSettings adam = racer(RaceRule::kAdam, 0.1);
  adam.hyper.beta1 = 0.8;
  CHECK(torch_optimizer(adam) ==
        "torch.optim.Adam(params, lr=0.1, betas=(0.8, 0.999), eps=1e-08, weight_decay=0.0)");
  CHECK(torch_optimizer(racer(RaceRule::kNesterov, 0.01)) ==
        "torch.optim.SGD(params, lr=0.01, momentum=0.9, nesterov=True, weight_decay=0.0)");
  CHECK(torch_optimizer(racer_defaults(RaceRule::kRmsprop)) ==
        "torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0.0, momentum=0.0)");
  CHECK(torch_optimizer(racer_defaults(RaceRule::kAdamW)) ==
        "torch.optim.AdamW(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01)");
  CHECK(torch_optimizer(racer_defaults(RaceRule::kAdagrad)) ==
        "torch.optim.Adagrad(params, lr=0.01, eps=1e-10, weight_decay=0.0)");

  auto seed = torch_function(kSeed, {{"x", 2}});
  REQUIRE(seed);
  CHECK(*seed == "    return (((2.0 * (x ** 2.0)) - (3.0 * x)) + 4.0)\n");
  // A node used twice gets a line of its own; functions take tensors; a program's own numbers are inlined.
  auto shared = torch_function("a = 3\nu = sin(x*y)\nf = u*u + a*max(x, 0)", {{"x", 1}, {"y", 2}});
  REQUIRE(shared);
  CHECK(*shared == "    t1 = torch.sin((x * y))\n    return ((t1 * t1) + (3.0 * torch.maximum(x, T(0.0))))\n");

  RaceState race;
  race.racers = {adam, racer_defaults(RaceRule::kNewton)};
  RaceModel m = stepped(kSeed, {{"x", 2}}, race, 12);
  const std::string script = race_pytorch_script(kSeed, {{"x", 2}}, race, m);
  CHECK(script.find("def f(x):\n    return (((2.0 * (x ** 2.0))") != std::string::npos);
  CHECK(script.find("p = torch.tensor([2.0], dtype=torch.float64, requires_grad=True)") != std::string::npos);
  CHECK(script.find("(\"1 Adam\", 12, lambda steps: run(lambda params: torch.optim.Adam(params, lr=0.1, "
                    "betas=(0.8, 0.999), eps=1e-08, weight_decay=0.0), steps), [" +
                    expr::format_number(m.path(0).values.back())) != std::string::npos);
  CHECK(script.find("(\"2 Newton\", 12, lambda steps: newton(1.0, steps), [0.75], 2.875)") != std::string::npos);
  CHECK(script.find("torch.randn") == std::string::npos);  // no noise asked for
}

TEST_CASE("every race preset in the gallery runs: no racer refused, and some racer ends far below the start") {
  int presets = 0;
  for (const GalleryEntry& entry : gallery()) {
    const FunctionState& f = entry.state.function;
    if (f.race.racers.empty()) continue;
    ++presets;
    CAPTURE(entry.title);
    RaceState race = f.race;
    expr::Vars start = {{"x", f.x0}};
    if (expr::compile(f.text, {"x", "y"})->inputs.size() == 2) start.emplace_back("y", 1);
    RaceModel m = stepped(f.text, start, race, 300);
    CAPTURE(m.error());
    REQUIRE(m.error().empty());
    double best = INFINITY;
    for (std::size_t r = 0; r < m.racers(); ++r) {
      CHECK(m.steps_taken(r) > 0);
      if (m.path(r).points()) best = std::min(best, m.path(r).f.back());
    }
    CHECK(best < m.path(0).f.front() - 0.5 * std::fabs(m.path(0).f.front()));
  }
  CHECK(presets >= 6);
}
