// Exercises ("predict, then check"): the asked ids, the tolerance, attempts and reveals, and the true
// values each mode's model gives. Reference numbers by hand and from the seeds: micrograd's lecture
// (slope of 3x² − 4x + 5 at 3 is 6·3 − 4 = 14), the seed article's f(x) = 2x² − 3x + 4 (f(2) = 6,
// slope 4·2 − 3 = 5) and its graph a = 3, b = −2, c = 8, f = −2, d = a·b, e = d + c, L = e·f
// ("dL/da = -2 · 1 · -2 = 4").
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "clock.hpp"
#include "exercise/exercise_model.hpp"
#include "exercise/results.hpp"
#include "exercise/truths.hpp"
#include "graph/model.hpp"
#include "state/exercise_names.hpp"
#include "state/gallery.hpp"
#include "state/link_codec.hpp"

using namespace bp::app;

namespace {

ExerciseState asking(std::vector<std::string> ids) {
  ExerciseState s;
  s.ask = std::move(ids);
  return s;
}

PointReading point_of(FunctionState& s) {
  static FunctionModel model;
  for (int frame = 0; frame < 10 && (frame == 0 || model.is_compiling()); ++frame) model.begin_frame(s, now_ms() + 1000);
  REQUIRE(model.has_function());
  return model.snapshot(s).point;
}

Truths seed_graph_truths(const std::string& program = GraphState{}.program) {
  GraphModel model;
  GraphState s;
  s.program = program;
  const GraphSnapshot& c = model.compute(s, now_ms() + 1000);
  REQUIRE(c.graph);
  return graph_truths(*c.graph);
}

}  // namespace

TEST_CASE("the slope of 3x² − 4x + 5 at 3 is 14, and an answer within 0.5 % of it is right") {
  FunctionState s;
  s.text = "f(x) = 3x^2 - 4x + 5";
  s.x0 = 3;
  const Truths t = function_truths(s, point_of(s), nullptr);
  CHECK(t.values.at("slope") == 14);  // 6x − 4 at 3, by hand
  CHECK(t.values.at("fx") == 20);     // 27 − 12 + 5
  Exercise e;
  e.configure(asking({"slope"}), t);
  CHECK(e.answer("slope", 14.06, t)->is_success);   // 0.43 % off
  CHECK_FALSE(e.answer("slope", 14.1, t)->is_success);  // 0.71 % off
  CHECK(e.find("slope")->attempts == 2);
  CHECK_FALSE(e.answer("fx", 20, t));  // not asked: no attempt
}

TEST_CASE("the seed's finite difference at h = 0.001 is 5 + 2h = 5.002, and one descent step is x − η·5") {
  FunctionState s;  // f(x) = 2x² − 3x + 4 at x0 = 2, η = 0.1
  s.h = 0.001;
  const Truths t = function_truths(s, point_of(s), nullptr);
  // (f(x+h) − f(x))/h = 4x − 3 + 2h for this f, by hand.
  CHECK(t.values.at("fd") == doctest::Approx(5.002).epsilon(1e-9));
  CHECK(t.values.at("step") == doctest::Approx(2 - 0.1 * 5));
  Exercise e;
  e.configure(asking({"fd", "step"}), t);
  CHECK(e.answer("fd", 5.002, t)->is_success);
  CHECK(e.answer("fd", 5, t)->is_success);  // the exact slope is 0.04 % off 5.002: within the default 0.5 %
}

TEST_CASE("an absolute tolerance of 1e-6 makes an answer near a true zero right") {
  CHECK(is_close(5e-7, 0, 0.005, 1e-6));
  CHECK_FALSE(is_close(2e-6, 0, 0.005, 1e-6));
  CHECK(is_close(101, 100, 0.01, 0));
  CHECK_FALSE(is_close(NAN, 1, 1, 1));
  CHECK(is_close(INFINITY, INFINITY, 0, 0));
}

