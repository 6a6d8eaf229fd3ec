// The parser's names: variables, calls of known and user functions (inlined), Desmos's application
// `sin x`, names made of names (`sinx`, `xsin(x)`, `mx`), and what an unknown name is.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "expr/derivative.hpp"
#include "expr/functions.hpp"
#include "expr/parser.hpp"
#include "expr/parser_names.hpp"

namespace bp::expr::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;


}  // namespace

// --- definitions ----------------------------------------------------------------------------------
bool Parser::is_function_definition() const {
  std::size_t i = pos_ + 2;
  while (tokens_[i].kind == Tok::kIdent) {
    ++i;
    if (tokens_[i].kind != Tok::kComma) break;
    ++i;
  }
  return tokens_[i].kind == Tok::kRParen && tokens_[i + 1].kind == Tok::kEquals;
}

// f(x) = body. The body is read once here, so its mistakes show even if f is never called. As the
// last statement, the output is the body with the parameters as ordinary inputs (function mode plots
// it); before that, the parameters are placeholders and only later calls give them values.
NodeId Parser::function_definition(bool is_last) {
  const Token& name_token = next();
  if (!check_assignable(name_token)) return kNoNode;
  const std::string name(name_token.name);
  next();  // '('
  Definition definition;
  while (peek().kind == Tok::kIdent) {
    const Token& parameter = next();
    const std::string parameter_name(parameter.name);
    if (std::count(definition.parameters.begin(), definition.parameters.end(), parameter_name)) {
      return fail(parameter.span, "'" + parameter_name + "' is already a parameter of " + name);
    }
    definition.parameters.push_back(parameter_name);
    if (peek().kind == Tok::kComma) next();
  }
  next();  // ')'
  next();  // '='
  definition.body_begin = pos_;
  defining_ = name;
  NodeId body = kNoNode;
  if (is_last) {
    program_.function_name = name;
    program_.parameters = definition.parameters;
    body = expr();
  } else {
    std::vector<NodeId> placeholders;
    for (const auto& parameter : definition.parameters) {
      placeholders.push_back(program_.graph.variable(name + "." + parameter));  // a name no text can spell
    }
    const std::size_t inputs_before = program_.inputs.size();
    const Frame outer = frame_;
    frame_ = {&definition, &placeholders};
    body = expr();
    frame_ = outer;
    // Names the body reads become inputs when a call reads them, not because f exists.
    program_.inputs.resize(inputs_before);
  }
  defining_.clear();
  if (body == kNoNode) return kNoNode;
  definition.body_end = pos_;
  scope_.erase(name);
  definitions_[name] = std::move(definition);
  if (is_last) bind(name, body);
  return body;
}

NodeId Parser::user_function_call(const Token& token, const std::string& name) {
  const Definition& definition = definitions_.at(name);
  int order = 0;  // f' and f'': Lagrange's notation for the derivatives
  while (peek().kind == Tok::kPrime) {
    next();
    ++order;
  }
  const std::size_t count = definition.parameters.size();
  std::string signature = name + "(";
  for (std::size_t i = 0; i < count; ++i) signature += (i ? ", " : "") + definition.parameters[i];
  signature += ")";
  if (peek().kind != Tok::kLParen) {
    return fail(token.span, "'" + name + "' is a function: write " + signature);
  }
  const Token& open = peek();
  std::vector<NodeId> args;
  if (!arguments(open, args)) return kNoNode;
  if (order > 0 && count != 1) {
    return fail(token.span, "'" + name + std::string(static_cast<std::size_t>(order), '\'') +
                                "' needs a function of one variable; " + signature + " has " + std::to_string(count));
  }
  if (args.size() != count) {
    const Span call{token.span.start, tokens_[pos_ - 1].span.end};
    return fail(call, "'" + name + "' takes " + std::to_string(count) + (count == 1 ? " argument" : " arguments") +
                          ", " + signature + ", but " + std::to_string(args.size()) +
                          (args.size() == 1 ? " was" : " were") + " given");
  }
  if (order == 0) return inline_call(definition, args, token.span);
  return derivative_call(definition, name, order, args[0], token.span);
}

