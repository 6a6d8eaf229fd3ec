// The operations an expression graph is made of, with their names in text and in exports.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace bp::expr {

enum class Op : std::uint8_t {
  kConst, kVar,                                  // leaves
  kAdd, kSub, kMul, kDiv, kPow,                  // binary
  kNeg, kSin, kCos, kTan, kExp, kLog, kSqrt,     // unary
  kAbs, kTanh, kSigmoid, kRelu, kSign, kStep,
};

inline constexpr bool is_leaf(Op op) { return op == Op::kConst || op == Op::kVar; }
inline constexpr bool is_binary(Op op) { return op >= Op::kAdd && op <= Op::kPow; }
inline constexpr bool is_unary(Op op) { return op >= Op::kNeg; }
inline constexpr bool is_function(Op op) { return op >= Op::kSin; }

// Name used in exports ("add", "mul", "sin", ...).
std::string_view op_name(Op op);
// Symbol for binary ops ("+", "*", ...) and function name for functions ("sin"); "-" for negation.
std::string_view op_symbol(Op op);
// The function a name calls in text: sin cos tan exp log ln sqrt abs tanh sigmoid relu sign step.
std::optional<Op> function_named(std::string_view name);

}  // namespace bp::expr
