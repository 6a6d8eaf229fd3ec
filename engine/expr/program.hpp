// A parsed input: its expression graph, the output node, the free variables (inputs) and the names
// the program gave to nodes. Built by compile(); evaluated by Tape.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expected.hpp"
#include "expr/graph.hpp"

namespace bp::expr {

// A free variable: a name read before any assignment, or a name first assigned a number (`a = 3`).
struct Input {
  std::string name;
  NodeId node = kNoNode;
  Span span;                             // its first occurrence in the text
  std::optional<double> default_value;   // from `a = 3` or `b = -2`; a caller's value overrides it
};

class Tape;

struct Program {
  Graph graph;
  NodeId output = kNoNode;
  std::vector<Input> inputs;               // in order of first occurrence
  std::vector<std::string> labels;         // per node: the names assigned to it, joined with ", "
  std::vector<std::string> assigned;       // every name the program assigns (not inputs)
  std::string function_name;               // `f` of `f(x) = ...`, else empty
  std::vector<std::string> parameters;     // `x` of `f(x) = ...`
  // Its tape, laid out on first use and kept: the JavaScript API's cache walks the same program many
  // times, and laying out a 10,000-node tape cost 15 % of each gradient() call. Shared by copies.
  mutable std::shared_ptr<Tape> tape;

  const Input* find_input(std::string_view name) const;
  bool is_assigned(std::string_view name) const;
};

// Deepest nesting of parentheses, powers, signs and roots the parser accepts: deeper input is an
// error, so parsing never overflows the stack (WebAssembly's is small).
inline constexpr int kMaxNesting = 200;

// Parses `text`. `caller_names` are the names the caller will give values to: they override the
// constants `e` and `pi`. Names nobody gives a value are inputs too; evaluation reports them.
Expected<Program> compile(std::string_view text, const std::vector<std::string>& caller_names);

}  // namespace bp::expr