TEST_CASE("the seed graph's gradients: ∂L/∂a = 4 as the seed writes, every one in backward order") {
  const Truths t = seed_graph_truths();
  CHECK(t.values.at("grad:a") == 4);   // -2 · 1 · -2
  CHECK(t.values.at("grad:b") == -6);  // ∂L/∂d · a = -2 · 3
  CHECK(t.values.at("grad:c") == -2);  // ∂L/∂e
  CHECK(t.values.at("grad:f") == 2);   // e = -6 + 8
  CHECK(t.values.at("value:d") == -6);
  CHECK(t.values.at("value:L") == -4);
  REQUIRE(t.backward_order.size() == 7);
  CHECK(t.backward_order.front() == "grad:L");
  CHECK(t.backward_order[1] == "grad:e");  // then d, f, c, b, a: the reverse of the order the graph made them
  CHECK(t.hints.at("grad:a") == "∂L/∂a = ∂L/∂d · ∂d/∂a");  // the rule, without the numbers
}

TEST_CASE("checking every gradient flags the first wrong node in backward order and offers its local rule") {
  const Truths t = seed_graph_truths();
  Exercise e;
  e.configure(asking({"grads"}), t);
  REQUIRE(e.quantities().size() == 7);
  for (const std::string& id : t.backward_order) {
    // The learner gets ∂L/∂d wrong (+2 instead of −2) and so ∂L/∂a and ∂L/∂b too.
    const double wrong = id == "grad:d" ? 2 : id == "grad:a" ? -4 : id == "grad:b" ? 6 : t.values.at(id);
    e.answer(id, wrong, t);
  }
  CHECK(e.first_wrong() == "grad:d");
  CHECK(t.hints.at(e.first_wrong()) == "∂L/∂d = ∂L/∂e · ∂e/∂d");
  CHECK(e.find("grad:L")->is_correct);
}

TEST_CASE("a network step-through's truths are the hand calculation of one linear neuron") {
  Trainer trainer;
  NetworkState s;
  s.model.hidden = {};
  s.model.output = bp::nn::Activation::kLinear;
  s.learning_rate = 0.5;
  REQUIRE(trainer.configure(s).empty());
  REQUIRE(trainer.set_parameters({0.5, -0.25, 0.1}));  // W1 = [0.5 −0.25], b1 = 0.1
  const bp::nn::Point& p = trainer.train_points()[0];
  const Truths t = network_truths(trainer, 0, s.learning_rate);
  const double yhat = 0.5 * p.x1 - 0.25 * p.x2 + 0.1;
  const double delta = 2 * (yhat - p.label);  // d(ŷ − y)²/dŷ, one example
  CHECK(t.values.at("yhat") == doctest::Approx(yhat));
  CHECK(t.values.at("eloss") == doctest::Approx((yhat - p.label) * (yhat - p.label)));
  CHECK(t.values.at("delta1:0") == doctest::Approx(delta));
  CHECK(t.values.at("dW1:0,0") == doctest::Approx(delta * p.x1));
  CHECK(t.values.at("dW1:0,1") == doctest::Approx(delta * p.x2));
  CHECK(t.values.at("W1:0,0") == doctest::Approx(0.5 - 0.5 * delta * p.x1));
  CHECK(t.values.at("b1:0") == doctest::Approx(0.1 - 0.5 * delta));
  CHECK(trainer.parameters()[0] == 0.5);  // a copy stepped, not the network
}

