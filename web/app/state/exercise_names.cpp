// Exercise names: one list per key, and the messages that name them when a link has something else.
#include "state/exercise_names.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace bp::app {

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
  return out;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// "W1:0,0" after `prefix` ("W"): a layer number from 1, then `indices` whole numbers (1: "2:0", 2: "1:0,3").
bool is_layer_id(std::string_view id, std::string_view prefix, int indices) {
  if (id.substr(0, prefix.size()) != prefix) return false;
  id.remove_prefix(prefix.size());
  const std::size_t colon = id.find(':');
  if (colon == std::string_view::npos || !is_digits(id.substr(0, colon)) || id.substr(0, colon) == "0") return false;
  std::string_view rest = id.substr(colon + 1);
  for (int k = 0; k < indices; ++k) {
    const std::size_t comma = k + 1 < indices ? rest.find(',') : rest.size();
    if (comma == std::string_view::npos || !is_digits(rest.substr(0, comma))) return false;
    rest = comma < rest.size() ? rest.substr(comma + 1) : std::string_view{};
  }
  return rest.empty();
}

bool is_node_name(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

}  // namespace

const std::vector<std::string>& hide_names() {
  static const std::vector<std::string> names{
      // function mode's results
      "fx", "slope", "fd", "diff", "tangent", "fprime", "table:fx", "table:fxh", "table:fd",
      // graph mode's (and grad:NAME)
      "values", "grads", "steps", "check",
      // network mode's (grads and steps too)
      "loss", "accuracy", "weights", "surface",
      // controls
      "h", "scheme", "reading", "derivative", "table", "descent", "race", "error", "inputs", "backward", "experiments",
      "tabs"};
  return names;
}

const std::vector<std::string>& lock_names() {
  static const std::vector<std::string> names{"expr",   "x0",      "h",    "scheme", "eta",  "table", "prog",
                                              "inputs", "weights", "hyper", "data",  "buttons"};
  return names;
}

bool is_hide_name(std::string_view name) {
  if (name.substr(0, 5) == "grad:") return is_node_name(name.substr(5));
  return std::find(hide_names().begin(), hide_names().end(), name) != hide_names().end();
}

bool is_lock_name(std::string_view name) {
  return std::find(lock_names().begin(), lock_names().end(), name) != lock_names().end();
}

bool ask_mode(std::string_view id, Mode& mode) {
  static const char* kFunction[] = {"fx", "slope", "fd", "step", "besth"};
  for (const char* f : kFunction) {
    if (id == f) return mode = Mode::kFunction, true;
  }
  if (id == "grads" || ((id.substr(0, 5) == "grad:" || id.substr(0, 6) == "value:") &&
                        is_node_name(id.substr(id.find(':') + 1)))) {
    return mode = Mode::kGraph, true;
  }
  const bool is_network = id == "yhat" || id == "eloss" || is_layer_id(id, "z", 1) || is_layer_id(id, "a", 1) ||
                          is_layer_id(id, "delta", 1) || is_layer_id(id, "dW", 2) || is_layer_id(id, "db", 1) ||
                          is_layer_id(id, "W", 2) || is_layer_id(id, "b", 1);
  if (is_network) return mode = Mode::kNetwork, true;
  return false;
}

const std::string& ask_help() {
  static const std::string help =
      "fx slope fd step besth (function mode); value:NAME grad:NAME grads (graph mode); yhat eloss zL:i aL:i "
      "deltaL:i dWL:i,j dbL:i WL:i,j bL:i (network mode, layer L from 1)";
  return help;
}

std::vector<std::string> split_ask_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string item = text.substr(start, comma - start);
    // The column of a matrix entry: "dW1:0" then "0" is dW1:0,0.
    const bool is_column = is_digits(item) && !items.empty() && items.back().find(':') != std::string::npos &&
                           (items.back()[0] == 'W' || items.back().rfind("dW", 0) == 0) &&
                           items.back().find(',') == std::string::npos;
    if (is_column) {
      items.back() += "," + item;
    } else if (!item.empty()) {
      items.push_back(std::move(item));
    }
    start = comma + 1;
  }
  return items;
}

NameCheck check_names(const std::string& key, const std::string& text) {
  NameCheck check;
  std::vector<std::string> unknown;
  const auto items = split_ask_list(text);
  for (const auto& item : items) {
    Mode mode;
    const bool ok = key == "hide" ? is_hide_name(item) : key == "lock" ? is_lock_name(item) : ask_mode(item, mode);
    if (!ok) {
      unknown.push_back(item.substr(0, 40));
    } else if (std::find(check.known.begin(), check.known.end(), item) == check.known.end()) {
      check.known.push_back(item);
    }
  }
  if (unknown.empty()) return check;
  std::string names;
  for (const auto& u : unknown) names += (names.empty() ? "'" : ", '") + u + "'";
  const std::string valid = key == "hide"   ? joined(hide_names()) + " grad:NAME"
                            : key == "lock" ? joined(lock_names())
                                            : ask_help();
  check.notice = names + (unknown.size() == 1 ? " is" : " are") + " not known (" +
                 (check.known.empty() ? "nothing" : "the rest") + " applies); known: " + valid;
  return check;
}

}  // namespace bp::app
