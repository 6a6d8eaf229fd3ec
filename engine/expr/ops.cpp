// Names of operations.
#include "expr/ops.hpp"

namespace bp::expr {

std::string_view op_name(Op op) {
  switch (op) {
    case Op::kConst: return "const";
    case Op::kVar: return "var";
    case Op::kAdd: return "add";
    case Op::kSub: return "sub";
    case Op::kMul: return "mul";
    case Op::kDiv: return "div";
    case Op::kPow: return "pow";
    case Op::kNeg: return "neg";
    case Op::kLess: return "less";
    case Op::kLessEq: return "less_equal";
    case Op::kGreater: return "greater";
    case Op::kGreaterEq: return "greater_equal";
    case Op::kEq: return "equal";
    case Op::kNotEq: return "not_equal";
    default: return op_symbol(op);
  }
}

std::string_view op_symbol(Op op) {
  switch (op) {
    case Op::kConst: return "const";
    case Op::kVar: return "var";
    case Op::kAdd: return "+";
    case Op::kSub: return "-";
    case Op::kMul: return "*";
    case Op::kDiv: return "/";
    case Op::kPow: return "^";
    case Op::kLess: return "<";
    case Op::kLessEq: return "<=";
    case Op::kGreater: return ">";
    case Op::kGreaterEq: return ">=";
    case Op::kEq: return "==";
    case Op::kNotEq: return "!=";
    case Op::kNeg: return "-";
    case Op::kSin: return "sin";
    case Op::kCos: return "cos";
    case Op::kTan: return "tan";
    case Op::kExp: return "exp";
    case Op::kLog: return "log";
    case Op::kSqrt: return "sqrt";
    case Op::kAbs: return "abs";
    case Op::kTanh: return "tanh";
    case Op::kSigmoid: return "sigmoid";
    case Op::kRelu: return "relu";
    case Op::kSign: return "sign";
    case Op::kStep: return "step";
    case Op::kSinh: return "sinh";
    case Op::kCosh: return "cosh";
    case Op::kAsin: return "asin";
    case Op::kAcos: return "acos";
    case Op::kAtan: return "atan";
    case Op::kAsinh: return "asinh";
    case Op::kAcosh: return "acosh";
    case Op::kAtanh: return "atanh";
    case Op::kLog2: return "log2";
    case Op::kLog10: return "log10";
    case Op::kExp2: return "exp2";
    case Op::kCbrt: return "cbrt";
    case Op::kErf: return "erf";
    case Op::kFloor: return "floor";
    case Op::kCeil: return "ceil";
    case Op::kRound: return "round";
    case Op::kTrunc: return "trunc";
    case Op::kSoftplus: return "softplus";
    case Op::kLogSigmoid: return "logsigmoid";
    case Op::kGelu: return "gelu";
    case Op::kAtan2: return "atan2";
    case Op::kHypot: return "hypot";
    case Op::kLogAddExp: return "logsumexp";
    case Op::kLeakyRelu: return "leaky_relu";
    case Op::kElu: return "elu";
    case Op::kMax: return "max";
    case Op::kMin: return "min";
    case Op::kClamp: return "clamp";
    case Op::kSelect: return "where";
  }
  return "?";
}

std::optional<Op> function_named(std::string_view name) {
  if (name == "ln") return Op::kLog;
  for (auto op = static_cast<int>(Op::kSin); op < static_cast<int>(Op::kAtan2); ++op) {
    if (op_symbol(static_cast<Op>(op)) == name) return static_cast<Op>(op);
  }
  return std::nullopt;
}

}  // namespace bp::expr
