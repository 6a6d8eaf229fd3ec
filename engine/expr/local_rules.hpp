// The one table of every op's value and local derivatives, inline so that evaluate, backward, the
// subnormal path and the block sweep all compile the same rules (each call site with a known op folds
// the switch away). Depends on ops.hpp, fast_math.hpp and sigmoid.hpp only.
// Kinks and edges follow PyTorch: relu'(0) = 0, abs'(0) = 0, d(a^b)/db = 0 where a = 0 and b >= 0,
// leaky_relu'(0) = slope, elu'(0) = alpha, clamp passes the gradient to x on [lo, hi] (ends included),
// where() to the chosen branch only, max/min split it evenly among the arguments that tie (as torch.amax).
#pragma once

#include <cmath>
#include <type_traits>

#include "expr/ops.hpp"
#include "fast_math.hpp"
#include "sigmoid.hpp"

namespace bp::expr::rules {

inline constexpr double kLn2 = 0.693147180559945309417232121458176568;
inline constexpr double kLn10 = 2.30258509299404568401799145468436421;
inline constexpr double kTwoOverSqrtPi = 1.12837916709551257389615890312154517;
inline constexpr double kOneOverSqrt2 = 0.707106781186547524400844362104849039;
inline constexpr double kOneOverSqrt2Pi = 0.398942280401432677939946059934381868;

inline double sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; }  // sign(0) = 0, sign(NaN) = NaN
// a*a is exact, as x**2; a^1 = a exactly (x²'s derivative 2·x^1 is then a product, not a pow call).
// std::pow behind a call the compiler may not hoist: inlined into a vectorised loop, `b == 2 ? a * a : pow(a, b)`
// was if-converted into pow for every point and a select (pow is a pure intrinsic), four times slower in
// WebAssembly for x^2. A real branch keeps x^2 one multiplication.
[[gnu::noinline]] inline double general_power(double a, double b) { return std::pow(a, b); }
inline double power(double a, double b) { return b == 2 ? a * a : b == 1 ? a : general_power(a, b); }
// log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow, softplus(800) = 800.
inline double softplus(double x) { return (x > 0 ? x : 0.0) + std::log1p(std::exp(-std::fabs(x))); }
inline bool is_nan(double x) { return x != x; }
// max and min propagate NaN, as torch.maximum does.
inline double maximum(double a, double b) { return is_nan(a) || is_nan(b) ? a + b : a > b ? a : b; }
inline double minimum(double a, double b) { return is_nan(a) || is_nan(b) ? a + b : a < b ? a : b; }
// log(e^a + e^b) = max + log1p(e^-|a-b|): no overflow; equal infinities give themselves.
inline double log_add_exp(double a, double b) {
  const double m = maximum(a, b);
  if (std::isinf(m) && a == b) return m;
  return m + std::log1p(std::exp(-std::fabs(a - b)));
}
// x Φ(x) with Φ(x) = erfc(-x/√2)/2, PyTorch's exact gelu; erfc keeps Φ's relative precision for x << 0.
inline double gelu(double x) { return 0.5 * x * std::erfc(-x * kOneOverSqrt2); }
// The share of a tie's gradient that goes to a: `ties` arguments tie inside a (0 when a is one argument).
inline double tie_share_of_a(double ties) { const double t = ties > 0 ? ties : 1.0; return t / (t + 1); }
inline double tie_share_of_b(double ties) { const double t = ties > 0 ? ties : 1.0; return 1 / (t + 1); }