TEST_CASE("the author panel's network picker offers every step-through entry, grouped by kind in row order") {
  Trainer trainer;
  NetworkState s;
  s.model.hidden = {3};  // W1 is 3×2, W2 is 1×3
  REQUIRE(trainer.configure(s).empty());
  const Truths t = network_truths(trainer, 0, s.learning_rate);
  const std::vector<AskGroup> groups = network_ask_groups(t);
  std::vector<std::string> kinds;
  std::size_t ids = 0;
  for (const AskGroup& g : groups) kinds.push_back(g.kind), ids += g.ids.size();
  // yhat, eloss, then per layer z a delta dW db W b: 2 + 7 + 7 kinds; 2 + (3+3+3+6+3+6+3) + (1+1+1+3+1+3+1) ids.
  CHECK(kinds == std::vector<std::string>{"yhat", "eloss", "z1", "a1", "delta1", "dW1", "db1", "W1", "b1", "z2", "a2",
                                          "delta2", "dW2", "db2", "W2", "b2"});
  CHECK(ids == 2 + 27 + 11);
  CHECK(ids == t.values.size());  // nothing the exercise could check is missing from the picker
  const AskGroup& dw1 = groups[5];
  CHECK(dw1.ids == std::vector<std::string>{"dW1:0,0", "dW1:0,1", "dW1:1,0", "dW1:1,1", "dW1:2,0", "dW1:2,1"});
  CHECK(dw1.title == "dW1: ∂L/∂W of layer 1");
}

TEST_CASE("reveal=ask offers the answer at once, after:2 shows it after two wrong tries, never never") {
  Truths t;
  t.values["fx"] = 6;
  ExerciseState s = asking({"fx"});
  Exercise e;
  e.configure(s, t);
  CHECK(e.can_reveal(*e.find("fx")));
  s.reveal_after = 2;
  Exercise after;
  after.configure(s, t);
  CHECK_FALSE(after.can_reveal(*after.find("fx")));
  CHECK_FALSE(after.answer("fx", 7, t)->is_revealed);
  CHECK(after.answer("fx", 8, t)->is_revealed);
  CHECK(after.find("fx")->is_revealed);
  s.reveal_after = -1;
  Exercise never;
  never.configure(s, t);
  for (int i = 0; i < 5; ++i) never.answer("fx", 0, t);
  CHECK_FALSE(never.find("fx")->is_revealed);
  CHECK_FALSE(never.reveal("fx"));
}

TEST_CASE("the best h is read off the error curve's envelope, so a lucky dip is not the answer") {
  ErrorCurve curve;
  for (int i = 0; i < ErrorCurve::kSamples; ++i) {
    const double k = -16 + 16.0 * i / (ErrorCurve::kSamples - 1);
    curve.hs.push_back(std::pow(10.0, k));
    curve.errors.push_back(1e-16 / std::pow(10.0, k) + std::pow(10.0, k));  // rounding + truncation: best at 1e-8
  }
  curve.errors[20] = 1e-20;  // an accidental near-zero at h = 1e-13.9
  CHECK(best_h_exponent(curve) == doctest::Approx(-8).epsilon(0.02));
  Truths t;
  t.values["besth"] = best_h_exponent(curve);
  Exercise e;
  e.configure(asking({"besth"}), t);
  CHECK(e.answer("besth", -8.5, t)->is_success);
  CHECK(e.answer("besth", 1e-8, t)->is_success);  // h itself
  CHECK_FALSE(e.answer("besth", -10, t)->is_success);
}

TEST_CASE("a new list of asked ids starts over; the same list keeps the learner's attempts") {
  Truths t;
  t.values["fx"] = 6;
  Exercise e;
  e.configure(asking({"fx"}), t);
  e.answer("fx", 1, t);
  e.configure(asking({"fx"}), t);
  CHECK(e.find("fx")->attempts == 1);
  e.configure(asking({"fx", "slope"}), t);
  CHECK(e.find("fx")->attempts == 0);
}

TEST_CASE("unknown names in hide, lock and ask get a notice naming the known ones, and the rest applies") {
  const DecodedState d = decode_state("mode=function&hide=slope,grad,gradient&ask=fx,dW1:0,0,nonsense&lock=x0,y0");
  CHECK(d.state.exercise.hide == std::vector<std::string>{"slope"});
  CHECK(d.state.exercise.ask == std::vector<std::string>{"fx", "dW1:0,0"});
  CHECK(d.state.exercise.lock == std::vector<std::string>{"x0"});
  REQUIRE(d.notices.size() == 3);
  CHECK(d.notices[0].find("'grad', 'gradient' are not known") != std::string::npos);
  CHECK(d.notices[0].find("known: fx slope fd") != std::string::npos);
  CHECK(d.notices[1].find("'nonsense'") != std::string::npos);  // in the link's order
  CHECK(d.notices[1].find("grad:NAME") != std::string::npos);
  CHECK(d.notices[2].find("'y0' is not known") != std::string::npos);
}

