// Calls of known functions as learners write them: sin(x), max(0, x), and Desmos's forms without
// parentheses (sin x, sin 2x, ln x), powers and inverses before the argument (sin^2 x, sin⁻¹(x)), log_2(x).
#include <cmath>

#include "expr/functions.hpp"
#include "expr/parser.hpp"

namespace bp::expr::detail {

namespace {

// log_2, log_10, log_b: the logarithm to that base, a name the lexer reads whole; `log_` before
// braces takes the base from them (log_{b}).
bool is_log_base_name(const std::string& name) { return name.compare(0, 4, "log_") == 0; }


}  // namespace

bool Parser::is_function_name(const std::string& name) const {
  return is_known_function(name) || is_log_base_name(name);
}

// `sin` just read. A prefix power (`^2`, `²`) raises the result, `^-1` (`⁻¹`) means the inverse;
// then either '(' arguments ')' or, without parentheses, the product term after it.
NodeId Parser::known_function_call(const Token& token, const std::string& name) {
  if (is_log_base_name(name)) return log_to_base(token, name);
  double exponent = 1;
  Span exponent_span = token.span;
  if (peek().kind == Tok::kSuperscript) {
    exponent_span = peek().span;
    exponent = next().number;
  } else if (peek().kind == Tok::kCaret) {
    const bool negative = peek(1).kind == Tok::kMinus;
    const Token& number = peek(negative ? 2 : 1);
    if (number.kind != Tok::kNumber) {
      return fail(peek().span, "a power of '" + name + "' goes after its argument, as in " + name + "(x)^2");
    }
    exponent_span = {peek().span.start, number.span.end};
    exponent = negative ? -number.number : number.number;
    pos_ += negative ? 3 : 2;
  }
  std::string function = name;
  if (exponent == -1) {
    const auto inverse = inverse_function_name(name);
    if (inverse) function = std::string(*inverse);
    if (!inverse) {
      return fail(exponent_span, "'" + name + "^-1' has no inverse function here: write 1/" + name + "(x) for the "
                                 "reciprocal");
    }
  } else if (exponent != std::floor(exponent) || exponent < 1) {
    return fail(exponent_span, "write the power after the argument, as in " + name + "(x)^" +
                                   text_of(exponent_span).substr(text_of(exponent_span)[0] == '^' ? 1 : 0));
  }
  NodeId result = kNoNode;
  if (peek().kind == Tok::kLParen) {
    std::vector<NodeId> args;
    if (!arguments(peek(), args)) return kNoNode;
    result = apply_known(function, args, {token.span.start, tokens_[pos_ - 1].span.end});
  } else {
    const NodeId argument = application_argument(token, name, kNoNode);
    if (argument == kNoNode) return kNoNode;
    result = apply_known(function, {argument}, token.span);
  }
  if (result == kNoNode || exponent == 1 || exponent == -1) return result;
  return program_.graph.binary(Op::kPow, result, program_.graph.constant(exponent));
}

// log_b(x) = ln(x) / ln(b): the base from the name (log_2, log_b) or from braces (log_{b}).
NodeId Parser::log_to_base(const Token& token, const std::string& name) {
  const std::string base_text = name.substr(4);
  NodeId base = kNoNode;
  if (base_text.empty()) {
    if (peek().kind != Tok::kLBrace) return fail(token.span, "write the base after log_, as in log_2(x) or log_{b}(x)");
    base = braced();
  } else if (base_text.find_first_not_of("0123456789.") == std::string::npos) {
    base = program_.graph.constant(std::strtod(base_text.c_str(), nullptr));
  } else {
    base = resolve(base_text, token.span);
  }
  if (base == kNoNode) return kNoNode;
  const NodeId logarithm = known_function_call(token, "log");
  if (logarithm == kNoNode) return kNoNode;
  return program_.graph.binary(Op::kDiv, logarithm, program_.graph.unary(Op::kLog, base));
}

// `sinx` split: the function applied to `first` and whatever else belongs to its argument.
NodeId Parser::application_of(const std::string& name, Span span, NodeId first) {
  const Token token{Tok::kIdent, span, 0, {}};
  const NodeId argument = application_argument(token, name, first);
  if (argument == kNoNode) return kNoNode;
  return apply_known(name, {argument}, span);
}

// The argument of a function written without parentheses: a signed factor with its powers, then the
// factors written beside it (`sin 2x` = sin(2x)), up to an operator or the next function's name.
NodeId Parser::application_argument(const Token& function, const std::string& name, NodeId first) {
  Depth guard(*this);
  if (!guard.ok) return kNoNode;
  NodeId argument = first;
  if (argument == kNoNode) {
    if (!starts_application()) return fail(function.span, "'" + name + "' is a function: write " + name + "(x)");
    argument = unary();
  } else {
    while (argument != kNoNode && peek().kind == Tok::kSuperscript) {
      argument = program_.graph.binary(Op::kPow, argument, program_.graph.constant(next().number));
    }
    if (argument != kNoNode && peek().kind == Tok::kCaret) {
      next();
      const NodeId exponent = unary();
      argument = exponent == kNoNode ? kNoNode : program_.graph.binary(Op::kPow, argument, exponent);
    }
  }
  while (argument != kNoNode && starts_implicit_operand() && !starts_function_name()) {
    const NodeId factor = peek().kind == Tok::kSqrt ? unary() : power();
    argument = factor == kNoNode ? kNoNode : program_.graph.binary(Op::kMul, argument, factor);
  }
  return argument;
}

// The next token may start the argument of a function written without parentheses (sin x, ln|x|).
bool Parser::starts_application() const {
  switch (peek().kind) {
    case Tok::kNumber: case Tok::kIdent: case Tok::kSqrt: case Tok::kRoot: case Tok::kMinus: case Tok::kBar:
    case Tok::kLBrace: return true;
    default: return false;
  }
}

// The next token is a name that begins a call (sin, f, or an unknown `cosx`): an application's
// argument stops before it, so `sin x cos x` is sin(x)·cos(x).
bool Parser::starts_function_name() const {
  if (peek().kind != Tok::kIdent) return false;
  const std::string name(peek().name);
  if (is_known_name(name)) return false;
  if (definitions_.count(name) || is_function_name(name)) return true;
  for (std::size_t end = name.size() - 1; end >= 2; --end) {
    if (is_function_name(name.substr(0, end))) return true;
  }
  return false;
}

NodeId Parser::apply_known(const std::string& name, const std::vector<NodeId>& args, Span span) {
  auto node = call_function(program_.graph, name, args, span);
  if (!node) return fail(node.error().span, node.error().message);
  return *node;
}

}  // namespace bp::expr::detail