// f'(a): the body read with a placeholder for the parameter, differentiated symbolically `order`
// times with respect to it (derivative.cpp), then the argument put in the placeholder's place, so
// f'(x^2) is f' at x², not the derivative of f(x²).
NodeId Parser::derivative_call(const Definition& definition, const std::string& name, int order, NodeId argument,
                               Span span) {
  Graph& g = program_.graph;
  const std::string placeholder_name = name + "'." + definition.parameters[0];  // a name no text can spell
  const NodeId placeholder = g.variable(placeholder_name);
  const std::vector<NodeId> args{placeholder};
  const std::size_t inputs_before = program_.inputs.size();
  NodeId result = inline_call(definition, args, span);
  if (result == kNoNode) return kNoNode;
  for (int k = 0; k < order; ++k) {
    Program borrowed;  // differentiate() works on a Program: lend it the graph for the walk
    borrowed.graph = std::move(program_.graph);
    borrowed.output = result;
    result = differentiate(borrowed, placeholder_name);
    program_.graph = std::move(borrowed.graph);
  }
  result = substitute(result, placeholder, argument);
  drop_unread_inputs(inputs_before, result);
  return result;
}

// The inputs from `first` on that `node` does not read are dropped: a derivative may lose a name its
// function read (d/dx of a*x + b has no b), and b needs no value then. Nodes older than the oldest
// such input cannot read it, so the walk stops there.
void Parser::drop_unread_inputs(std::size_t first, NodeId node) {
  if (program_.inputs.size() <= first) return;
  const Graph& g = program_.graph;
  NodeId oldest = node;
  for (std::size_t i = first; i < program_.inputs.size(); ++i) oldest = std::min(oldest, program_.inputs[i].node);
  std::vector<char> reads(static_cast<std::size_t>(node - oldest + 1), 0);
  std::vector<NodeId> stack{node};
  while (!stack.empty()) {
    const NodeId id = stack.back();
    stack.pop_back();
    if (id < oldest || reads[static_cast<std::size_t>(id - oldest)]) continue;
    reads[static_cast<std::size_t>(id - oldest)] = 1;
    for (const NodeId input : {g[id].a, g[id].b, g[id].c}) {
      if (input != kNoNode) stack.push_back(input);
    }
  }
  auto unread = [&](const Input& input) {
    return input.node > node || !reads[static_cast<std::size_t>(input.node - oldest)];
  };
  program_.inputs.erase(std::remove_if(program_.inputs.begin() + static_cast<std::ptrdiff_t>(first),
                                       program_.inputs.end(), unread),
                        program_.inputs.end());
}

// `root` with every use of `from` replaced by `to`. Only nodes created after `from` can use it.
NodeId Parser::substitute(NodeId root, NodeId from, NodeId to) {
  if (root < from) return root;
  Graph& g = program_.graph;
  std::vector<NodeId> replaced(static_cast<std::size_t>(root - from + 1));
  auto now = [&](NodeId id) { return id >= from ? replaced[static_cast<std::size_t>(id - from)] : id; };
  for (NodeId id = from; id <= root; ++id) {
    const Node node = g[id];  // a copy: building grows the graph
    NodeId out = id;
    if (id == from) {
      out = to;
    } else if (!is_leaf(node.op)) {
      const NodeId a = now(node.a);
      const NodeId b = node.b == kNoNode ? kNoNode : now(node.b);
      const NodeId c = node.c == kNoNode ? kNoNode : now(node.c);
      if (a != node.a || b != node.b || c != node.c) {
        out = c != kNoNode ? g.ternary(node.op, a, b, c) : b != kNoNode ? g.binary(node.op, a, b) : g.unary(node.op, a);
      }
    }
    replaced[static_cast<std::size_t>(id - from)] = out;
  }
  return replaced[static_cast<std::size_t>(root - from)];
}

