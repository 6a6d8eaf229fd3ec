// Finite-difference slopes: the seed's digits, the three schemes, the caller's h, bad h.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "expr/function1d.hpp"
#include "helpers.hpp"

using bp::expr::Scheme;

namespace {
double slope(const std::string& f, double x, double h, Scheme scheme = Scheme::kForward) {
  auto result = bp::expr::numerical_derivative(f, "x", {{"x", x}}, h, scheme);
  REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
  return result->slope;
}
}  // namespace

TEST_CASE("forward differences with h = 0.000001 give the seed's digits") {
  // Seed article 002: (f(2 + h) - f(2)) / h # 5.000002000876691, and likewise at 6 and -2.
  const std::string f = "f(x) = 2x²−3x+4";
  CHECK(slope(f, 2, 0.000001) == 5.000002000876691);
  CHECK(slope(f, 6, 0.000001) == 21.000002000448603);
  CHECK(slope(f, -2, 0.000001) == -10.999997996918864);
}

TEST_CASE("at x = 0.75 the seed's slope with h = 1e-9 is exactly 0") {
  // Seed article 002: (f(0.75 + h) - f(0.75)) / h # 0.0 with h = 0.000000001.
  CHECK(slope("2x^2 - 3x + 4", 0.75, 0.000000001) == 0.0);
}

TEST_CASE("the seed's partial slopes of d = a*b + c") {
  // Seed article 002 prints 3.00000000000189 and 0.9999999999976694 for b and c with h = 0.0001, and
  // -2.0000000000131024 for a: that one is what its formula gives with h = 0.00001 (Python 3.11 gives
  // -2.0000000000042206 for a with h = 0.0001). The article was edited between runs; both are checked.
  const bp::expr::Vars vars{{"a", 3}, {"b", -2}, {"c", 8}};
  auto at = [&](const char* name, double h) {
    return bp::expr::numerical_derivative("d = a*b + c", name, vars, h, Scheme::kForward)->slope;
  };
  CHECK(at("a", 0.00001) == -2.0000000000131024);
  CHECK(at("a", 0.0001) == -2.0000000000042206);
  CHECK(at("b", 0.0001) == 3.00000000000189);
  CHECK(at("c", 0.0001) == 0.9999999999976694);
}

TEST_CASE("central differences are exact for a quadratic up to round-off; one-sided ones are off by 2h") {
  // f = 2x^2 - 3x + 4: forward error = 2h, backward error = -2h, central error = 0 (Taylor, by hand).
  const std::string f = "2x^2 - 3x + 4";
  CHECK(slope(f, 2, 0.01, Scheme::kForward) == doctest::Approx(5.02).epsilon(1e-12));
  CHECK(slope(f, 2, 0.01, Scheme::kBackward) == doctest::Approx(4.98).epsilon(1e-12));
  CHECK(slope(f, 2, 0.01, Scheme::kCentral) == doctest::Approx(5).epsilon(1e-12));
}

TEST_CASE("the value returned with the slope is f at the caller's point") {
  auto result = bp::expr::numerical_derivative("x^2", "x", {{"x", 3}}, 1e-6, Scheme::kCentral);
  REQUIRE(result.ok());
  CHECK(result->value == 9);
}

TEST_CASE("round-off takes over when h is tiny") {
  // At h = 1e-15 the forward slope of the seed at 2 is visibly wrong (catastrophic cancellation).
  CHECK(std::fabs(slope("2x^2 - 3x + 4", 2, 1e-15) - 5) > 0.01);
}

TEST_CASE("h must be positive and finite; x must have a value") {
  for (double h : {0.0, -1e-3, double(INFINITY), double(NAN)}) {
    auto result = bp::expr::numerical_derivative("x^2", "x", {{"x", 1}}, h, Scheme::kForward);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find("h must be") != std::string::npos);
  }
  auto missing = bp::expr::numerical_derivative("x^2 + 1", "x", {}, 1e-6, Scheme::kForward);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().span.start == 0);
  CHECK(missing.error().span.end == 1);
}

TEST_CASE("a variable the function does not use has slope 0") {
  auto result = bp::expr::numerical_derivative("y^2", "x", {{"y", 3}}, 1e-6, Scheme::kForward);
  REQUIRE(result.ok());
  CHECK(result->slope == 0);
  CHECK(result->value == 9);
}

