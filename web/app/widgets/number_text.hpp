// The text of a number as a learner types and reads it: "1e-6", "0.001", "10^-6", "1/1000" in, the
// shortest text that reads back to the same double out. No ImGui: tested natively.
#pragma once

#include <string>
#include <string_view>

#include "expr/expected.hpp"

namespace bp::app {

// Limits a typed value must keep; both inclusive.
struct NumberLimits {
  double min = -1e300, max = 1e300;
  bool positive = false;  // h, a learning rate: 0 and below are refused with their own message
};

// The value of `text`: a decimal ("0.001", "1e-6", "-2"), a power of ten ("10^-6", "10**-6",
// "10^(-6)", "10⁻⁶", exactly the double 1e-6), or a constant expression of the engine's
// ("1/3", "2^-20", "pi/4"). An error says what is wrong and the value is left to the caller.
expr::Expected<double> parse_number(std::string_view text, const NumberLimits& limits = {});

// The shortest text that parse_number reads back to `value` ("1e-06" is written "1e-6").
std::string number_text(double value);

}  // namespace bp::app
