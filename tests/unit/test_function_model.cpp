// Function mode's model: what the panel draws for the seed article's function f(x) = 2x² − 3x + 4.
// Reference numbers: the seed article's Python session ("def f(x): return 2*x**2 - 3*x + 4",
// f(2) = 6, f(2 + h) = 6.000005000002001 and (f(2 + h) − f(2)) / h = 5.000002000876691 for
// h = 0.000001, the slope zero at x = 0.75), matched bit for bit, and hand calculation
// (f′(x) = 4x − 3).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "clock.hpp"
#include "function/model.hpp"

using namespace bp::app;

namespace {

// Runs frames with a generous budget until the compile is done, as the panel would.
void compile(FunctionModel& model, FunctionState& state) {
  for (int frame = 0; frame < 10; ++frame) {
    model.begin_frame(state, now_ms() + 1000);
    if (!model.is_compiling()) return;
  }
  FAIL("the compile did not finish in 10 frames");
}

FunctionState seed_with_h(double log10_h) {
  FunctionState s;
  s.h = std::pow(10.0, log10_h);
  return s;
}

}  // namespace

TEST_CASE("the seed function at x0 = 2: f = 6 and the exact slope 4x - 3 = 5") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  REQUIRE(model.has_function());
  const PointReading& p = model.snapshot(s).point;
  CHECK(p.x0 == 2);
  CHECK(p.value == 6);
  CHECK(p.slope == 5);
  CHECK(model.compiled().variable() == "x");
}

TEST_CASE("the forward difference with h = 1e-6 is the seed article's 5.000002000876691, bit for bit") {
  FunctionModel model;
  FunctionState s = seed_with_h(-6);
  compile(model, s);
  const PointReading& p = model.snapshot(s).point;
  CHECK(p.h == 1e-6);
  CHECK(p.estimate == 5.000002000876691);
  // The forward secant runs through (x0, f(x0)) and (x0 + h, f(x0 + h)): the article's 6.000005000002001.
  CHECK(p.secant.xa == 2);
  CHECK(p.secant.ya == 6);
  CHECK(p.secant.yb == 6.000005000002001);
  // Its slope divides by (x0 + h) − x0, which rounds h: the same number to about 1e-9.
  CHECK(p.secant.slope == doctest::Approx(p.estimate).epsilon(1e-8));
}

TEST_CASE("central and backward differences use x0 - h; the central one is exact on a parabola") {
  FunctionModel model;
  FunctionState s = seed_with_h(0);  // h = 1: large, so truncation error shows
  s.scheme = Scheme::kCentral;
  compile(model, s);
  PointReading p = model.snapshot(s).point;
  // (f(3) − f(1)) / 2 = (13 − 3) / 2 = 5: for a quadratic the central difference has no truncation error.
  CHECK(p.estimate == 5);
  CHECK(p.secant.xa == 1);
  CHECK(p.secant.xb == 3);
  s.scheme = Scheme::kBackward;
  p = model.snapshot(s).point;
  // (f(2) − f(1)) / 1 = 6 − 3 = 3, off by f″/2 · h = 2.
  CHECK(p.estimate == 3);
  CHECK(p.estimate - p.slope == -2);
}

TEST_CASE("the seed table's rows 2, 6, -2 show f, f(x + h) and the forward difference of the article") {
  FunctionModel model;
  FunctionState s = seed_with_h(-6);
  compile(model, s);
  const auto& table = model.snapshot(s).table;
  REQUIRE(table.size() == 3);
  const double value[] = {6, 58, 18};
  const double after_step[] = {6.000005000002001, 58.000021000002, 17.999989000002003};
  const double difference[] = {5.000002000876691, 21.000002000448603, -10.999997996918864};
  for (int i = 0; i < 3; ++i) {
    CAPTURE(table[i].x);
    CHECK(table[i].value == value[i]);
    CHECK(table[i].value_after_step == after_step[i]);
    CHECK(table[i].forward_difference == difference[i]);
  }
  s.table_points = {0.75};
  CHECK(model.snapshot(s).table.size() == 1);
  CHECK(model.snapshot(s).table[0].value == 2.875);  // 2·0.5625 − 2.25 + 4
}

