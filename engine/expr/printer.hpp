// Prints a node as text that compile() reads back to the same value: minimal parentheses, implicit
// products where they read naturally (4x, 2x^2, 3sin(x)), spaces around + and -.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "expr/expected.hpp"
#include "expr/graph.hpp"

namespace bp::expr {

inline constexpr std::size_t kMaxPrintedLength = 1 << 20;

// Iterative (an explicit stack), so depth costs no call stack. Errors past max_length characters:
// a small DAG can stand for an exponentially long text.
Expected<std::string> print(const Graph& graph, NodeId node, std::size_t max_length = kMaxPrintedLength);

// How the parser read the input, with every operation in parentheses and every product written out:
// `1/2x` reads "(1/2)*x", `-x^2` reads "-(x^2)", `2^3^2` reads "2^(3^2)".
Expected<std::string> print_reading(const Graph& graph, NodeId node, std::size_t max_length = kMaxPrintedLength);

// The first infinite or NaN number among the constants `node` reads, if any. The language has no word
// for them, so a text that would hold one (the derivative of 1e300*1e300*x) is refused instead.
std::optional<double> non_finite_number(const Graph& graph, NodeId node);

// Shortest decimal text that reads back as exactly v ("0.1", "1e-07", "6.02e+23").
std::string format_number(double v);

}  // namespace bp::expr
