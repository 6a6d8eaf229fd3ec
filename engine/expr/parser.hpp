// The parser's class, shared by its files: parser.cpp (statements and operators), parser_calls.cpp
// (names, user functions and their calls), parser_application.cpp (known functions, Desmos's forms).
// Internal to the engine: callers use compile() from program.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "expr/lexer.hpp"
#include "expr/program.hpp"

namespace bp::expr::detail {

// A user function `f(x, y) = body`. Each call reads the body's tokens again with the parameters bound
// to the arguments, so a call is inlined into the graph and gradients flow through it. Other names in
// the body mean what they mean where the call is (as in Python: `a = 3` after f's line changes f).
struct Definition {
  std::vector<std::string> parameters;
  std::size_t body_begin = 0;  // token range of the body
  std::size_t body_end = 0;
};

// Tokens that calls may read again in all, summed over every inlined call: past this a program is
// an error (f1(x) = f0(x) + f0(x+1), f2(x) = f1(x) + f1(x+1), … doubles the work per line).
inline constexpr std::size_t kMaxInlinedTokens = 4'000'000;

// Thrown nowhere: parse functions return kNoNode and leave the first error in error_.
class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, const std::vector<std::string>& caller_names)
      : text_(text), tokens_(std::move(tokens)), caller_names_(caller_names) {}

  Expected<Program> run();

 private:
  // parser.cpp: statements
  NodeId statement(bool is_last);
  NodeId assignment();
  std::optional<double> literal_value();
  std::optional<double> constant_value(NodeId node);
  void bind(const std::string& name, NodeId node);
  bool check_assignable(const Token& name);
  // parser.cpp: operators
  NodeId expr();
  NodeId comparison();
  NodeId sum();
  NodeId piecewise(NodeId condition);
  bool is_keyword(std::string_view word) const { return peek().kind == Tok::kIdent && peek().name == word; }
  NodeId term();
  bool starts_implicit_operand() const;
  NodeId unary();
  NodeId root(double index, NodeId x);
  NodeId power();
  NodeId postfix();
  NodeId primary();
  NodeId parenthesised();
  NodeId absolute_value();
  NodeId braced();
  bool is_inside_bars() const { return !groups_.empty() && groups_.back() == Tok::kBar; }
  NodeId comma_error(const Token& comma);

  // parser_calls.cpp: names and calls
  bool is_function_definition() const;
  NodeId function_definition(bool is_last);
  NodeId name_or_call();
  NodeId known_function_call(const Token& token, const std::string& name);
  NodeId user_function_call(const Token& token, const std::string& name);
  NodeId split_name(const Token& token, const std::string& name);
  NodeId unknown_function(const Token& token, const std::string& name);
  // parser_application.cpp: known functions
  NodeId application_of(const std::string& name, Span span, NodeId first);
  NodeId application_argument(const Token& function, const std::string& name, NodeId first);
  bool starts_function_name() const;
  bool starts_application() const;
  NodeId log_to_base(const Token& token, const std::string& name);
  NodeId apply_known(const std::string& name, const std::vector<NodeId>& args, Span span);
  bool arguments(const Token& open, std::vector<NodeId>& args);
  NodeId inline_call(const Definition& definition, const std::vector<NodeId>& args, Span span);
  NodeId derivative_call(const Definition& definition, const std::string& name, int order, NodeId argument,
                         Span span);
  NodeId substitute(NodeId root, NodeId from, NodeId to);
  void drop_unread_inputs(std::size_t first, NodeId node);
  NodeId resolve(const std::string& name, Span span);
  const NodeId* bound(const std::string& name) const;
  bool is_caller_name(const std::string& name) const;
  bool is_known_name(const std::string& name) const;
  bool is_function_name(const std::string& name) const;
  std::optional<Error> check_juxtaposed_inputs() const;

  // plumbing
  struct Depth {
    explicit Depth(Parser& p);
    ~Depth() { --parser.depth_; }
    Parser& parser;
    bool ok;
  };
  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
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
  std::string text_of(Span span) const { return std::string(text_.substr(span.start, span.end - span.start)); }

  // A call being inlined: the function and its arguments.
  struct Frame {
    const Definition* definition = nullptr;
    const std::vector<NodeId>* args = nullptr;
  };

  std::string_view text_;
  std::vector<Token> tokens_;
  const std::vector<std::string>& caller_names_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::optional<Error> error_;
  Program program_;
  std::unordered_map<std::string, NodeId> scope_;
  std::unordered_map<NodeId, std::vector<std::string>> labels_;
  std::unordered_map<std::string, Definition> definitions_;
  std::string defining_;            // the function whose body is being read at its definition
  Frame frame_;                     // the innermost call being inlined, if any
  std::size_t inlined_tokens_ = 0;  // summed over all calls, against kMaxInlinedTokens
  std::vector<char> has_variable_;  // per node: whether it depends on a variable (grown on demand)
  std::vector<Tok> groups_;         // the open '(' '{' '|' around the reader, innermost last
};

}  // namespace bp::expr::detail
