// Names of operations. The language's function list lives here and nowhere else.
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
  }
  return "?";
}

std::optional<Op> function_named(std::string_view name) {
  static constexpr struct { std::string_view name; Op op; } kFunctions[] = {
      {"sin", Op::kSin},   {"cos", Op::kCos},   {"tan", Op::kTan},         {"exp", Op::kExp},
      {"log", Op::kLog},   {"ln", Op::kLog},    {"sqrt", Op::kSqrt},       {"abs", Op::kAbs},
      {"tanh", Op::kTanh}, {"sigmoid", Op::kSigmoid}, {"relu", Op::kRelu}, {"sign", Op::kSign},
      {"step", Op::kStep},
  };
  for (const auto& f : kFunctions) {
    if (f.name == name) return f.op;
  }
  return std::nullopt;
}

}  // namespace bp::expr
