// Recursive-descent parser that builds the expression graph directly. Grammar, loosest first:
//   program    := statement ((';' | newline) statement)*
//   statement  := name '=' expr                        a name with a constant right side is an input
//               | name '(' name, ... ')' '=' expr      defines a function; the last statement means it
//               | expr
//   expr       := comparison ('if' comparison 'else' expr)?  Python's choice
//   comparison := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)*   a chain means all hold
//   sum        := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary | implicit)*     implicit: 2x, 3(x+1), 2sin(x), (x+1)(x-1)
//   unary      := ('-' | '+' | '√' | root) unary | power      so -x^2 = -(x^2); root is ∛ ∜ \sqrt[n]
//   power      := postfix ('^' unary)?                         right-associative, x^-2 allowed
//   postfix    := primary superscript*                         x², x⁻¹
//   primary    := number | '(' expr ')' | '{' expr '}' | '|' expr '|' | piecewise | name | call
//               | application
//   piecewise  := '{' expr ':' expr (',' expr ':' expr)* (',' expr)? '}'   Desmos; no last value: NaN
//   call       := function '(' expr, ... ')'                   a known or a defined function
//   application:= function ('^' n | superscript)? factor+     Desmos: sin x, sin 2x, sin^2 x, sin^-1(x)
// Names (parser_calls.cpp): a name followed by '(' is a call of a known or defined function, or a
// product when the name is a variable; any other such name is an error. `sinx` = sin(x) and
// `xsin(x)` = x·sin(x) when the pieces are names. Every recursive rule passes through a depth guard,
// so nesting beyond kMaxNesting is an error.
#include "expr/parser.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "expr/tape.hpp"

