// The two-variable view's model: which texts open it, the partials, finite differences and directional
// derivative at the point, the sampled grid and the level curve. Reference values are hand calculation
// (written beside each) and Python's math module for sin(0.5) and cos(0.5).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "function/model.hpp"
#include "plane/model.hpp"

using namespace bp::app;

namespace {

FunctionState two_variable(const std::string& text, double x0, double y0) {
  FunctionState s;
  s.text = text;
  s.x0 = x0;
  s.plane.y0 = y0;
  return s;
}

}  // namespace

TEST_CASE("a text in two free variables opens the two-variable view, x across and y up") {
  const FreeVariables xy = free_variables("y*x");
  CHECK(xy.parses);
  CHECK(xy.names == std::vector<std::string>{"x", "y"});  // x horizontal although y is read first
  CHECK(free_variables("f(y, x) = x^2 + y").names == std::vector<std::string>{"y", "x"});  // as declared
  CHECK(free_variables("u*v^2").names == std::vector<std::string>{"u", "v"});  // order of first use
  CHECK(free_variables("a = 3\na*x + y").names == std::vector<std::string>{"x", "y"});  // a has a value
  CHECK(free_variables("2x² − 3x + 4").names.size() == 1);  // one variable keeps the 1-D view
  CHECK(!free_variables("x*(").parses);
}

TEST_CASE("a half-typed edit keeps the view it was in") {
  ViewChoice choice;
  CHECK(!choice.is_two_variable("x^2"));
  CHECK(choice.is_two_variable("x^2 + y"));
  CHECK(choice.is_two_variable("x^2 + y*"));  // does not parse: still two
  CHECK(!choice.is_two_variable("x^2"));
  CHECK(choice.is_two_variable("x*y*z"));  // three: the two-variable view, whose field says why not
}

TEST_CASE("three free variables are named with a word on what the view shows") {
  const FreeVariables three = free_variables("x*y + z");
  REQUIRE(three.names.size() == 3);
  CHECK(three.message == "f has 3 free variables (x, y and z); the view shows one or two: give the others values, "
                         "as in a = 2");
  PlaneModel m;
  m.begin_frame(two_variable("x*y + z", 0, 0));
  CHECK(!m.has_function());
  REQUIRE(m.error());
  CHECK(m.error()->message == three.message);
}

TEST_CASE("the 1-D view alone cannot take x*y: it asks for y's value, which is why two names switch views") {
  FunctionModel one;
  FunctionState s = two_variable("x*y", 1, 2);
  for (int frame = 0; frame < 10 && (frame == 0 || one.is_compiling()); ++frame) one.begin_frame(s, 1e300);
  REQUIRE(one.compiled().error());
  CHECK(one.compiled().error()->message.find("y") != std::string::npos);
  PlaneModel two;
  two.begin_frame(s);
  CHECK(two.has_function());
  CHECK(!two.error());
}

TEST_CASE("the partials at the point are exact and the finite differences approach them") {
  // f = x²·y + sin y at (1.5, 0.5): ∂f/∂x = 2xy = 1.5, ∂f/∂y = x² + cos y = 2.25 + 0.8775825618903728.
  PlaneModel m;
  FunctionState s = two_variable("f(x, y) = x^2*y + sin(y)", 1.5, 0.5);
  s.h = 1e-6;
  m.begin_frame(s);
  REQUIRE(m.has_function());
  CHECK(m.horizontal() == "x");
  CHECK(m.vertical() == "y");
  const PlaneReading& r = m.reading(s);
  CHECK(r.value == doctest::Approx(1.604425538604203).epsilon(1e-15));  // 1.125 + sin 0.5
  CHECK(r.dfdx == doctest::Approx(1.5).epsilon(1e-15));
  CHECK(r.dfdy == doctest::Approx(3.1275825618903728).epsilon(1e-15));
  // Forward differences are off by about h/2 · f″: ∂²f/∂x² = 2y = 1, ∂²f/∂y² = −sin y ≈ −0.48.
  CHECK(std::fabs(r.estimate_x - 1.5) < 1e-5);
  CHECK(std::fabs(r.estimate_y - 3.1275825618903728) < 1e-5);
  CHECK(r.estimate_x != r.dfdx);
  s.scheme = Scheme::kCentral;
  s.h = 1e-3;  // central differences are exact for x²·y along x (up to rounding)
  CHECK(m.reading(s).estimate_x == doctest::Approx(1.5).epsilon(1e-9));
}

TEST_CASE("the directional derivative is the gradient's component along the dragged direction") {
  PlaneModel m;
  FunctionState s = two_variable("x^2*y + sin(y)", 1.5, 0.5);
  m.begin_frame(s);
  s.plane.direction = 90;  // straight up: ∂f/∂y
  CHECK(m.reading(s).directional == doctest::Approx(3.1275825618903728).epsilon(1e-12));
  s.plane.direction = 45;  // (1.5 + 3.1275825618903728) / √2
  CHECK(m.reading(s).directional == doctest::Approx(3.2721950100132986).epsilon(1e-12));
  s.plane.direction = 180;  // straight left: −∂f/∂x
  CHECK(m.reading(s).directional == doctest::Approx(-1.5).epsilon(1e-12));
}

