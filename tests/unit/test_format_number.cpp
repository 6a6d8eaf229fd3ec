// format_number (expr/printer.hpp): the shortest "%g" text (15, 16 or 17 digits) that reads back as the same double. Its
// read-back check skips strtod where decimal reading is exact in doubles; these tests hold it to strtod's
// answers.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "expr/printer.hpp"

namespace {

// The definition, with strtod deciding every read-back.
std::string shortest_by_strtod(double v) {
  char buffer[32];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  return buffer;
}

double from_bits(std::uint64_t bits) {
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

}  // namespace

TEST_CASE("numbers read as written, with the digits a double needs and no more") {
  // Hand-checked: 0.1 and 2.5 are the doubles nearest those decimals; 1/3 needs 16 digits; the seed's
  // finite-difference slope 21.000002000448603 (seed 002, h = 1e-6) needs all 17.
  CHECK(bp::expr::format_number(0.1) == "0.1");
  CHECK(bp::expr::format_number(-2.5) == "-2.5");
  CHECK(bp::expr::format_number(1.0 / 3.0) == "0.3333333333333333");
  CHECK(bp::expr::format_number(21.000002000448603) == "21.000002000448603");
  CHECK(bp::expr::format_number(1e23) == "1e+23");  // beyond 10^22: strtod decides
  // The smallest subnormal: its neighbours are a whole 5e-324 away, so 15 digits already read back.
  CHECK(bp::expr::format_number(5e-324) == "4.94065645841247e-324");
  CHECK(bp::expr::format_number(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("the read-back check agrees with strtod on 200,000 doubles of every kind") {
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  const auto next = [&] {  // splitmix64
    std::uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
  };
  int mismatches = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::uint64_t r = next();
    double v;
    switch (i % 4) {
      case 0: v = from_bits(r); break;                                             // any bit pattern
      case 1: v = static_cast<double>(r % 2000001) / 1000.0 - 1000.0; break;        // read-out-like decimals
      case 2: v = std::ldexp(static_cast<double>(r >> 11), -53) * 100.0; break;     // full-precision values
      default: v = static_cast<double>(r % 100000) * std::pow(10.0, static_cast<double>(r % 61) - 30.0);
    }
    if (!std::isfinite(v)) continue;
    const std::string ours = bp::expr::format_number(v), by_strtod = shortest_by_strtod(v);
    if (ours != by_strtod && ++mismatches <= 5) {
      const double value = v;
      CAPTURE(value);
      CHECK(ours == by_strtod);
    }
  }
  CHECK(mismatches == 0);
}
