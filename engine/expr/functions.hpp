// The language's known functions: each name, its aliases, how many arguments it takes and its
// defaults, and the nodes a call builds. The parser asks here; it holds no list of its own.
// Depends on the graph only (no parser, no tape).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "expr/expected.hpp"
#include "expr/graph.hpp"

namespace bp::expr {

// The node(s) of name(args...) for a known function, e.g. "max" with three arguments. Errors, at
// `span`: an unknown name (with the nearest known names), a wrong number of arguments ("max takes 2
// or more arguments (got 1)").
Expected<NodeId> call_function(Graph& g, std::string_view name, const std::vector<NodeId>& args, Span span);

// Whether call_function knows the name (aliases included: "arcsin", "sgn", "swish", ...). torch.nn's
// class names (ReLU) are the lexer's to map onto these.
bool is_known_function(std::string_view name);
// Every name call_function knows, aliases included, in alphabetical order.
const std::vector<std::string_view>& known_function_names();
// Up to `count` known names closest to `name` in spelling, nearest first (for "did you mean").
std::vector<std::string_view> nearest_function_names(std::string_view name, std::size_t count = 3);
// The function that sin⁻¹ means: "sin" -> "asin", "tanh" -> "atanh"; nullopt for a name without one.
std::optional<std::string_view> inverse_function_name(std::string_view name);

// max(args...) / min(args...) over two or more nodes: a chain of kMax / kMin whose ties share the
// gradient evenly among all equal arguments (each link's c counts the ties in its left input).
NodeId max_of(Graph& g, const std::vector<NodeId>& args);
NodeId min_of(Graph& g, const std::vector<NodeId>& args);

}  // namespace bp::expr
