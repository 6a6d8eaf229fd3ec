// The training loop's tanh (nn/fast_math.hpp) against the C library's: a learner reads the same
// activations and gradients either way, so the difference must stay at the last bits of a double.
#include <cmath>
#include <limits>
#include <vector>

#include <doctest/doctest.h>

#include "fast_math.hpp"

using bp::fast_tanh;

TEST_CASE("fast_tanh is within 1e-15 of std::tanh over [-25, 25], near 0 and where 2^n changes") {
  double worst = 0;
  const auto check = [&](double x) {
    const double exact = std::tanh(x);
    const double error = exact == 0 ? std::fabs(fast_tanh(x)) : std::fabs(fast_tanh(x) - exact) / std::fabs(exact);
    worst = std::max(worst, error);
  };
  for (long i = 0; i <= 2'000'000; ++i) check(-25.0 + 50.0 * static_cast<double>(i) / 2'000'000.0);
  // Relative error near 0, where one formula serves: 1e-300 to 1 in even steps of the exponent.
  for (long i = 0; i <= 200'000; ++i) check(std::pow(10.0, -300.0 + 300.0 * static_cast<double>(i) / 200'000.0));
  // Either side of each switch of n = round(2|x|·log2 e): |x| = (k + ½)·ln2/2.
  for (int k = 0; k < 32; ++k) {
    const double at = (k + 0.5) * std::log(2.0) / 2;
    for (double x : {at, std::nextafter(at, 0.0), std::nextafter(at, 30.0)}) {
      check(x);
      check(-x);
    }
  }
  CHECK(worst < 1e-15);
}

TEST_CASE("fast_tanh keeps the special values: signed zero, tiny, huge, infinite and NaN inputs") {
  CHECK(fast_tanh(0.0) == 0.0);
  CHECK(std::signbit(fast_tanh(-0.0)));
  CHECK(fast_tanh(1e-300) == 1e-300);             // tanh(x) = x for tiny x
  CHECK(fast_tanh(5e-324) == 5e-324);             // the smallest subnormal
  CHECK(fast_tanh(22.5) == 1.0);
  CHECK(fast_tanh(-1e300) == -1.0);
  CHECK(fast_tanh(std::numeric_limits<double>::infinity()) == 1.0);
  CHECK(fast_tanh(-std::numeric_limits<double>::infinity()) == -1.0);
  CHECK(std::isnan(fast_tanh(std::numeric_limits<double>::quiet_NaN())));
}

TEST_CASE("the array form gives the same values as the scalar form, in place too") {
  std::vector<double> values{-30, -3, -0.7, -0.1, 0, 0.3, 0.625, 2, 19, 40, 1e-8};
  std::vector<double> out(values.size());
  bp::fast_tanh(values.data(), out.data(), static_cast<long>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i) CHECK(out[i] == fast_tanh(values[i]));
  bp::fast_tanh(values.data(), values.data(), static_cast<long>(values.size()));
  CHECK(values == out);
}