TEST_CASE("one descent step from x0 = 2 with rate 0.1 goes to 2 - 0.1·5 = 1.5 and records the trail") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  model.step(s);
  CHECK(s.x0 == 1.5);
  CHECK(model.steps_taken() == 1);
  const auto& trail = model.snapshot(s).trail;
  REQUIRE(trail.size() == 2);
  CHECK(trail[0] == std::pair<double, double>{2, 6});
  CHECK(trail[1] == std::pair<double, double>{1.5, 4});  // f(1.5) = 4.5 − 4.5 + 4
  CHECK(model.snapshot(s).point.slope == 3);             // 4·1.5 − 3: the snapshot follows x0
  model.clear_trail();
  CHECK(model.snapshot(s).trail.empty());
}

TEST_CASE("descent all at once (reduced motion) walks to the seed's minimum at x = 0.75 and stops") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  model.toggle_descent(s, true);
  CHECK_FALSE(model.is_descending());
  CHECK(s.x0 == doctest::Approx(0.75).epsilon(1e-9));
  // x − 0.75 shrinks by 1 − 0.1·4 = 0.6 a step: |f′| = 4|x − 0.75| falls below 1e-9 after about 41 steps.
  CHECK(model.steps_taken() > 35);
  CHECK(model.steps_taken() < 50);
}

TEST_CASE("animated descent takes a step per 0.15 s and a pause stops it") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  model.toggle_descent(s, false);
  CHECK(model.is_descending());
  CHECK(model.advance_descent(s, 0.1));
  CHECK(s.x0 == 2);  // not yet
  CHECK(model.advance_descent(s, 0.1));
  CHECK(s.x0 == 1.5);
  model.toggle_descent(s, false);  // pause
  CHECK_FALSE(model.advance_descent(s, 1.0));
  CHECK(s.x0 == 1.5);
}

TEST_CASE("a half-typed text keeps the last good function, marked stale, beside its error") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  s.text = "f(x) = 2x²−3x+";
  model.text_edited(s.text);
  // The frame that took the edit still draws the last good f.
  REQUIRE(model.has_function());
  CHECK(model.snapshot(s).point.value == 6);
  compile(model, s);
  REQUIRE(model.has_function());  // the plot, table and readouts stay, of the last good f
  CHECK(model.compiled().is_stale());
  CHECK(model.snapshot(s).point.value == 6);
  CHECK(model.compiled().derivative() == "4x - 3");
  const bp::expr::Error* error = model.compiled().error();
  REQUIRE(error != nullptr);
  CHECK(error->span.start == s.text.size());  // the missing operand, after the last +
  CHECK_FALSE(error->message.empty());
  s.text = "f(x) = 2x²−3x+4";
  model.text_edited(s.text);
  compile(model, s);
  REQUIRE(model.has_function());
  CHECK_FALSE(model.compiled().is_stale());
  CHECK(model.snapshot(s).point.value == 6);
}

TEST_CASE("the compile runs one stage per frame when the budget is spent: f first, then f′, f″ and the reading") {
  FunctionModel model;
  FunctionState s;
  const double spent = now_ms() - 1;  // a deadline already past: one stage a frame
  model.begin_frame(s, spent);        // parse
  CHECK(model.is_compiling());
  CHECK_FALSE(model.has_function());
  model.begin_frame(s, spent);  // f
  CHECK(model.has_function());
  CHECK(model.compiled().derivative() == "…");
  model.begin_frame(s, spent);  // symbolic f′
  CHECK(model.is_compiling());
  CHECK(model.compiled().derivative() == "4x - 3");
  model.begin_frame(s, spent);  // f′ compiled, for f″
  CHECK(model.is_compiling());
  model.begin_frame(s, spent);  // reading
  CHECK_FALSE(model.is_compiling());
  CHECK(model.compiled().derivative() == "4x - 3");
  CHECK(model.compiled().reading().find("·") != std::string::npos);  // written as a learner writes it
}