NodeId Parser::inline_call(const Definition& definition, const std::vector<NodeId>& args, Span span) {
  inlined_tokens_ += definition.body_end - definition.body_begin;
  if (inlined_tokens_ > kMaxInlinedTokens) {
    return fail(span, "the calls expand to more than " + std::to_string(kMaxInlinedTokens) +
                          " tokens: a function calling another twice per line doubles at every line");
  }
  Depth guard(*this);
  if (!guard.ok) return kNoNode;
  const Frame outer = frame_;
  const std::size_t resume = pos_;
  frame_ = {&definition, &args};
  pos_ = definition.body_begin;
  const NodeId body = expr();
  pos_ = resume;
  frame_ = outer;
  return body;
}

// '(' expr, expr, ... ')' into args; false after an error.
bool Parser::arguments(const Token& open, std::vector<NodeId>& args) {
  Depth guard(*this);
  if (!guard.ok) return false;
  next();  // '('
  if (peek().kind == Tok::kRParen) {
    fail({open.span.start, peek().span.end}, "a call needs an argument between its parentheses");
    return false;
  }
  groups_.push_back(Tok::kLParen);
  struct Pop {
    std::vector<Tok>& groups;
    ~Pop() { groups.pop_back(); }
  } pop{groups_};
  while (true) {
    const NodeId arg = expr();
    if (arg == kNoNode) return false;
    args.push_back(arg);
    if (peek().kind == Tok::kComma) {
      next();
      continue;
    }
    if (peek().kind == Tok::kRParen) {
      next();
      return true;
    }
    fail(open.span, "this '(' is never closed: expected ')' before " + describe(peek(), text_));
    return false;
  }
}

// --- names ----------------------------------------------------------------------------------------
// A name's meaning, first match wins: a variable of the program or a parameter, a defined function,
// a name the caller gives, a known function, a name made of names, a new input (or pi, e).
NodeId Parser::name_or_call() {
  const Token& token = next();
  const std::string& name = token.name;
  if (name == "if" || name == "else") {
    return fail(token.span, "'" + name + "' belongs in Python's choice 'a if condition else b'");
  }
  if (const NodeId* node = bound(name)) return *node;
  if (definitions_.count(name)) return user_function_call(token, name);
  if (is_caller_name(name)) return resolve(name, token.span);
  if (is_function_name(name)) return known_function_call(token, name);
  // σ(z) is the ML courses' sigmoid when σ has no value; σ alone stays a name (a standard deviation).
  if (name == "σ" && peek().kind == Tok::kLParen) return known_function_call(token, "sigmoid");
  if (name == defining_) return fail(token.span, "'" + name + "' cannot call itself: a function may call only "
                                                 "functions defined before it");
  if (peek().kind == Tok::kLParen) {
    if (program_.find_input(name)) return resolve(name, token.span);  // an input met before: w(x+1) is w·(x+1)
    return split_name(token, name);
  }
  return split_name(token, name);
}

// `sinx` = sin(x), `xsin(x)` = x·sin(x), `2cosx` = 2cos(x) (Desmos's reading). A split is tried only for
// a name that has no meaning of its own, and only into known names and single letters around one
// function name; anything else is a new input, or an unknown function when '(' follows.
NodeId Parser::split_name(const Token& token, const std::string& name) {
  const bool call_follows = peek().kind == Tok::kLParen;
  auto is_operand = [&](const std::string& piece) {
    return (piece.size() == 1 && std::isalpha(static_cast<unsigned char>(piece[0]))) || is_known_name(piece);
  };
  // A function name ending the name, called with what follows: xsin(x), xsin x.
  for (std::size_t start = 1; start + 1 < name.size(); ++start) {
    const std::string function = name.substr(start);
    if (!is_function_name(function) || definitions_.count(function)) continue;
    const std::string before = name.substr(0, start);
    std::vector<std::string> pieces = is_operand(before) ? std::vector<std::string>{before}
                                                          : split_into_pieces(before, is_operand);
    const bool argument_follows = starts_application() && peek().kind != Tok::kMinus;  // not `xsin - 1`
    if (pieces.empty() || !(call_follows || argument_follows)) continue;
    NodeId product = kNoNode;
    for (const auto& piece : pieces) {
      const NodeId factor = resolve(piece, token.span);
      product = product == kNoNode ? factor : program_.graph.binary(Op::kMul, product, factor);
    }
    const Token function_token{Tok::kIdent, {token.span.start + start, token.span.end}, 0, {}};
    const NodeId call = known_function_call(function_token, function);
    return call == kNoNode ? kNoNode : program_.graph.binary(Op::kMul, product, call);
  }
  // A function name starting the name, applied to the rest: sinx, cosx, tanhx (longest name first).
  if (!call_follows) {
    for (std::size_t end = name.size() - 1; end >= 2; --end) {
      const std::string function = name.substr(0, end), rest = name.substr(end);
      if (!is_function_name(function) || !is_operand(rest)) continue;
      const NodeId first = resolve(rest, {token.span.start + end, token.span.end});
      return application_of(function, {token.span.start, token.span.start + end}, first);
    }
  }
  if (call_follows) return unknown_function(token, name);
  return resolve(name, token.span);
}