// The value of an op from its input values (not for kConst, kVar).
[[gnu::always_inline]] inline double forward(Op op, double a, double b, double c) {
  switch (op) {
    case Op::kConst: case Op::kVar: return 0;
    case Op::kAdd: return a + b;
    case Op::kSub: return a - b;
    case Op::kMul: return a * b;
    case Op::kDiv: return a / b;
    case Op::kPow: return power(a, b);
    case Op::kLess: return a < b ? 1.0 : 0.0;
    case Op::kLessEq: return a <= b ? 1.0 : 0.0;
    case Op::kGreater: return a > b ? 1.0 : 0.0;
    case Op::kGreaterEq: return a >= b ? 1.0 : 0.0;
    case Op::kEq: return a == b ? 1.0 : 0.0;
    case Op::kNotEq: return a != b ? 1.0 : 0.0;
    case Op::kNeg: return -a;
    case Op::kSin: return std::sin(a);
    case Op::kCos: return std::cos(a);
    case Op::kTan: return std::tan(a);
    case Op::kExp: return std::exp(a);
    case Op::kLog: return std::log(a);
    case Op::kSqrt: return std::sqrt(a);
    case Op::kAbs: return std::fabs(a);
    case Op::kTanh: return fast_tanh(a);  // within 1e-15 of std::tanh, twice as fast
    case Op::kSigmoid: return sigmoid(a);
    case Op::kRelu: return a > 0 ? a : 0.0;
    case Op::kSign: return sign(a);
    case Op::kStep: return a > 0 ? 1.0 : a <= 0 ? 0.0 : a;  // step(0) = 0, step(NaN) = NaN
    case Op::kSinh: return std::sinh(a);
    case Op::kCosh: return std::cosh(a);
    case Op::kAsin: return std::asin(a);
    case Op::kAcos: return std::acos(a);
    case Op::kAtan: return std::atan(a);
    case Op::kAsinh: return std::asinh(a);
    case Op::kAcosh: return std::acosh(a);
    case Op::kAtanh: return std::atanh(a);
    case Op::kLog2: return std::log2(a);
    case Op::kLog10: return std::log10(a);
    case Op::kExp2: return std::exp2(a);
    case Op::kCbrt: return std::cbrt(a);
    case Op::kErf: return std::erf(a);
    case Op::kFloor: return std::floor(a);
    case Op::kCeil: return std::ceil(a);
    case Op::kRound: return std::nearbyint(a);  // halves to even, as Python's round and torch.round
    case Op::kTrunc: return std::trunc(a);
    case Op::kSoftplus: return softplus(a);
    case Op::kLogSigmoid: return -softplus(-a);  // log σ(a) = -log(1 + e^-a): logsigmoid(-800) = -800
    case Op::kGelu: return gelu(a);
    case Op::kAtan2: return std::atan2(a, b);
    case Op::kHypot: return std::hypot(a, b);
    case Op::kLogAddExp: return log_add_exp(a, b);
    case Op::kLeakyRelu: return a > 0 ? a : b * a;   // b: the slope
    case Op::kElu: return a > 0 ? a : b * std::expm1(a);  // b: alpha
    case Op::kMax: return maximum(a, b);
    case Op::kMin: return minimum(a, b);
    case Op::kClamp: return minimum(maximum(a, b), c);  // lo > hi gives hi, as torch.clamp
    case Op::kSelect: return is_nan(c) ? c : c != 0 ? a : b;
  }
  return 0;
}