TEST_CASE("Function1D's finite differences are the same numbers as numerical_derivative's") {
  auto f = bp::expr::Function1D::compile("2x^2 - 3x + 4", "x", {});
  REQUIRE(f.ok());
  CHECK(f->finite_difference(2, 0.000001, Scheme::kForward) == 5.000002000876691);  // seed article 002
  for (Scheme s : {Scheme::kForward, Scheme::kCentral, Scheme::kBackward}) {
    CHECK(f->finite_difference(-1.3, 1e-4, s) == slope("2x^2 - 3x + 4", -1.3, 1e-4, s));
  }
}

TEST_CASE("Function1D's finite differences over many h are finite_difference()'s numbers, bit for bit") {
  // A function with round-off worth seeing (the error-against-h plot's whole point) and a pole.
  auto f = bp::expr::Function1D::compile("sin(x)·exp(−x²/10) + ln(1+x²) + 1/(x-0.5)", "x", {});
  REQUIRE(f.ok());
  std::vector<double> hs;
  for (int i = 0; i <= 150; ++i) hs.push_back(std::pow(10.0, -16.0 + 16.0 * i / 150));
  hs.push_back(0.5);  // from x = 0 the central and forward differences reach the pole: inf, nan
  std::vector<double> out(hs.size());
  for (Scheme s : {Scheme::kForward, Scheme::kCentral, Scheme::kBackward}) {
    for (double x : {0.0, -1.3, 1e8}) {
      f->finite_differences(x, hs.data(), hs.size(), s, out.data());
      for (std::size_t i = 0; i < hs.size(); ++i) {
        const double one = f->finite_difference(x, hs[i], s);
        INFO("scheme ", static_cast<int>(s), " x ", x, " h ", hs[i]);
        CHECK(std::memcmp(&one, &out[i], sizeof one) == 0);
      }
    }
  }
}

TEST_CASE("Function1D gives the value and the exact slope, and a constant when the variable is absent") {
  auto f = bp::expr::Function1D::compile("f(x) = 2x²−3x+4", "x", {});
  REQUIRE(f.ok());
  const auto p = f->value_and_slope(6);
  CHECK(p.value == 58);
  CHECK(p.slope == 21);
  auto g = bp::expr::Function1D::compile("a*3", "x", {{"a", 2}});
  REQUIRE(g.ok());
  CHECK(g->value_and_slope(5).value == 6);
  CHECK(g->value_and_slope(5).slope == 0);
  CHECK_FALSE(bp::expr::Function1D::compile("a*x", "x", {}).ok());
}

TEST_CASE("sample() over 1,000 points gives each point's own value and slope, bit for bit") {
  // sample() runs the tape a block of points at a time (Tape::sweep); a plot must show exactly what
  // the per-point walk computes, domain errors (NaN, ±inf) included, across block edges (1,000 is not
  // a multiple of the block) and for functions that ignore x.
  for (const char* text :
       {"2x²−3x+4", "sin(x)·exp(−x²/10) + ln(1+x²)", "ln(x) + sqrt(x) + 1/x", "x^3 - tanh(x)·relu(x-1)",
        "abs(x)^0.5 + sigmoid(3x) - step(x)", "c*2 + 1", "x*x/x - (x-1)^2"}) {
    auto f = bp::expr::Function1D::compile(text, "x", {{"c", 4}});
    REQUIRE(f);
    std::vector<double> xs(1000), ys(1000), dys(1000);
    for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -5 + 10.0 * static_cast<double>(i) / 999.0;
    xs[500] = 0;  // the kinks and poles at 0
    f->sample(xs.data(), xs.size(), ys.data(), dys.data());
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const auto one = f->value_and_slope(xs[i]);
      const bool same_value = ys[i] == one.value || (std::isnan(ys[i]) && std::isnan(one.value));
      const bool same_slope = dys[i] == one.slope || (std::isnan(dys[i]) && std::isnan(one.slope));
      if (!same_value || !same_slope) {
        FAIL(text << " at x = " << xs[i] << ": sample " << ys[i] << ", " << dys[i] << " vs " << one.value << ", "
                  << one.slope);
      }
    }
    std::vector<double> only(1000);
    f->sample(xs.data(), xs.size(), only.data(), nullptr);  // values only
    CHECK(std::equal(only.begin(), only.end(), ys.begin(),
                     [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }));
  }
}