NodeId Parser::unknown_function(const Token& token, const std::string& name) {
  std::vector<std::string> candidates(known_function_names().begin(), known_function_names().end());
  for (const auto& entry : definitions_) candidates.push_back(entry.first);
  const auto near = nearest_names(name, candidates);
  std::string message = "unknown function '" + name + "'";
  if (!near.empty()) {
    message += ": did you mean " + quoted_list(near) + "?";
  } else {
    message += ": define it first, as in " + name + "(x) = …, or write " + name + "*(…) for a product";
  }
  return fail(token.span, message);
}

NodeId Parser::resolve(const std::string& name, Span span) {
  if (const NodeId* node = bound(name)) return *node;
  if (!is_caller_name(name)) {
    if (name == "pi") return program_.graph.named_constant("pi", kPi);
    if (name == "e") return program_.graph.named_constant("e", kE);
  }
  const NodeId node = program_.graph.variable(name);
  if (!program_.find_input(name)) program_.inputs.push_back(Input{name, node, span, std::nullopt});
  return node;
}

// The node a name is bound to: inside a call, a parameter, else the program's newest assignment.
const NodeId* Parser::bound(const std::string& name) const {
  if (frame_.definition) {
    const auto& parameters = frame_.definition->parameters;
    const auto at = std::find(parameters.begin(), parameters.end(), name);
    if (at != parameters.end()) return &(*frame_.args)[static_cast<std::size_t>(at - parameters.begin())];
  }
  const auto it = scope_.find(name);
  return it == scope_.end() ? nullptr : &it->second;
}

bool Parser::is_caller_name(const std::string& name) const {
  return std::find(caller_names_.begin(), caller_names_.end(), name) != caller_names_.end();
}

// A name with a value: bound, given by the caller, an input already met, or a constant.
bool Parser::is_known_name(const std::string& name) const {
  return bound(name) || is_caller_name(name) || program_.find_input(name) || name == "pi" || name == "e";
}

// An input nobody gives a value whose name is made of names that have one (`mx` beside m and x) is a
// typo for their product, not a new input: an error now, before it becomes a slider at 1.
std::optional<Error> Parser::check_juxtaposed_inputs() const {
  for (const Input& input : program_.inputs) {
    if (input.default_value || is_caller_name(input.name)) continue;
    auto is_named = [&](const std::string& piece) {
      return piece != input.name && (scope_.count(piece) || is_caller_name(piece) || program_.find_input(piece));
    };
    auto is_piece = [&](const std::string& piece) { return piece == "pi" || piece == "e" || is_named(piece); };
    const auto pieces = split_into_pieces(input.name, is_piece);
    if (pieces.empty() || std::none_of(pieces.begin(), pieces.end(), is_named)) continue;
    std::string product;
    for (const auto& piece : pieces) product += (product.empty() ? "" : "*") + piece;
    return Error{"'" + input.name + "' has no value: did you mean " + product + "?", input.span};
  }
  return std::nullopt;
}

}  // namespace bp::expr::detail
