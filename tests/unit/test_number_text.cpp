// Typed numbers (widgets/number_text.hpp): what a learner types for h and a learning rate. Reference:
// the double Python reads for the same literal (float("1e-6") == 10**-6 == 1e-06 there).
#include <doctest/doctest.h>

#include <cmath>

#include "widgets/number_text.hpp"

using namespace bp::app;

TEST_CASE("h typed as 1e-6, 0.000001, 10^-6, 10**-6, 10^(-6) and 10⁻⁶ is the same double 1e-6") {
  for (const char* text : {"1e-6", "0.000001", "10^-6", "10**-6", "10^(-6)", " 10 ^ -6 ", "10⁻⁶", "1E-6"}) {
    CAPTURE(text);
    auto v = parse_number(text);
    REQUIRE(v);
    CHECK(*v == 1e-6);
  }
  CHECK(*parse_number("0.001") == 0.001);
  CHECK(*parse_number("10^-3") == 0.001);
  CHECK(*parse_number("−2") == -2);  // the typographic minus a copied text carries
}

TEST_CASE("a constant expression is read by the engine: 1/1000, 2^-20, pi/4") {
  CHECK(*parse_number("1/1000") == 1.0 / 1000);
  CHECK(*parse_number("2^-20") == std::ldexp(1.0, -20));
  CHECK(*parse_number("pi/4") == doctest::Approx(0.7853981633974483));
}

TEST_CASE("a text that is not a number says why, and limits are kept") {
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("1e-"));
  CHECK_FALSE(parse_number("abc"));
  CHECK(parse_number("x + 1").error().message.find("x has no value") != std::string::npos);
  CHECK_FALSE(parse_number("nan"));
  const NumberLimits h{1e-15, 1, true};
  CHECK(parse_number("0", h).error().message == "must be greater than 0");
  CHECK(parse_number("-1e-6", h).error().message == "must be greater than 0");
  CHECK(parse_number("2", h).error().message.find("between 1e-15 and 1") != std::string::npos);
  CHECK(*parse_number("1e-15", h) == 1e-15);
}

TEST_CASE("a value is written with every digit it needs and no more") {
  CHECK(number_text(1e-6) == "1e-6");
  CHECK(number_text(0.001) == "0.001");
  CHECK(number_text(21.000002000448603) == "21.000002000448603");  // the seed's forward difference
  CHECK(number_text(-2.0000000000042206) == "-2.0000000000042206");
  CHECK(number_text(0.45464871341284085) == "0.45464871341284085");  // sin(2)/2
  CHECK(number_text(1e20) == "1e20");
  CHECK(number_text(NAN) == "NaN");
  for (double v : {0.1, 1.0 / 3, 6.02214076e23, 5e-324, -0.0, 123456789.125}) {
    CHECK(*parse_number(number_text(v)) == v);  // what is shown reads back to the same double
  }
}