// d out / d input I (0: a, 1: b, 2: c) at the inputs a, b, c and the node's value out. Each case's
// math is beside it; `I == 0 ? da : db` picks at compile time, so only the partial asked for is computed.
template <int I>
[[gnu::always_inline]] inline double partial(Op op, double a, double b, double c, double out) {
  switch (op) {
    case Op::kConst: case Op::kVar: return 0;
    case Op::kAdd: return 1;                                          // d(a+b) = da + db
    case Op::kSub: return I == 0 ? 1.0 : -1.0;                        // d(a-b) = da - db
    case Op::kMul: return I == 0 ? b : a;                             // d(ab) = b da + a db
    case Op::kDiv: return I == 0 ? 1 / b : -a / (b * b);              // d(a/b) = da/b - a db/b²
    case Op::kPow:                                                    // d(a^b) = b a^(b-1) da + a^b ln(a) db
      if (I == 0) return b == 0 ? 0.0 : b * power(a, b - 1);
      return (a == 0 && b >= 0) ? 0.0 : out * std::log(a);
    case Op::kLess: case Op::kLessEq: case Op::kGreater:              // comparisons are flat: 0
    case Op::kGreaterEq: case Op::kEq: case Op::kNotEq: return 0;
    case Op::kNeg: return -1;                                         // d(-a) = -da
    case Op::kSin: return std::cos(a);                                // sin' = cos
    case Op::kCos: return -std::sin(a);                               // cos' = -sin
    case Op::kTan: return 1 + out * out;                              // tan' = 1 + tan²
    case Op::kExp: return out;                                        // exp' = exp
    case Op::kLog: return 1 / a;                                      // log' = 1/a
    case Op::kSqrt: return 1 / (2 * out);                             // sqrt' = 1/(2 sqrt a)
    case Op::kAbs: return sign(a);                                    // abs' = sign, 0 at 0
    case Op::kTanh: return 1 - out * out;                             // tanh' = 1 - tanh²
    case Op::kSigmoid: return out * (1 - out);                        // σ' = σ(1-σ)
    case Op::kRelu: return a > 0 ? 1.0 : 0.0;                         // relu' = step, 0 at 0
    case Op::kSign: case Op::kStep: return 0;                         // flat almost everywhere
    case Op::kSinh: return std::cosh(a);                              // sinh' = cosh
    case Op::kCosh: return std::sinh(a);                              // cosh' = sinh
    case Op::kAsin: return 1 / std::sqrt((1 - a) * (1 + a));          // asin' = 1/√(1-a²)
    case Op::kAcos: return -1 / std::sqrt((1 - a) * (1 + a));         // acos' = -1/√(1-a²)
    case Op::kAtan: return 1 / (1 + a * a);                           // atan' = 1/(1+a²)
    case Op::kAsinh: return 1 / std::hypot(a, 1.0);                   // asinh' = 1/√(a²+1)
    case Op::kAcosh: return 1 / (std::sqrt(a - 1) * std::sqrt(a + 1));  // acosh' = 1/√(a²-1)
    case Op::kAtanh: return 1 / ((1 - a) * (1 + a));                  // atanh' = 1/(1-a²)
    case Op::kLog2: return 1 / (a * kLn2);                            // log2' = 1/(a ln 2)
    case Op::kLog10: return 1 / (a * kLn10);                          // log10' = 1/(a ln 10)
    case Op::kExp2: return out * kLn2;                                // exp2' = 2^a ln 2
    case Op::kCbrt: return 1 / (3 * out * out);                       // cbrt' = 1/(3 cbrt(a)²)
    case Op::kErf: return kTwoOverSqrtPi * std::exp(-a * a);          // erf' = 2/√π e^(-a²)
    case Op::kFloor: case Op::kCeil: case Op::kRound: case Op::kTrunc: return 0;  // flat between the jumps
    case Op::kSoftplus: return sigmoid(a);                            // softplus' = σ
    case Op::kLogSigmoid: return sigmoid(-a);                         // (log σ)' = 1 - σ = σ(-a)
    case Op::kGelu:                                                   // gelu' = Φ(a) + a φ(a)
      return 0.5 * std::erfc(-a * kOneOverSqrt2) + a * kOneOverSqrt2Pi * std::exp(-0.5 * a * a);
    case Op::kAtan2: {                                                // d atan2(a, b) = (b da - a db)/(a²+b²)
      const double h = std::hypot(a, b);                              // (a² + b² would overflow first)
      return I == 0 ? b / h / h : -a / h / h;
    }
    case Op::kHypot: return I == 0 ? a / out : b / out;               // d hypot = (a da + b db)/hypot
    case Op::kLogAddExp: return I == 0 ? sigmoid(a - b) : sigmoid(b - a);  // d = σ(a-b) da + σ(b-a) db
    case Op::kLeakyRelu:                                              // a > 0: da; else b da + a db
      if (I == 0) return a > 0 ? 1.0 : b;
      return a > 0 ? 0.0 : a;
    case Op::kElu:                                                    // a > 0: da; else b e^a da + (e^a - 1) db
      if (I == 0) return a > 0 ? 1.0 : b * std::exp(a);
      return a > 0 ? 0.0 : std::expm1(a);
    case Op::kMax:                                                    // to the larger; a tie is shared
      if (I == 0) return a > b ? 1.0 : a == b ? tie_share_of_a(c) : 0.0;
      if (I == 1) return b > a ? 1.0 : a == b ? tie_share_of_b(c) : 0.0;
      return 0;
    case Op::kMin:                                                    // to the smaller; a tie is shared
      if (I == 0) return a < b ? 1.0 : a == b ? tie_share_of_a(c) : 0.0;
      if (I == 1) return b < a ? 1.0 : a == b ? tie_share_of_b(c) : 0.0;
      return 0;
    case Op::kClamp:                                                  // to x on [lo, hi], else to the bound
      if (I == 0) return a >= b && a <= c ? 1.0 : 0.0;
      if (I == 1) return a < b && b <= c ? 1.0 : 0.0;
      return (a > c && b <= c) || b > c ? 1.0 : 0.0;
    case Op::kSelect:                                                 // to the branch chosen by c
      if (I == 0) return c != 0 && !is_nan(c) ? 1.0 : 0.0;
      if (I == 1) return c == 0 ? 1.0 : 0.0;
      return 0;
  }
  return 0;
}