TEST_CASE("the results the page reads: answers per asked quantity, the true value only once revealed") {
  Truths t;
  t.values["fx"] = 6;
  static const ExerciseState state = asking({"fx"});
  begin_results_frame(state);
  set_truths(t);
  std::string heard;
  static std::string* sink = &heard;
  set_answer_listener([](const std::string& json) { *sink = json; });
  submit_answer("fx", 5);
  CHECK(heard == R"j({"id":"fx","response":5,"success":false,"attempts":1,"revealed":false})j");
  CHECK(answers_json() == R"j([{"id":"fx","label":"f(x₀)","value":5,"correct":false,"attempts":1,"revealed":false}])j");
  exercise().reveal("fx");
  CHECK(answers_json().find(R"j("revealed":true,"answer":6)j") != std::string::npos);
  set_answer_listener(nullptr);
  begin_results_frame(state);
  show_result("fx", 6);
  show_result("slope", NAN);
  CHECK(shown_results_json() == R"j({"fx":6,"slope":null})j");
}

TEST_CASE("the gallery's exercises ask what their captions say, with the true values worked by hand") {
  std::vector<const GalleryEntry*> found;
  for (const auto& entry : gallery()) {
    if (!entry.state.exercise.ask.empty()) found.push_back(&entry);
  }
  REQUIRE(found.size() >= 6);
  // The seed's slope at 2: 4·2 − 3 = 5.
  AppState slope = found[0]->state;
  CHECK(slope.exercise.ask == std::vector<std::string>{"slope"});
  CHECK(function_truths(slope.function, point_of(slope.function), nullptr).values.at("slope") == 5);
  // The forward difference at h = 0.001: 5 + 2h.
  AppState fd = found[1]->state;
  CHECK(function_truths(fd.function, point_of(fd.function), nullptr).values.at("fd") ==
        doctest::Approx(5.002).epsilon(1e-9));
  // ∂L/∂a of the seed program: 4, as the seed writes.
  CHECK(seed_graph_truths(found[2]->state.graph.program).values.at("grad:a") == 4);
  CHECK(found[3]->state.exercise.ask == std::vector<std::string>{"grads"});
  // The round-weights network (W1 = [[0.1, -0.2], [0.4, 0.3]], b1 = [0.05, -0.1], W2 = [[0.7, -0.5]], b2 = 0.2)
  // on example #0, by hand: h = tanh(W1·x + b1), ŷ = W2·h + b2, δ2 = 2(ŷ − y), ∂L/∂W2[0,0] = δ2·h₀.
  const NetworkState& n = found[4]->state.network;
  Trainer trainer;
  REQUIRE(trainer.configure(n).empty());
  REQUIRE(trainer.set_parameters(n.weights));
  const bp::nn::Point& p = trainer.train_points()[0];
  const double h0 = std::tanh(0.1 * p.x1 - 0.2 * p.x2 + 0.05), h1 = std::tanh(0.4 * p.x1 + 0.3 * p.x2 - 0.1);
  const double delta2 = 2 * (0.7 * h0 - 0.5 * h1 + 0.2 - p.label);
  const Truths t = network_truths(trainer, 0, n.learning_rate);
  CHECK(t.values.at("dW2:0,0") == doctest::Approx(delta2 * h0));
  CHECK(t.values.at("W2:0,0") == doctest::Approx(0.7 - 0.1 * delta2 * h0));
  CHECK(found[5]->state.exercise.ask == std::vector<std::string>{"besth"});
}
