// Name helpers for the parser's messages and readings: the nearest known names to a misspelt one,
// and splitting a run of letters into names (`mx` → m, x). No parser state.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::expr {

// Up to three candidates within a small edit distance of `name` (case differences cost nothing),
// nearest first: "softplus2" → {"softplus"}, "sinn" → {"sin", "sign"}.
std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& candidates);

// "a, b or c" (quoted), for messages.
std::string quoted_list(const std::vector<std::string>& names);

// Splits `name` into two or more pieces each accepted by `is_piece`, preferring the fewest pieces;
// empty when there is no such split.
std::vector<std::string> split_into_pieces(const std::string& name,
                                           const std::function<bool(const std::string&)>& is_piece);

}  // namespace bp::expr
