// Known functions: one row per name. A row either calls an op of ops.hpp or builds a few nodes from
// primitives where that keeps the value and gradient exact and stable (sec = 1/cos, silu = x·σ(x), ...).
#include "expr/functions.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "expr/edit_distance.hpp"
#include "expr/ops.hpp"

namespace bp::expr {

namespace {

constexpr int kAny = -1;  // no upper bound on the number of arguments

enum class Build {
  kUnary,      // op(a)
  kBinary,     // op(a, b)
  kLog,        // log(x) or log(x, base) = log(x)/log(base), Python's order
  kSec, kCsc, kCot,
  kSilu, kMish,
  kHeaviside,  // step(x), or heaviside(x, h0) = h0 at x = 0, as numpy.heaviside
  kLeakyRelu,  // leaky_relu(x, slope = 0.01), as torch.nn.functional.leaky_relu
  kElu,        // elu(x, alpha = 1)
  kMax, kMin, kLogSumExp,
  kClamp, kWhere,
};

struct Function {
  std::string_view name;
  Build build;
  Op op;  // for kUnary and kBinary
  int min_args, max_args;
  std::string_view arguments;  // as written in an error about their number
};

constexpr Function kFunctions[] = {
    {"sin", Build::kUnary, Op::kSin, 1, 1, "x"},
    {"cos", Build::kUnary, Op::kCos, 1, 1, "x"},
    {"tan", Build::kUnary, Op::kTan, 1, 1, "x"},
    {"sec", Build::kSec, Op::kCos, 1, 1, "x"},
    {"csc", Build::kCsc, Op::kSin, 1, 1, "x"},
    {"cot", Build::kCot, Op::kTan, 1, 1, "x"},
    {"asin", Build::kUnary, Op::kAsin, 1, 1, "x"},
    {"acos", Build::kUnary, Op::kAcos, 1, 1, "x"},
    {"atan", Build::kUnary, Op::kAtan, 1, 1, "x"},
    {"arcsin", Build::kUnary, Op::kAsin, 1, 1, "x"},
    {"arccos", Build::kUnary, Op::kAcos, 1, 1, "x"},
    {"arctan", Build::kUnary, Op::kAtan, 1, 1, "x"},
    {"atan2", Build::kBinary, Op::kAtan2, 2, 2, "y, x"},
    {"sinh", Build::kUnary, Op::kSinh, 1, 1, "x"},
    {"cosh", Build::kUnary, Op::kCosh, 1, 1, "x"},
    {"tanh", Build::kUnary, Op::kTanh, 1, 1, "x"},
    {"asinh", Build::kUnary, Op::kAsinh, 1, 1, "x"},
    {"acosh", Build::kUnary, Op::kAcosh, 1, 1, "x"},
    {"atanh", Build::kUnary, Op::kAtanh, 1, 1, "x"},
    {"arcsinh", Build::kUnary, Op::kAsinh, 1, 1, "x"},
    {"arccosh", Build::kUnary, Op::kAcosh, 1, 1, "x"},
    {"arctanh", Build::kUnary, Op::kAtanh, 1, 1, "x"},
    {"exp", Build::kUnary, Op::kExp, 1, 1, "x"},
    {"exp2", Build::kUnary, Op::kExp2, 1, 1, "x"},
    {"log", Build::kLog, Op::kLog, 1, 2, "x or x, base"},
    {"ln", Build::kUnary, Op::kLog, 1, 1, "x"},
    {"log2", Build::kUnary, Op::kLog2, 1, 1, "x"},
    {"log10", Build::kUnary, Op::kLog10, 1, 1, "x"},
    {"sqrt", Build::kUnary, Op::kSqrt, 1, 1, "x"},
    {"cbrt", Build::kUnary, Op::kCbrt, 1, 1, "x"},
    {"pow", Build::kBinary, Op::kPow, 2, 2, "base, exponent"},
    {"hypot", Build::kBinary, Op::kHypot, 2, 2, "a, b"},
    {"abs", Build::kUnary, Op::kAbs, 1, 1, "x"},
    {"sign", Build::kUnary, Op::kSign, 1, 1, "x"},
    {"sgn", Build::kUnary, Op::kSign, 1, 1, "x"},
    {"step", Build::kUnary, Op::kStep, 1, 1, "x"},
    {"heaviside", Build::kHeaviside, Op::kStep, 1, 2, "x or x, value at 0"},
    {"floor", Build::kUnary, Op::kFloor, 1, 1, "x"},
    {"ceil", Build::kUnary, Op::kCeil, 1, 1, "x"},
    {"round", Build::kUnary, Op::kRound, 1, 1, "x"},
    {"trunc", Build::kUnary, Op::kTrunc, 1, 1, "x"},
    {"erf", Build::kUnary, Op::kErf, 1, 1, "x"},
    {"max", Build::kMax, Op::kMax, 2, kAny, "a, b, ..."},
    {"min", Build::kMin, Op::kMin, 2, kAny, "a, b, ..."},
    {"clamp", Build::kClamp, Op::kClamp, 3, 3, "x, lo, hi"},
    {"where", Build::kWhere, Op::kSelect, 3, 3, "condition, a, b"},
    {"logsumexp", Build::kLogSumExp, Op::kLogAddExp, 2, kAny, "a, b, ..."},
    {"sigmoid", Build::kUnary, Op::kSigmoid, 1, 1, "x"},
    {"relu", Build::kUnary, Op::kRelu, 1, 1, "x"},
    {"softplus", Build::kUnary, Op::kSoftplus, 1, 1, "x"},
    {"logsigmoid", Build::kUnary, Op::kLogSigmoid, 1, 1, "x"},
    {"leaky_relu", Build::kLeakyRelu, Op::kLeakyRelu, 1, 2, "x or x, slope"},
    {"elu", Build::kElu, Op::kElu, 1, 2, "x or x, alpha"},
    {"gelu", Build::kUnary, Op::kGelu, 1, 1, "x"},
    {"silu", Build::kSilu, Op::kSigmoid, 1, 1, "x"},
    {"swish", Build::kSilu, Op::kSigmoid, 1, 1, "x"},
    {"mish", Build::kMish, Op::kSoftplus, 1, 1, "x"},
};

const Function* find(std::string_view name) {
  for (const Function& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string count_error(const Function& f, std::size_t got) {
  std::string wanted;
  if (f.max_args == kAny) wanted = std::to_string(f.min_args) + " or more arguments";
  else if (f.min_args == 1 && f.max_args == 1) wanted = "1 argument";
  else if (f.min_args == f.max_args) wanted = std::to_string(f.min_args) + " arguments";
  else wanted = std::to_string(f.min_args) + " or " + std::to_string(f.max_args) + " arguments";
  return std::string(f.name) + " takes " + wanted + " (" + std::string(f.arguments) + "), got " + std::to_string(got);
}

// A chain of op over args; link k's c counts how many arguments tie in its left input (1 for the first
// link: c absent), so that a tie of k arguments gives each 1/k of the gradient, as torch.amax.
NodeId tie_sharing_chain(Graph& g, Op op, const std::vector<NodeId>& args) {
  NodeId result = g.binary(op, args[0], args[1]);
  NodeId ties = kNoNode;  // the count of arguments equal to `left` (kNoNode: 1)
  NodeId left = args[0];
  for (std::size_t k = 2; k < args.size(); ++k) {
    // ties in result = [args[k-1] == result] + [left == result]·(ties in left)
    const NodeId left_ties = ties == kNoNode ? g.compare(Op::kEq, left, result)
                                             : g.binary(Op::kMul, g.compare(Op::kEq, left, result), ties);
    ties = g.binary(Op::kAdd, g.compare(Op::kEq, args[k - 1], result), left_ties);
    left = result;
    result = g.ternary(op, result, args[k], ties);
  }
  return result;
}

NodeId build(Graph& g, const Function& f, const std::vector<NodeId>& args) {
  const NodeId x = args[0];
  const NodeId one = g.constant(1);
  switch (f.build) {
    case Build::kUnary: return g.unary(f.op, x);
    case Build::kBinary: return g.binary(f.op, x, args[1]);
    case Build::kLog:
      if (args.size() == 1) return g.unary(Op::kLog, x);
      return g.binary(Op::kDiv, g.unary(Op::kLog, x), g.unary(Op::kLog, args[1]));
    case Build::kSec: return g.binary(Op::kDiv, one, g.unary(Op::kCos, x));
    case Build::kCsc: return g.binary(Op::kDiv, one, g.unary(Op::kSin, x));
    case Build::kCot: return g.binary(Op::kDiv, g.unary(Op::kCos, x), g.unary(Op::kSin, x));
    case Build::kSilu: return g.binary(Op::kMul, x, g.unary(Op::kSigmoid, x));
    case Build::kMish: return g.binary(Op::kMul, x, g.unary(Op::kTanh, g.unary(Op::kSoftplus, x)));
    case Build::kHeaviside:
      if (args.size() == 1) return g.unary(Op::kStep, x);
      return g.select(g.compare(Op::kEq, x, g.constant(0)), args[1], g.unary(Op::kStep, x));
    case Build::kLeakyRelu:
      return g.binary(Op::kLeakyRelu, x, args.size() > 1 ? args[1] : g.constant(0.01));
    case Build::kElu: return g.binary(Op::kElu, x, args.size() > 1 ? args[1] : one);
    case Build::kMax: return max_of(g, args);
    case Build::kMin: return min_of(g, args);
    case Build::kLogSumExp: {
      NodeId result = x;
      for (std::size_t k = 1; k < args.size(); ++k) result = g.binary(Op::kLogAddExp, result, args[k]);
      return result;
    }
    case Build::kClamp: return g.ternary(Op::kClamp, x, args[1], args[2]);
    case Build::kWhere: return g.select(x, args[1], args[2]);
  }
  return kNoNode;
}

}  // namespace

NodeId max_of(Graph& g, const std::vector<NodeId>& args) { return tie_sharing_chain(g, Op::kMax, args); }
NodeId min_of(Graph& g, const std::vector<NodeId>& args) { return tie_sharing_chain(g, Op::kMin, args); }

Expected<NodeId> call_function(Graph& g, std::string_view name, const std::vector<NodeId>& args, Span span) {
  const Function* f = find(name);
  if (!f) {
    std::string message = "unknown function '" + std::string(name) + "'";
    const auto nearest = nearest_function_names(name);
    for (std::size_t i = 0; i < nearest.size(); ++i) {
      message += (i == 0 ? "; did you mean " : i + 1 == nearest.size() ? " or " : ", ") + std::string(nearest[i]);
    }
    return Error{message + (nearest.empty() ? "" : "?"), span};
  }
  const auto count = static_cast<int>(args.size());
  if (count < f->min_args || (f->max_args != kAny && count > f->max_args)) {
    return Error{count_error(*f, args.size()), span};
  }
  return build(g, *f, args);
}

bool is_known_function(std::string_view name) { return find(name) != nullptr; }

const std::vector<std::string_view>& known_function_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Function& f : kFunctions) out.push_back(f.name);
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

std::vector<std::string_view> nearest_function_names(std::string_view name, std::size_t count) {
  // Close enough to be a slip: within a third of the name's length (at least 1, at most 3 edits).
  const std::size_t limit = std::clamp<std::size_t>(name.size() / 3, 1, 3);
  std::vector<std::pair<std::size_t, std::string_view>> ranked;
  for (const std::string_view known : known_function_names()) {
    const std::size_t d = edit_distance(name, known);
    if (d <= limit) ranked.emplace_back(d, known);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < ranked.size() && i < count; ++i) out.push_back(ranked[i].second);
  return out;
}

std::optional<std::string_view> inverse_function_name(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kInverses[] = {
      {"sin", "asin"},   {"cos", "acos"},   {"tan", "atan"},
      {"sinh", "asinh"}, {"cosh", "acosh"}, {"tanh", "atanh"},
  };
  for (const auto& [function, inverse] : kInverses) {
    if (function == name) return inverse;
  }
  return std::nullopt;
}

}  // namespace bp::expr