// Whether input I (0: a, 1: b, 2: c) of op is one that no gradient flows into, as torch gives none to a
// boolean: comparisons' inputs, where's condition, max/min's tie count, and the flat functions' argument.
// Skipping it (rather than multiplying by 0) keeps an infinite upstream gradient from making NaN there.
inline constexpr bool is_flat_input(Op op, int input) {
  if (is_comparison(op)) return true;
  if (op == Op::kSelect || op == Op::kMax || op == Op::kMin) return input == 2;
  return op == Op::kSign || op == Op::kStep || op == Op::kFloor || op == Op::kCeil || op == Op::kRound ||
         op == Op::kTrunc;
}
// Whether op reads its third input c (max and min read it when it is there).
inline constexpr bool reads_c(Op op) {
  return op == Op::kClamp || op == Op::kSelect || op == Op::kMax || op == Op::kMin;
}

// Ops that route their gradient to the input they chose (where, max, min, clamp) rather than scale it.
inline constexpr bool routes_gradient(Op op) {
  return op == Op::kSelect || op == Op::kMax || op == Op::kMin || op == Op::kClamp;
}
// The chain rule's product upstream · partial; an input that a routing op did not choose gets exactly 0,
// as torch.where gives it, even when upstream is infinite (inf · 0 would be NaN).
template <Op op>
[[gnu::always_inline]] inline double chain(double upstream, double partial) {
  if constexpr (routes_gradient(op)) return partial == 0 ? 0.0 : upstream * partial;
  return upstream * partial;
}

template <Op kOp>
using OpConstant = std::integral_constant<Op, kOp>;

// Calls per_op(OpConstant<op>{}) for the ops programs and plots meet most, else shared(): the tape's loops
// compile a loop of their own for these (vectorised where the rule allows) and share one loop for every
// other op, which reaches the same rules through forward()'s switch and local_gradient(). Same rules, same
// bits; a loop per op for all of them would be a fifth of the page's code.
template <class PerOp, class Shared>
[[gnu::always_inline]] inline decltype(auto) with_common_op(Op op, PerOp&& per_op, Shared&& shared) {
  switch (op) {
    case Op::kAdd: return per_op(OpConstant<Op::kAdd>{});
    case Op::kSub: return per_op(OpConstant<Op::kSub>{});
    case Op::kMul: return per_op(OpConstant<Op::kMul>{});
    case Op::kDiv: return per_op(OpConstant<Op::kDiv>{});
    case Op::kPow: return per_op(OpConstant<Op::kPow>{});
    case Op::kNeg: return per_op(OpConstant<Op::kNeg>{});
    case Op::kSin: return per_op(OpConstant<Op::kSin>{});
    case Op::kCos: return per_op(OpConstant<Op::kCos>{});
    case Op::kTan: return per_op(OpConstant<Op::kTan>{});
    case Op::kExp: return per_op(OpConstant<Op::kExp>{});
    case Op::kLog: return per_op(OpConstant<Op::kLog>{});
    case Op::kSqrt: return per_op(OpConstant<Op::kSqrt>{});
    case Op::kAbs: return per_op(OpConstant<Op::kAbs>{});
    case Op::kTanh: return per_op(OpConstant<Op::kTanh>{});
    case Op::kSigmoid: return per_op(OpConstant<Op::kSigmoid>{});
    case Op::kRelu: return per_op(OpConstant<Op::kRelu>{});
    default: return shared();
  }
}

// chain<op>() for an op known only at run time.
inline double chain(Op op, double upstream, double partial) {
  return routes_gradient(op) && partial == 0 ? 0.0 : upstream * partial;
}

}  // namespace bp::expr::rules
