// Simplifying constructors. Each rule is exact for finite values; folding of a/b and a^b happens only
// when the result is a whole number, so the derivative text never shows 0.30000000000000004.
#include "expr/simplify.hpp"

#include <cmath>

namespace bp::expr {

namespace {
bool is_whole(double v) { return std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v); }
}  // namespace

bool Simplifier::is_negative_multiple(NodeId a, double& c, NodeId& x) const {
  if (g_[a].op != Op::kMul || !is_negative_number(g_[a].a)) return false;
  c = g_[g_[a].a].value;
  x = g_[a].b;
  return true;
}

NodeId Simplifier::add(NodeId a, NodeId b) {
  if (g_.is_number(a) && g_.is_number(b)) return number(g_[a].value + g_[b].value);
  if (is_zero(a)) return b;                                    // 0 + b = b
  if (is_zero(b)) return a;                                    // a + 0 = a
  if (a == b) return mul(number(2), a);                        // a + a = 2a
  if (g_[b].op == Op::kNeg) return sub(a, g_[b].a);            // a + (-b) = a - b
  if (g_[a].op == Op::kNeg) return sub(b, g_[a].a);            // (-a) + b = b - a
  if (is_negative_number(b)) return sub(a, number(-g_[b].value));
  double c;
  NodeId x;
  if (is_negative_multiple(b, c, x)) return sub(a, mul(number(-c), x));  // a + (-3)x = a - 3x
  return g_.binary(Op::kAdd, a, b);
}

NodeId Simplifier::sub(NodeId a, NodeId b) {
  if (g_.is_number(a) && g_.is_number(b)) return number(g_[a].value - g_[b].value);
  if (is_zero(b)) return a;                                    // a - 0 = a
  if (is_zero(a)) return neg(b);                               // 0 - b = -b
  if (a == b) return number(0);                                // a - a = 0
  if (g_[b].op == Op::kNeg) return add(a, g_[b].a);            // a - (-b) = a + b
  if (is_negative_number(b)) return add(a, number(-g_[b].value));
  double c;
  NodeId x;
  if (is_negative_multiple(b, c, x)) return add(a, mul(number(-c), x));  // a - (-3)x = a + 3x
  return g_.binary(Op::kSub, a, b);
}

NodeId Simplifier::mul(NodeId a, NodeId b) {
  if (g_.is_number(a) && g_.is_number(b)) return number(g_[a].value * g_[b].value);
  if (g_.is_number(b)) std::swap(a, b);                        // numbers go left: x·3 = 3x
  if (is_zero(a)) return a;                                    // 0·b = 0
  if (g_.is_number(a, 1)) return b;                            // 1·b = b
  if (g_.is_number(a, -1)) return neg(b);                      // -1·b = -b
  if (g_[b].op == Op::kNeg) return neg(mul(a, g_[b].a));       // a·(-b) = -(ab)
  if (g_[a].op == Op::kNeg) return neg(mul(g_[a].a, b));       // (-a)·b = -(ab)
  if (g_.is_number(a) && g_[b].op == Op::kMul && g_.is_number(g_[b].a)) {
    return mul(number(g_[a].value * g_[g_[b].a].value), g_[b].b);  // c1·(c2·x) = (c1c2)·x
  }
  if (!g_.is_number(a) && g_[b].op == Op::kMul && g_.is_number(g_[b].a)) {
    return mul(g_[b].a, mul(a, g_[b].b));                      // a·(c·x) = c·(a·x)
  }
  if (g_[a].op == Op::kMul && g_.is_number(g_[a].a)) {
    return mul(g_[a].a, mul(g_[a].b, b));                      // (c·x)·b = c·(x·b)
  }
  if (a == b) return pow(a, number(2));                        // a·a = a²
  return g_.binary(Op::kMul, a, b);
}

NodeId Simplifier::div(NodeId a, NodeId b) {
  if (g_.is_number(a) && g_.is_number(b) && g_[b].value != 0 && is_whole(g_[a].value / g_[b].value)) {
    return number(g_[a].value / g_[b].value);
  }
  if (g_.is_number(b, 1)) return a;                            // a/1 = a
  if (is_zero(a)) return a;                                    // 0/b = 0
  if (a == b) return number(1);                                // a/a = 1, as SymPy reads it
  if (g_[a].op == Op::kNeg) return neg(div(g_[a].a, b));       // (-a)/b = -(a/b)
  return g_.binary(Op::kDiv, a, b);
}

NodeId Simplifier::pow(NodeId a, NodeId b) {
  if (g_.is_number(a) && g_.is_number(b) && is_whole(g_[b].value) &&
      is_whole(std::pow(g_[a].value, g_[b].value))) {
    return number(std::pow(g_[a].value, g_[b].value));
  }
  if (g_.is_number(b, 1)) return a;                            // a^1 = a
  if (g_.is_number(b, 0)) return number(1);                    // a^0 = 1
  if (g_.is_number(a, 1)) return a;                            // 1^b = 1
  return g_.binary(Op::kPow, a, b);
}

NodeId Simplifier::neg(NodeId a) {
  if (g_.is_number(a)) return number(-g_[a].value);
  if (g_[a].op == Op::kNeg) return g_[a].a;                    // -(-a) = a
  if (g_[a].op == Op::kMul && g_.is_number(g_[a].a)) {
    return mul(number(-g_[g_[a].a].value), g_[a].b);           // -(c·x) = (-c)·x
  }
  return g_.unary(Op::kNeg, a);
}

NodeId Simplifier::call(Op function, NodeId a) { return g_.unary(function, a); }

}  // namespace bp::expr