TEST_CASE("a link's first text keeps its view; every new f after it fits y to what is visible, x kept") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  CHECK(s.view_y_min == -2);  // the first text (a link opening) keeps its view
  CHECK(s.view_y_max == 40);
  s.text = "x";  // from outside: the gallery or a link
  compile(model, s);
  // x over [−3, 4]: the 3rd to 97th percentile of 201 samples, padded by a tenth of the span.
  CHECK(s.view_y_min == doctest::Approx(-3 + 0.21 - 0.658).epsilon(1e-9));
  CHECK(s.view_y_max == doctest::Approx(4 - 0.21 + 0.658).epsilon(1e-9));
  s.text = "2x";  // typed by the learner: fitted as well, x range kept
  model.text_edited(s.text);
  compile(model, s);
  CHECK(s.view_x_min == -3);
  CHECK(s.view_x_max == 4);
  CHECK(s.view_y_min == doctest::Approx(2 * (-3 + 0.21) - 2 * 0.658).epsilon(1e-9));
}

TEST_CASE("sin(x), sin(x)/x and relu(x) are fitted to their own heights, not the seed's y in [-2, 40]") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  for (const char* text : {"sin(x)", "sin(x)/x", "relu(x)"}) {
    CAPTURE(text);
    s.text = text;
    model.text_edited(s.text);
    compile(model, s);
    // Over x in [-3, 4] each stays within [-1, 4]; the fitted range covers most of it and little else.
    CHECK(s.view_y_min >= -1.6);
    CHECK(s.view_y_max <= 4.6);
    CHECK(s.view_y_max - s.view_y_min >= 0.6);
  }
}

TEST_CASE("a pole is clipped: 1/x and tan(x) get a y range of their body, not of the spike") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  for (const char* text : {"1/x", "tan(x)", "1/(x-0.5)^2"}) {
    CAPTURE(text);
    s.text = text;
    model.text_edited(s.text);
    compile(model, s);
    CHECK(std::isfinite(s.view_y_min));
    CHECK(std::isfinite(s.view_y_max));
    CHECK(s.view_y_max - s.view_y_min < 200);  // 1/x reaches ±1e15 near 0 among 201 samples
    CHECK(s.view_y_max - s.view_y_min > 1);
  }
}

TEST_CASE("fit after a zoom restores the x range f was fitted in and fits y again") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  s.text = "x^2";
  model.text_edited(s.text);
  compile(model, s);
  const FunctionState fitted = s;
  s.view_x_min = 100, s.view_x_max = 101, s.view_y_min = -5, s.view_y_max = 5;  // zoomed and panned away
  model.fit_view(s);
  CHECK(s.view_x_min == fitted.view_x_min);
  CHECK(s.view_x_max == fitted.view_x_max);
  CHECK(s.view_y_min == fitted.view_y_min);
  CHECK(s.view_y_max == fitted.view_y_max);
}

TEST_CASE("a new function clears the descent trail and its step count") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  for (int i = 0; i < 47; ++i) model.step(s);
  CHECK(model.steps_taken() == 47);
  s.text = "x^2 - 1";
  model.text_edited(s.text);
  compile(model, s);
  CHECK(model.steps_taken() == 0);
  CHECK_FALSE(model.has_trail());
  CHECK(model.snapshot(s).trail.empty());
  s.text = "x^2 -";  // a text with an error keeps whatever the last good f has
  model.step(s);
  model.text_edited(s.text);
  compile(model, s);
  CHECK(model.steps_taken() == 1);
}

TEST_CASE("the error against h falls as 2h for the forward difference and has its sweet spot near 1e-8") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  const ErrorCurve& c = model.error_curve(s);
  REQUIRE(c.hs.size() == ErrorCurve::kSamples);
  CHECK(c.hs.back() == 1);
  CHECK(c.errors.back() == 2);  // (f(3) − f(2)) / 1 − 5 = 7 − 5: the truncation error f″/2 · h
  CHECK(c.errors[140] == doctest::Approx(2 * c.hs[140]).epsilon(1e-9));  // h ≈ 0.09
  // Truncation 2h meets round-off of about 1e-15/h near h = √(1e-15 / 2) ≈ 2e-8.
  CHECK(c.best_h > 1e-9);
  CHECK(c.best_h < 1e-6);
  CHECK(c.best < 1e-6);
}