TEST_CASE("the grid holds f at the cells' centres, bottom row first, with a round contour spacing") {
  PlaneModel m;
  FunctionState s = two_variable("x + 2y", 0, 0);
  m.begin_frame(s);
  const SampledGrid& g = m.grid(0, 1, 0, 1, 4);
  REQUIRE(g.values.size() == 16);
  CHECK(g.values[0] == doctest::Approx(0.125 + 2 * 0.125));  // x = 0.125, y = 0.125
  CHECK(g.values[3] == doctest::Approx(0.875 + 2 * 0.125));  // right end of the bottom row
  CHECK(g.values[12] == doctest::Approx(0.125 + 2 * 0.875));  // left end of the top row
  CHECK(g.low < g.high);
  const double exponent = std::log10(g.level_step);
  const double mantissa = g.level_step / std::pow(10.0, std::floor(exponent));
  CHECK((std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 || std::fabs(mantissa - 5) < 1e-9));
}

TEST_CASE("a new window is drawn coarse at once and refined to the full grid over the next frames") {
  PlaneModel m;
  m.begin_frame(two_variable("x*y", 0, 0));
  const double past = -1;  // a deadline already gone: one row per call after the coarse grid
  CHECK(m.grid(-1, 1, -1, 1, 256, past).n == kCoarseGrid);
  CHECK(!m.is_sampling());  // a new window: the coarse grid alone (a pan would move it again next frame)
  CHECK(m.grid(-1, 1, -1, 1, 256, past).n == kCoarseGrid);
  CHECK(m.is_sampling());  // the same window again: refining, a row per call past the deadline
  int calls = 1;
  while (m.is_sampling() && calls < 1000) m.grid(-1, 1, -1, 1, 256, past), ++calls;
  CHECK(calls == 256);
  const SampledGrid& g = m.grid(-1, 1, -1, 1, 256, past);
  REQUIRE(g.n == 256);
  CHECK(g.values[0] == doctest::Approx(g.x_at(0) * g.y_at(0)));
  CHECK(g.values[256 * 255 + 255] == doctest::Approx(g.x_at(255) * g.y_at(255)));
  CHECK(m.grid(-2, 1, -1, 1, 256, past).n == kCoarseGrid);  // panned: coarse again
}

TEST_CASE("a grid point where f is undefined stays NaN, not a silent number") {
  PlaneModel m;
  m.begin_frame(two_variable("log(x) + y", 0, 0));
  const SampledGrid& g = m.grid(-1, 1, 0, 1, 2);  // x = −0.5 and 0.5
  CHECK(std::isnan(g.values[0]));
  CHECK(std::isfinite(g.values[1]));
}

TEST_CASE("the level set through the point keeps f at the point's value") {
  PlaneModel m;
  FunctionState s = two_variable("x^2 + y^2", 1, 0);  // the unit circle
  m.begin_frame(s);
  const auto& circle = m.level_curve(s, -2, 2, -2, 2);
  REQUIRE(circle.size() > 100);
  bool reached_far_side = false;
  // Linear interpolation along a cell's edge of width d = 4/128 misses x² by at most d²/4 ≈ 2.4e-4.
  for (const auto& [x1, y1, x2, y2] : circle) {
    CHECK(std::fabs(x1 * x1 + y1 * y1 - 1) < 2.5e-4);
    CHECK(std::fabs(x2 * x2 + y2 * y2 - 1) < 2.5e-4);
    CHECK(std::hypot(x2 - x1, y2 - y1) < 4.0 / kLevelGrid * 1.5);  // a segment stays within its cell
    reached_far_side |= x1 < -0.99;
  }
  CHECK(reached_far_side);

  m.grid(-2, 2, -2, 2, 256);  // the heat map's grid: its cells taken two samples wide, as fine as kLevelGrid²
  const auto& on_map = m.level_curve(s, -2, 2, -2, 2);
  REQUIRE(on_map.size() > 100);
  for (const auto& [x1, y1, x2, y2] : on_map) CHECK(std::fabs(x1 * x1 + y1 * y1 - 1) < 2.5e-4);

  FunctionState hyperbola = two_variable("x*y", 1, 2);  // x·y = 2: both arms, the one through the point and the other
  m.begin_frame(hyperbola);
  const auto& arms = m.level_curve(hyperbola, -4, 4, -4, 4);
  REQUIRE(arms.size() > 50);
  bool has_other_arm = false;
  for (const auto& [x1, y1, x2, y2] : arms) {  // x·y is linear along each edge: interpolation finds it exactly
    CHECK(std::fabs(x1 * y1 - 2) < 1e-12);
    CHECK(std::fabs(x2 * y2 - 2) < 1e-12);
    has_other_arm |= x1 < 0;
  }
  CHECK(has_other_arm);
}

