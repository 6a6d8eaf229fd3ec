// The operations an expression graph is made of, with their names in text and in exports.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace bp::expr {

enum class Op : std::uint8_t {
  kConst, kVar,                                        // leaves
  kAdd, kSub, kMul, kDiv, kPow,                        // arithmetic, written infix
  kLess, kLessEq, kGreater, kGreaterEq, kEq, kNotEq,   // comparisons, written infix: 1 or 0
  kNeg,                                                // -a
  kSin, kCos, kTan, kExp, kLog, kSqrt,                 // functions of one argument
  kAbs, kTanh, kSigmoid, kRelu, kSign, kStep,
  kSinh, kCosh, kAsin, kAcos, kAtan, kAsinh, kAcosh, kAtanh,
  kLog2, kLog10, kExp2, kCbrt, kErf,
  kFloor, kCeil, kRound, kTrunc,
  kSoftplus, kLogSigmoid, kGelu,
  kAtan2, kHypot, kLogAddExp, kLeakyRelu, kElu,        // functions of two arguments
  kMax, kMin,                                          // two arguments, and c: how many tie in a (max/min chains)
  kClamp,                                              // clamp(a, b = lo, c = hi)
  kSelect,                                             // c ? a : b, written where(c, a, b)
};

inline constexpr bool is_leaf(Op op) { return op == Op::kConst || op == Op::kVar; }
inline constexpr bool is_comparison(Op op) { return op >= Op::kLess && op <= Op::kNotEq; }
// Written as name(arguments) in text.
inline constexpr bool is_function(Op op) { return op >= Op::kSin; }
// How many of a node's inputs a, b, c the op reads (kMax/kMin read c when it is there).
inline constexpr int arity(Op op) {
  if (is_leaf(op)) return 0;
  if (op == Op::kNeg || (op >= Op::kSin && op < Op::kAtan2)) return 1;
  if (op == Op::kClamp || op == Op::kSelect) return 3;
  return 2;
}

// Name used in exports ("add", "mul", "sin", "less", "where", ...).
std::string_view op_name(Op op);
// Symbol for infix ops ("+", "<=", ...) and the function name for functions ("sin"); "-" for negation.
std::string_view op_symbol(Op op);
// The op a one-argument function name calls in text ("sin", "ln", "sinh", ...); the full list of
// functions, with several arguments, aliases and defaults, is in functions.hpp.
std::optional<Op> function_named(std::string_view name);

}  // namespace bp::expr
