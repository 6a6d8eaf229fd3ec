// Other readings of a normal form, each a new expression in the same pool (textbook_form prints the
// shortest). Internal to the derivative's printing.
#pragma once

#include <optional>

#include "expr/canonical.hpp"

namespace bp::expr::canonical {

// common × (rest) for a sum whose terms share a factor: 2b + 2wx - 2y = 2(wx + b - y); else nothing.
std::optional<Id> factored(Pool& pool, Id sum);
// The sum over one denominator, its numerator multiplied out (call with the pool expanding):
// 1/(x + 1) - x/(x + 1)^2 = 1/(x + 1)^2. Nothing when no term has a denominator.
std::optional<Id> together(Pool& pool, Id sum);
// sin² + cos² = 1 and cosh² - sinh² = 1 on pairs of terms, sin(u)^p/cos(u)^p = tan(u)^p; with
// double_angle also cos² - sin² = cos(2u), cosh² + sinh² = cosh(2u) and s(u)c(u) = s(2u)/2.
// Returns `sum` itself when nothing applies.
Id trig_identities(Pool& pool, Id sum, bool double_angle);

}  // namespace bp::expr::canonical
