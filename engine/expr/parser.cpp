// Recursive-descent parser that builds the expression graph directly. Grammar, loosest first:
//   program   := statement ((';' | newline) statement)*
//   statement := name '=' expr | name '(' name, ... ')' '=' expr | expr
//   expr      := term (('+' | '-') term)*
//   term      := unary (('*' | '/') unary | implicit)*      implicit: 2x, 3(x+1), 2sin(x), (x+1)(x-1)
//   unary     := ('-' | '+' | '√' | root) unary | power       so -x^2 = -(x^2); root is ∛ ∜ \sqrt[n]
//   power     := postfix ('^' unary)?                          right-associative, x^-2 allowed
//   postfix   := primary superscript*                          x², x⁻¹
//   primary   := number | name | function '(' expr ')' | '(' expr ')'
// Every recursive rule passes through a depth guard, so nesting beyond kMaxNesting is an error.
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "expr/lexer.hpp"
#include "expr/program.hpp"

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

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;

// Thrown nowhere: parse functions return kNoNode and leave the first error in error_.
class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, const std::vector<std::string>& caller_names)
      : text_(text), tokens_(std::move(tokens)), caller_names_(caller_names) {}

  Expected<Program> run() {
    NodeId last = kNoNode;
    skip_separators();
    while (peek().kind != Tok::kEnd) {
      last = statement();
      if (last == kNoNode) return *error_;
      if (peek().kind != Tok::kSeparator && peek().kind != Tok::kEnd) {
        return fail_here(peek().kind == Tok::kRParen ? "this ')' has no matching '('"
                                                     : "expected an operator before " + describe(peek(), text_));
      }
      skip_separators();
    }
    if (last == kNoNode) return Error{"empty input: type an expression such as 2x^2 - 3x + 4", {0, text_.size()}};
    program_.output = last;
    program_.labels.resize(program_.graph.size());
    for (const auto& [node, names] : labels_) {
      std::string& label = program_.labels[static_cast<std::size_t>(node)];
      for (const auto& name : names) label += (label.empty() ? "" : ", ") + name;
    }
    return std::move(program_);
  }

 private:
  // --- statements ---------------------------------------------------------------------------------
  NodeId statement() {
    if (peek().kind == Tok::kIdent && peek(1).kind == Tok::kEquals) return assignment();
    if (peek().kind == Tok::kIdent && peek(1).kind == Tok::kLParen && is_function_definition()) {
      return function_definition();
    }
    return expr();
  }

  NodeId assignment() {
    const Token name = next();
    next();  // '='
    if (!check_assignable(name)) return kNoNode;
    const std::string key(name.name);
    // `a = 3` or `b = -2` for a name not seen yet makes an input with that default value.
    if (!scope_.count(key) && !program_.find_input(key)) {
      if (auto literal = literal_value()) {
        const NodeId node = program_.graph.variable(key);
        program_.inputs.push_back(Input{key, node, name.span, *literal});
        return node;
      }
    }
    const NodeId value = expr();
    if (value == kNoNode) return kNoNode;
    bind(key, value);
    return value;
  }

  bool is_function_definition() const {
    std::size_t i = pos_ + 2;
    while (tokens_[i].kind == Tok::kIdent) {
      ++i;
      if (tokens_[i].kind != Tok::kComma) break;
      ++i;
    }
    return tokens_[i].kind == Tok::kRParen && tokens_[i + 1].kind == Tok::kEquals;
  }

  // f(x) = body: the output is body; x is an ordinary input.
  NodeId function_definition() {
    const Token name = next();
    if (!check_assignable(name)) return kNoNode;
    next();  // '('
    while (peek().kind == Tok::kIdent) {
      program_.parameters.emplace_back(next().name);
      if (peek().kind == Tok::kComma) next();
    }
    next();  // ')'
    next();  // '='
    program_.function_name = std::string(name.name);
    const NodeId body = expr();
    if (body == kNoNode) return kNoNode;
    bind(std::string(name.name), body);
    return body;
  }

  bool check_assignable(const Token& name) {
    if (function_named(name.name)) {
      fail(name.span, "'" + std::string(name.name) + "' is a function and cannot be assigned; choose another name");
      return false;
    }
    return true;
  }

  std::optional<double> literal_value() {
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

  void bind(const std::string& name, NodeId node) {
    scope_[name] = node;
    auto& names = labels_[node];
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    if (!program_.is_assigned(name)) program_.assigned.push_back(name);
  }

  // --- expressions --------------------------------------------------------------------------------
  NodeId expr() {
    NodeId left = term();
    while (left != kNoNode && (peek().kind == Tok::kPlus || peek().kind == Tok::kMinus)) {
      const Op op = next().kind == Tok::kPlus ? Op::kAdd : Op::kSub;
      const NodeId right = term();
      if (right == kNoNode) return kNoNode;
      left = program_.graph.binary(op, left, right);
    }
    return left;
  }

  NodeId term() {
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
  bool starts_implicit_operand() const {
    switch (peek().kind) {
      case Tok::kIdent: case Tok::kLParen: case Tok::kSqrt: case Tok::kRoot: return true;
      case Tok::kNumber: return false;
      default: return false;
    }
  }

  NodeId unary() {
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
  NodeId root(double index, NodeId x) {
    Graph& g = program_.graph;
    if (index == 3) return g.unary(Op::kCbrt, x);
    const NodeId reciprocal = g.constant(1 / index);
    if (std::fmod(index, 2) == 0) return g.binary(Op::kPow, x, reciprocal);
    return g.binary(Op::kMul, g.unary(Op::kSign, x), g.binary(Op::kPow, g.unary(Op::kAbs, x), reciprocal));
  }

  NodeId power() {
    NodeId base = postfix();
    if (base == kNoNode || peek().kind != Tok::kCaret) return base;
    Depth guard(*this);
    if (!guard.ok) return kNoNode;
    next();
    const NodeId exponent = unary();
    if (exponent == kNoNode) return kNoNode;
    return program_.graph.binary(Op::kPow, base, exponent);
  }

  NodeId postfix() {
    NodeId base = primary();
    while (base != kNoNode && peek().kind == Tok::kSuperscript) {
      base = program_.graph.binary(Op::kPow, base, program_.graph.constant(next().number));
    }
    return base;
  }

  NodeId primary() {
    const Token token = peek();
    switch (token.kind) {
      case Tok::kNumber: next(); return program_.graph.constant(token.number);
      case Tok::kIdent: return name_or_call();
      case Tok::kLParen: {
        Depth guard(*this);
        if (!guard.ok) return kNoNode;
        next();
        const NodeId inner = expr();
        if (inner == kNoNode) return kNoNode;
        if (peek().kind != Tok::kRParen) {
          return fail(token.span, "this '(' is never closed: expected ')' before " + describe(peek(), text_));
        }
        next();
        return inner;
      }
      case Tok::kSuperscript: return fail(token.span, "a superscript needs something before it to raise, as in x²");
      case Tok::kRParen: return fail(token.span, "expected a number, a name or '(' here, but found ')'");
      case Tok::kEquals:
        return fail(token.span, "'=' may only follow a name at the start of a line, as in d = a*b");
      default:
        return fail(token.span, "expected a number, a name or '(' here, but found " + describe(token, text_));
    }
  }

  NodeId name_or_call() {
    const Token token = next();
    const std::string name(token.name);
    const bool is_variable = scope_.count(name) || is_caller_name(name);
    if (auto op = function_named(name); op && !is_variable) {
      if (peek().kind != Tok::kLParen) {
        return fail(token.span, "'" + name + "' is a function: write " + name + "(x)");
      }
      Depth guard(*this);
      if (!guard.ok) return kNoNode;
      const Token open = next();
      const NodeId argument = expr();
      if (argument == kNoNode) return kNoNode;
      if (peek().kind == Tok::kComma) return fail(peek().span, "'" + name + "' takes one argument");
      if (peek().kind != Tok::kRParen) {
        return fail(open.span, "this '(' is never closed: expected ')' before " + describe(peek(), text_));
      }
      next();
      return program_.graph.unary(*op, argument);
    }
    return resolve(name, token.span);
  }

  NodeId resolve(const std::string& name, Span span) {
    if (auto it = scope_.find(name); it != scope_.end()) return it->second;
    if (!is_caller_name(name)) {
      if (name == "pi") return program_.graph.named_constant("pi", kPi);
      if (name == "e") return program_.graph.named_constant("e", kE);
    }
    const NodeId node = program_.graph.variable(name);
    if (!program_.find_input(name)) program_.inputs.push_back(Input{name, node, span, std::nullopt});
    return node;
  }

  bool is_caller_name(const std::string& name) const {
    return std::find(caller_names_.begin(), caller_names_.end(), name) != caller_names_.end();
  }

  // --- plumbing -----------------------------------------------------------------------------------
  struct Depth {
    explicit Depth(Parser& p) : parser(p) {
      ok = ++parser.depth_ <= kMaxNesting;
      if (!ok) {
        parser.fail_here("too deeply nested: more than " + std::to_string(kMaxNesting) +
                         " levels of parentheses, signs or powers");
      }
    }
    ~Depth() { --parser.depth_; }
    Parser& parser;
    bool ok;
  };

  const Token& peek(std::size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  Token next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  void skip_separators() {
    while (peek().kind == Tok::kSeparator) next();
  }
  NodeId fail(Span span, std::string message) {
    if (!error_) error_ = Error{std::move(message), span};
    return kNoNode;
  }
  Error fail_here(std::string message) {
    fail(peek().span, std::move(message));
    return *error_;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  const std::vector<std::string>& caller_names_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::optional<Error> error_;
  Program program_;
  std::unordered_map<std::string, NodeId> scope_;
  std::unordered_map<NodeId, std::vector<std::string>> labels_;
};

}  // namespace

Expected<Program> compile(std::string_view text, const std::vector<std::string>& caller_names) {
  auto tokens = lex(text);
  if (!tokens) return tokens.error();
  return Parser(text, std::move(*tokens), caller_names).run();
}

}  // namespace bp::expr