TEST_CASE("samples CSV: a header and f, f′ at 401 points across the view") {
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  const std::string csv = model.samples_csv(s);
  CHECK(csv.rfind("x,f(x),f'(x)\n-3,31,-15\n", 0) == 0);  // f(−3) = 18 + 9 + 4, f′(−3) = −12 − 3
  CHECK(csv.size() > 401 * 6);
  CHECK(csv.substr(csv.size() - 8) == "4,24,13\n");  // f(4) = 32 − 12 + 4, f′(4) = 16 − 3
}

TEST_CASE("f(t) = t² plots in t and its curve is one run across the window") {
  FunctionModel model;
  FunctionState s;
  s.text = "f(t) = t^2";
  compile(model, s);
  CHECK(model.compiled().variable() == "t");
  s.x0 = 3;
  CHECK(model.snapshot(s).point.slope == 6);
  const PlotCurves curves = model.curves(CurveWindow{-3, 4, -2, 40, 600, 400}, true, now_ms() + 1000);
  CHECK_FALSE(curves.is_sampling);
  REQUIRE(curves.values != nullptr);
  REQUIRE(curves.slopes != nullptr);
  CHECK(curves.values->size() == 1);
  CHECK(curves.slopes->size() == 1);
}

TEST_CASE("f″ of the seed is 4 everywhere, and its Taylor parabola at x0 is f itself") {
  // f′ = 4x − 3 (hand), f″ = 4: a quadratic is its own second-order Taylor polynomial.
  FunctionModel model;
  FunctionState s;
  compile(model, s);
  const PointReading& p = model.snapshot(s).point;
  CHECK(p.curvature == 4);
  for (double x : {-2.0, 0.75, 2.0, 6.0}) CHECK(taylor_parabola(p, x) == doctest::Approx(2 * x * x - 3 * x + 4));
}

TEST_CASE("the Taylor parabola of exp at 0 is 1 + x + x²/2, and f″ follows x0") {
  FunctionModel model;
  FunctionState s;
  s.text = "exp(x)";
  s.x0 = 0;
  compile(model, s);
  const PointReading& p = model.snapshot(s).point;
  CHECK(p.curvature == 1);
  CHECK(taylor_parabola(p, 0.1) == doctest::Approx(1 + 0.1 + 0.005).epsilon(1e-15));
  s.x0 = 1;
  CHECK(model.snapshot(s).point.curvature == doctest::Approx(std::exp(1.0)).epsilon(1e-15));
}

TEST_CASE("Newton's method races descent from the same start and lands on the seed's minimum in one step") {
  // Newton: x ← x − f′(x)/f″(x) = 2 − 5/4 = 0.75, the minimum (a quadratic's Newton step is exact);
  // descent with rate 0.1 is at 1.5 after one step and still on its way after three.
  FunctionModel model;
  FunctionState s;
  s.learning_rate = 0.1;
  compile(model, s);
  model.step(s);
  const FunctionSnapshot& one = model.snapshot(s);
  REQUIRE(one.newton_trail.size() == 2);
  CHECK(one.newton_trail[0].first == 2);
  CHECK(one.newton_trail[1].first == 0.75);
  CHECK(one.newton_trail[1].second == 2.875);  // f(0.75), the seed's minimum value
  model.step(s);
  model.step(s);
  const FunctionSnapshot& three = model.snapshot(s);
  CHECK(three.newton_trail.size() == 4);
  CHECK(three.newton_trail.back().first == 0.75);
  CHECK(three.trail.back().first > 0.8);
  model.clear_trail();
  CHECK(model.snapshot(s).newton_trail.empty());
}

TEST_CASE("Newton's racer stays put where f″ is 0: on a line it cannot divide by the curvature") {
  FunctionModel model;
  FunctionState s;
  s.text = "3x + 1";
  s.x0 = 1;
  compile(model, s);
  model.step(s);
  const FunctionSnapshot& snap = model.snapshot(s);
  CHECK(snap.point.curvature == 0);
  REQUIRE(snap.newton_trail.size() == 2);
  CHECK(snap.newton_trail[1].first == 1);
}