TEST_CASE("at a saddle the level set is the two lines that cross there") {
  PlaneModel m;
  FunctionState s = two_variable("x^2 - y^2", 0, 0);
  m.begin_frame(s);
  const auto& lines = m.level_curve(s, -1, 1, -1.1, 0.9);
  REQUIRE(!lines.empty());
  for (const auto& [x1, y1, x2, y2] : lines) {
    CHECK(std::fabs(x1 * x1 - y1 * y1) < 2.5e-4);  // as for the circle: within d²/4 of f = 0
    CHECK(std::fabs(x2 * x2 - y2 * y2) < 2.5e-4);
  }
}

TEST_CASE("a text with an error keeps the last good f beside the error") {
  PlaneModel m;
  FunctionState s = two_variable("x*y", 1, 2);
  m.begin_frame(s);
  s.text = "x*y +";
  m.begin_frame(s);
  CHECK(m.has_function());
  REQUIRE(m.error());
  CHECK(m.reading(s).value == 2);
}

TEST_CASE("the map shows the asked window whole and centred with square pixels, and a square one as it is") {
  const PlaneWindow asked{-2, 2, -1, 1};  // 4 wide, 2 high
  // A 400 × 400 canvas: 0.01 per pixel across, so 4 high about y = 0; x exactly as asked.
  const PlaneWindow tall = shown_window(asked, 400, 400);
  CHECK(tall.x_min == -2);
  CHECK(tall.x_max == 2);
  CHECK(tall.y_min == doctest::Approx(-2));
  CHECK(tall.y_max == doctest::Approx(2));
  // An 800 × 100 canvas: 0.02 per pixel up (2 / 100), so 16 wide about x = 0; y exactly as asked.
  const PlaneWindow wide = shown_window(asked, 800, 100);
  CHECK(wide.x_min == doctest::Approx(-8));
  CHECK(wide.x_max == doctest::Approx(8));
  CHECK(wide.y_min == -1);
  CHECK(wide.y_max == 1);
  // Off-centre windows stay centred on theirs: x ∈ [1, 3], y ∈ [10, 11] on 200 × 200 → y ∈ [9.5, 11.5].
  const PlaneWindow off = shown_window({1, 3, 10, 11}, 200, 200);
  CHECK(off.x_min == 1);
  CHECK(off.y_min == doctest::Approx(9.5));
  CHECK(off.y_max == doctest::Approx(11.5));
  // A window of the canvas's shape (one written back after a pan) is drawn bit for bit as it is: no resampling.
  CHECK(shown_window(wide, 800, 100) == wide);
  CHECK(shown_window({0.1, 0.7, -0.3, 0.3}, 333, 333) == PlaneWindow{0.1, 0.7, -0.3, 0.3});
  // No canvas yet: the asked window.
  CHECK(shown_window(asked, 0, 0) == asked);
}

TEST_CASE("a pan moves the full grid by whole cells and samples only the strip it exposes") {
  PlaneModel m;
  m.begin_frame(two_variable("sin(3x) * y + x*x", 0, 0));
  const double past = -1;
  m.grid(-1, 1, -1, 1, 256);  // no deadline: the full grid at once
  const double cell = 2.0 / 256;
  // Three cells right and 1.8 cells down (rounded to two), as a drag moves the window.
  const SampledGrid& g = m.grid(-1 + 3.1 * cell, 1 + 3.1 * cell, -1 - 1.8 * cell, 1 - 1.8 * cell, 256, past);
  REQUIRE(g.n == 256);  // not the coarse grid a zoom would get
  CHECK(g.x_min == doctest::Approx(-1 + 3 * cell));
  CHECK(g.y_min == doctest::Approx(-1 - 2 * cell));
  CHECK(!m.is_sampling());
  // Every cell holds f at its centre: the moved ones, the new columns on the right and the new rows at the bottom.
  const auto f = [](double x, double y) { return std::sin(3 * x) * y + x * x; };
  for (int j : {0, 1, 2, 100, 255}) {
    for (int i : {0, 100, 252, 253, 255}) {
      CHECK(g.values[static_cast<std::size_t>(j * 256 + i)] == doctest::Approx(f(g.x_at(i), g.y_at(j))).epsilon(1e-6));
    }
  }
  // A jump of more than a coarse grid's samples, or a zoom, is drawn coarse again.
  CHECK(m.grid(-1 + 100 * cell, 1 + 100 * cell, -1 + 100 * cell, 1 + 100 * cell, 256, past).n == kCoarseGrid);
  CHECK(m.grid(-2, 2, -2, 2, 256, past).n == kCoarseGrid);
}