namespace bp::expr {

const Input* Program::find_input(std::string_view name) const {
  for (const auto& input : inputs) {
    if (input.name == name) return &input;
  }
  return nullptr;
}

bool Program::is_assigned(std::string_view name) const {
  return std::find(assigned.begin(), assigned.end(), name) != assigned.end();
}

namespace detail {

Expected<Program> Parser::run() {
  // The last statement starts after the last separator that has a statement after it.
  std::size_t last_start = 0;
  for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
    const Tok after = tokens_[i + 1].kind;
    if (tokens_[i].kind == Tok::kSeparator && after != Tok::kSeparator && after != Tok::kEnd) last_start = i + 1;
  }
  NodeId last = kNoNode;
  skip_separators();
  while (peek().kind != Tok::kEnd) {
    last = statement(pos_ >= last_start);
    if (last == kNoNode) return *error_;
    if (peek().kind == Tok::kComma) {
      comma_error(peek());
      return *error_;
    }
    if (peek().kind != Tok::kSeparator && peek().kind != Tok::kEnd) {
      return fail_here(peek().kind == Tok::kRParen ? "this ')' has no matching '('"
                                                   : "expected an operator before " + describe(peek(), text_));
    }
    skip_separators();
  }
  if (last == kNoNode) return Error{"empty input: type an expression such as 2x^2 - 3x + 4", {0, text_.size()}};
  if (auto error = check_juxtaposed_inputs()) return *error;
  program_.output = last;
  program_.labels.resize(program_.graph.size());
  for (const auto& [node, names] : labels_) {
    std::string& label = program_.labels[static_cast<std::size_t>(node)];
    for (const auto& name : names) label += (label.empty() ? "" : ", ") + name;
  }
  return std::move(program_);
}

// --- statements -----------------------------------------------------------------------------------
NodeId Parser::statement(bool is_last) {
  if (peek().kind == Tok::kIdent && peek(1).kind == Tok::kEquals) return assignment();
  if (peek().kind == Tok::kIdent && peek(1).kind == Tok::kLParen && is_function_definition()) {
    return function_definition(is_last);
  }
  return expr();
}

NodeId Parser::assignment() {
  const Token& name = next();
  next();  // '='
  if (!check_assignable(name)) return kNoNode;
  const std::string key(name.name);
  definitions_.erase(key);
  // A name not seen yet whose right side has no free names (`a = 3`, `w = 1/2`, `e = 2`) is an
  // input with that default value: it gets a gradient, and a caller's value overrides it.
  const bool is_new = !scope_.count(key) && !program_.find_input(key);
  std::optional<double> fixed = is_new ? literal_value() : std::nullopt;
  NodeId value = kNoNode;
  if (!fixed) {
    value = expr();
    if (value == kNoNode) return kNoNode;
    if (is_new) fixed = constant_value(value);
  }
  if (fixed) {
    const NodeId node = program_.graph.variable(key);
    program_.inputs.push_back(Input{key, node, name.span, *fixed});
    scope_[key] = node;  // so `e = 2` and `pi = 3` hide the constants from here on
    return node;
  }
  bind(key, value);
  return value;
}

// `3`, `-2` or `+0.5` alone on the right of '=': read without building a node.
std::optional<double> Parser::literal_value() {
  std::size_t i = pos_;
  double sign = 1;
  if (tokens_[i].kind == Tok::kMinus || tokens_[i].kind == Tok::kPlus) {
    sign = tokens_[i].kind == Tok::kMinus ? -1 : 1;
    ++i;
  }
  if (tokens_[i].kind != Tok::kNumber) return std::nullopt;
  if (tokens_[i + 1].kind != Tok::kSeparator && tokens_[i + 1].kind != Tok::kEnd) return std::nullopt;
  pos_ = i + 1;
  return sign * tokens_[i].number;
}

// The value of a node that depends on no variable (`1/2`, `2^-3`, `2pi`), else nothing. Which nodes
// depend on a variable is kept per node as the graph grows, so asking costs O(1) per new node.
std::optional<double> Parser::constant_value(NodeId node) {
  const Graph& g = program_.graph;
  for (auto id = static_cast<NodeId>(has_variable_.size()); id < static_cast<NodeId>(g.size()); ++id) {
    const Node& n = g[id];
    char depends = n.op == Op::kVar;
    for (const NodeId input : {n.a, n.b, n.c}) {
      if (input != kNoNode) depends |= has_variable_[static_cast<std::size_t>(input)];
    }
    has_variable_.push_back(depends);
  }
  if (has_variable_[static_cast<std::size_t>(node)]) return std::nullopt;
  Program constant;  // borrows the graph for one forward walk of the node's few ancestors
  constant.graph = std::move(program_.graph);
  constant.output = node;
  const double value = Tape(constant).forward(std::vector<double>{});
  program_.graph = std::move(constant.graph);
  return value;
}

void Parser::bind(const std::string& name, NodeId node) {
  scope_[name] = node;
  auto& names = labels_[node];
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  if (!program_.is_assigned(name)) program_.assigned.push_back(name);
}

bool Parser::check_assignable(const Token& name) {
  if (is_function_name(std::string(name.name))) {
    fail(name.span, "'" + std::string(name.name) + "' is a function and cannot be assigned; choose another name");
    return false;
  }
  return true;
}

// --- operators ------------------------------------------------------------------------------------
// Python's `a if condition else b`: the gradient flows into the chosen branch only (torch.where).
NodeId Parser::expr() {
  const NodeId value = comparison();
  if (value == kNoNode || !is_keyword("if")) return value;
  Depth guard(*this);
  if (!guard.ok) return kNoNode;
  const Span if_span = next().span;
  const NodeId condition = comparison();
  if (condition == kNoNode) return kNoNode;
  if (!is_keyword("else")) {
    return fail(if_span, "Python's 'a if condition else b' needs its else: write what it is when the condition "
                         "is false, as in x if x > 0 else 0");
  }
  next();
  const NodeId otherwise = expr();
  return otherwise == kNoNode ? kNoNode : program_.graph.select(condition, value, otherwise);
}

// a < b is 1 or 0 (derivative 0); a chain means all of them hold: 0 < x < 1 = (0 < x)·(x < 1).
NodeId Parser::comparison() {
  NodeId left = sum();
  NodeId all = kNoNode;
  while (left != kNoNode) {
    Op op;
    switch (peek().kind) {
      case Tok::kLess: op = Op::kLess; break;
      case Tok::kLessEq: op = Op::kLessEq; break;
      case Tok::kGreater: op = Op::kGreater; break;
      case Tok::kGreaterEq: op = Op::kGreaterEq; break;
      case Tok::kEqEq: op = Op::kEq; break;
      case Tok::kNotEq: op = Op::kNotEq; break;
      default: return all == kNoNode ? left : all;
    }
    next();
    const NodeId right = sum();
    if (right == kNoNode) return kNoNode;
    const NodeId holds = program_.graph.compare(op, left, right);
    all = all == kNoNode ? holds : program_.graph.binary(Op::kMul, all, holds);
    left = right;
  }
  return kNoNode;
}

NodeId Parser::sum() {
  NodeId left = term();
  while (left != kNoNode && (peek().kind == Tok::kPlus || peek().kind == Tok::kMinus)) {
    const Op op = next().kind == Tok::kPlus ? Op::kAdd : Op::kSub;
    const NodeId right = term();
    if (right == kNoNode) return kNoNode;
    left = program_.graph.binary(op, left, right);
  }
  return left;
}

NodeId Parser::term() {
  NodeId left = unary();
  while (left != kNoNode) {
    const Tok kind = peek().kind;
    NodeId right;
    Op op = Op::kMul;
    if (kind == Tok::kStar || kind == Tok::kSlash) {
      op = next().kind == Tok::kStar ? Op::kMul : Op::kDiv;
      right = unary();
    } else if (starts_implicit_operand()) {
      right = peek().kind == Tok::kSqrt || peek().kind == Tok::kRoot ? unary() : power();
    } else {
      break;
    }
    if (right == kNoNode) return kNoNode;
    left = program_.graph.binary(op, left, right);
  }
  return left;
}

// Implicit multiplication: a name, '(' or '√' may follow directly; a number may not follow a
// number or a name (`2 3` and `x 2` are more likely typos than products).
bool Parser::starts_implicit_operand() const {
  switch (peek().kind) {
    case Tok::kIdent: return !is_keyword("if") && !is_keyword("else");
    case Tok::kLParen: case Tok::kLBrace: case Tok::kSqrt: case Tok::kRoot: return true;
    case Tok::kBar: return !is_inside_bars();  // |x| opens here only where it does not close one: x|x|
    default: return false;
  }
}

NodeId Parser::unary() {
  const Tok kind = peek().kind;
  if (kind == Tok::kRoot) {
    Depth guard(*this);
    if (!guard.ok) return kNoNode;
    const double index = next().number;
    const NodeId operand = unary();
    return operand == kNoNode ? kNoNode : root(index, operand);
  }
  if (kind == Tok::kMinus || kind == Tok::kPlus || kind == Tok::kSqrt) {
    Depth guard(*this);
    if (!guard.ok) return kNoNode;
    next();
    const NodeId operand = unary();
    if (operand == kNoNode) return kNoNode;
    if (kind == Tok::kPlus) return operand;
    return program_.graph.unary(kind == Tok::kMinus ? Op::kNeg : Op::kSqrt, operand);
  }
  return power();
}

// The real n-th root: odd n keeps the sign (∛-8 = -2), even n of a negative number is NaN.
NodeId Parser::root(double index, NodeId x) {
  Graph& g = program_.graph;
  if (index == 3) return g.unary(Op::kCbrt, x);
  const NodeId reciprocal = g.constant(1 / index);
  if (std::fmod(index, 2) == 0) return g.binary(Op::kPow, x, reciprocal);
  return g.binary(Op::kMul, g.unary(Op::kSign, x), g.binary(Op::kPow, g.unary(Op::kAbs, x), reciprocal));
}

NodeId Parser::power() {
  NodeId base = postfix();
  if (base == kNoNode || peek().kind != Tok::kCaret) return base;
  Depth guard(*this);
  if (!guard.ok) return kNoNode;
  next();
  const NodeId exponent = unary();
  if (exponent == kNoNode) return kNoNode;
  return program_.graph.binary(Op::kPow, base, exponent);
}

NodeId Parser::postfix() {
  NodeId base = primary();
  while (base != kNoNode && peek().kind == Tok::kSuperscript) {
    base = program_.graph.binary(Op::kPow, base, program_.graph.constant(next().number));
  }
  return base;
}

NodeId Parser::primary() {
  const Token& token = peek();
  switch (token.kind) {
    case Tok::kNumber: next(); return program_.graph.constant(token.number);
    case Tok::kIdent: return name_or_call();
    case Tok::kLParen: return parenthesised();
    case Tok::kLBrace: return braced();
    case Tok::kBar: return absolute_value();
    case Tok::kSuperscript: return fail(token.span, "a superscript needs something before it to raise, as in x²");
    case Tok::kRParen: return fail(token.span, "expected a number, a name or '(' here, but found ')'");
    case Tok::kEquals:
      return fail(token.span, "'=' may only follow a name at the start of a line, as in d = a*b");
    default:
      return fail(token.span, "expected a number, a name or '(' here, but found " + describe(token, text_));
  }
}

NodeId Parser::parenthesised() {
  Depth guard(*this);
  if (!guard.ok) return kNoNode;
  const Token& open = next();
  groups_.push_back(Tok::kLParen);
  const NodeId inner = expr();
  groups_.pop_back();
  if (inner == kNoNode) return kNoNode;
  if (peek().kind == Tok::kComma) return comma_error(peek());
  if (peek().kind != Tok::kRParen) {
    return fail(open.span, "this '(' is never closed: expected ')' before " + describe(peek(), text_));
  }
  next();
  return inner;
}

// {x + 1} groups as (x + 1) does (Desmos and LaTeX: x^{2}, e^{-x^2}); {cond: a, b} is piecewise.
NodeId Parser::braced() {
  Depth guard(*this);
  if (!guard.ok) return kNoNode;
  const Token& open = next();
  groups_.push_back(Tok::kLBrace);
  NodeId inner = expr();
  if (inner != kNoNode && peek().kind == Tok::kColon) inner = piecewise(inner);
  groups_.pop_back();
  if (inner == kNoNode) return kNoNode;
  if (peek().kind == Tok::kComma) return comma_error(peek());
  if (peek().kind != Tok::kRBrace) {
    return fail(open.span, "this '{' is never closed: expected '}' before " + describe(peek(), text_));
  }
  next();
  return inner;
}

// Desmos's {cond: a, b} and {c1: a, c2: b, c}, the condition just read: the first branch whose
// condition holds. Without a last value it is NaN where no condition holds (Desmos: undefined), so
// the plot has a gap there rather than a made-up value.
NodeId Parser::piecewise(NodeId condition) {
  Depth guard(*this);
  if (!guard.ok) return kNoNode;
  next();  // ':'
  const NodeId value = expr();
  if (value == kNoNode) return kNoNode;
  NodeId otherwise = kNoNode;
  if (peek().kind == Tok::kComma) {
    next();
    otherwise = expr();
    if (otherwise != kNoNode && peek().kind == Tok::kColon) otherwise = piecewise(otherwise);
    if (otherwise == kNoNode) return kNoNode;
  } else {
    otherwise = program_.graph.constant(std::numeric_limits<double>::quiet_NaN());
  }
  return program_.graph.select(condition, value, otherwise);
}

// |x| is abs(x). A bar where an operand may start opens; a bar after an operand closes the innermost
// open bar, so |x-1| + |x+1| and ||x| - 1| read as meant, and parentheses inside start afresh.
NodeId Parser::absolute_value() {
  Depth guard(*this);
  if (!guard.ok) return kNoNode;
  const Token& open = next();
  groups_.push_back(Tok::kBar);
  const NodeId inner = expr();
  groups_.pop_back();
  if (inner == kNoNode) return kNoNode;
  if (peek().kind != Tok::kBar) {
    return fail(open.span, "this '|' is never closed: expected '|' before " + describe(peek(), text_));
  }
  next();
  return program_.graph.unary(Op::kAbs, inner);
}

// A comma outside a call's arguments: most often a decimal comma (`1,5`).
NodeId Parser::comma_error(const Token& comma) {
  const std::size_t at = static_cast<std::size_t>(&comma - tokens_.data());
  const Token* before = at > 0 ? &tokens_[at - 1] : nullptr;
  const Token& after = tokens_[at + 1];
  if (before && before->kind == Tok::kNumber && after.kind == Tok::kNumber && before->span.end == comma.span.start &&
      after.span.start == comma.span.end) {
    const Span whole{before->span.start, after.span.end};
    return fail(whole, "use a dot for decimals: " + text_of(before->span) + "." + text_of(after.span));
  }
  return fail(comma.span, "a comma separates a function's arguments, as in max(0, x); here it has no call");
}

Parser::Depth::Depth(Parser& p) : parser(p) {
  ok = ++parser.depth_ <= kMaxNesting;
  if (!ok) {
    parser.fail_here("too deeply nested: more than " + std::to_string(kMaxNesting) +
                     " levels of parentheses, signs, powers or calls");
  }
}

}  // namespace detail

Expected<Program> compile(std::string_view text, const std::vector<std::string>& caller_names) {
  auto tokens = lex(text);
  if (!tokens) return tokens.error();
  return detail::Parser(text, std::move(*tokens), caller_names).run();
}

}  // namespace bp::expr
