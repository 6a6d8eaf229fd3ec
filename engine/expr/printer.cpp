// Precedence-climbing printer over an explicit stack.
#include "expr/printer.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace bp::expr {

namespace {

enum Prec { kCompare = 0, kSum = 1, kProduct = 2, kSign = 3, kPower = 4, kAtom = 5 };

int precedence(const Graph& g, NodeId id) {
  const Node& n = g[id];
  switch (n.op) {
    case Op::kAdd: case Op::kSub: return kSum;
    case Op::kMul: case Op::kDiv: return kProduct;
    case Op::kNeg: return kSign;
    case Op::kPow: return kPower;
    case Op::kLess: case Op::kLessEq: case Op::kGreater: case Op::kGreaterEq: case Op::kEq: case Op::kNotEq:
      return kCompare;
    case Op::kConst: return (n.name.empty() && std::signbit(n.value) && !std::isnan(n.value)) ? kSign : kAtom;
    default: return kAtom;
  }
}

// The first identifier `id` prints, if it starts with one; used to decide whether `2` and it may touch.
const std::string* leading_name(const Graph& g, NodeId id) {
  static const std::string kNone;
  bool is_power_base = false;
  while (g[id].op == Op::kPow) {
    id = g[id].a;
    is_power_base = true;
  }
  if (is_power_base && precedence(g, id) < kAtom) return nullptr;  // printed in parentheses: 3(x + 1)^2
  const Node& n = g[id];
  if (n.op == Op::kVar || (n.op == Op::kConst && !n.name.empty())) return &n.name;
  if (is_function(n.op)) return nullptr;  // function names never look like an exponent
  return &kNone;
}

// `2x` reads as 2·x, but `2e5` would read as a number: only let a number touch a name that cannot.
// A negative number touches too (`-2x` is -(2x), the same value), so every product of a number and a
// name has one style; so does a factor printed in parentheses: `3(x + 1)`.
bool reads_as_implicit_product(const Graph& g, NodeId a, NodeId b) {
  if (!g.is_number(a) || !std::isfinite(g[a].value)) return false;
  if (precedence(g, b) < kSign) return true;  // the right factor gets parentheses
  if (precedence(g, b) < kPower) return false;
  const std::string* name = leading_name(g, b);
  if (name == nullptr) return true;
  if (name->empty()) return false;
  const char c0 = (*name)[0];
  return !((c0 == 'e' || c0 == 'E') && name->size() > 1);
}

const char* comparison_symbol(Op op) {
  switch (op) {
    case Op::kLess: return " < ";
    case Op::kLessEq: return " <= ";
    case Op::kGreater: return " > ";
    case Op::kGreaterEq: return " >= ";
    case Op::kEq: return " == ";
    default: return " != ";
  }
}

// A function's arguments as written: where(c, a, b) has its condition first; a max/min chain built by
// max_of/min_of (its links after the first count ties in c) prints as the one call max(a, b, c, ...).
std::vector<NodeId> call_arguments(const Graph& g, NodeId id) {
  const Node& n = g[id];
  if (n.op == Op::kSelect) return {n.c, n.a, n.b};
  if (n.op == Op::kMax || n.op == Op::kMin) {
    std::vector<NodeId> reversed;
    NodeId link = id;
    while (g[link].op == n.op && g[link].c != kNoNode) {
      reversed.push_back(g[link].b);
      link = g[link].a;
    }
    if (g[link].op == n.op) {
      reversed.push_back(g[link].b);
      reversed.push_back(g[link].a);
    } else {
      reversed.push_back(link);
    }
    return {reversed.rbegin(), reversed.rend()};
  }
  std::vector<NodeId> args;
  for (const NodeId input : {n.a, n.b, n.c}) {
    if (input != kNoNode) args.push_back(input);
  }
  return args;
}

}  // namespace

namespace {

// Whether the "%g" text reads back as exactly v. Most texts are checked without strtod, by the exact fast path
// of decimal reading (Clinger): a mantissa of at most 2^53 and a power of ten up to 10^22 are exact doubles,
// so one multiplication or division rounds the decimal value correctly, as strtod does. In WebAssembly strtod
// works in software 128-bit floats: the read-outs' and links' numbers spent most of their formatting there
// (profile at 4× CPU throttling).
bool reads_back_as(const char* text, double v) {
  static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* p = text;
  const bool negative = *p == '-';
  if (negative) ++p;
  std::uint64_t mantissa = 0;
  int digits = 0, exponent = 0;
  bool is_fraction = false;
  for (; *p; ++p) {
    if (*p == '.') {
      is_fraction = true;
    } else if (*p >= '0' && *p <= '9') {
      if (++digits > 19) return std::strtod(text, nullptr) == v;
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
      if (is_fraction) --exponent;
    } else {
      break;
    }
  }
  if (*p == 'e' || *p == 'E') exponent += std::atoi(p + 1);
  if (mantissa > (std::uint64_t{1} << 53) || exponent < -22 || exponent > 22) return std::strtod(text, nullptr) == v;
  const double m = static_cast<double>(mantissa);
  const double read = exponent >= 0 ? m * kPowersOfTen[exponent] : m / kPowersOfTen[-exponent];
  return (negative ? -read : read) == v;
}

}  // namespace

std::string format_number(double v) {
  if (std::isnan(v)) return "(0/0)";
  if (std::isinf(v)) return v > 0 ? "(1/0)" : "-(1/0)";
  char buffer[32];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    if (reads_back_as(buffer, v)) break;
  }
  return buffer;
}

namespace {
Expected<std::string> print_with(const Graph& g, NodeId root, std::size_t max_length, bool parenthesise_all) {
  struct Item {
    NodeId node;       // kNoNode: emit `text`
    int min_prec;
    const char* text;
  };
  std::string out;
  std::vector<Item> stack{{root, 0, nullptr}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    if (item.node == kNoNode) {
      out += item.text;
    } else {
      const NodeId id = item.node;
      const Node& n = g[id];
      const int p = precedence(g, id);
      const auto child = [&](int wanted) { return parenthesise_all ? int{kAtom} : wanted; };
      if (p < item.min_prec) {  // parenthesise, then print the node at the loosest level
        out += '(';
        stack.push_back({kNoNode, 0, ")"});
        stack.push_back({id, 0, nullptr});
        continue;
      }
      switch (n.op) {
        case Op::kConst: out += n.name.empty() ? format_number(n.value) : n.name; break;
        case Op::kVar: out += n.name; break;
        case Op::kNeg:
          out += '-';
          stack.push_back({n.a, child(kProduct), nullptr});
          break;
        case Op::kPow:
          if (g.is_number(n.b) && g[n.b].value < 0 && std::isfinite(g[n.b].value)) {
            stack.push_back({n.b, child(kSign), nullptr});  // x^-2 reads back as written
          } else {
            stack.push_back({n.b, child(kPower), nullptr});  // right-associative: x^y^z
          }
          stack.push_back({kNoNode, 0, "^"});
          stack.push_back({n.a, kAtom, nullptr});
          break;
        case Op::kLess: case Op::kLessEq: case Op::kGreater: case Op::kGreaterEq: case Op::kEq: case Op::kNotEq:
          stack.push_back({n.b, child(kSum), nullptr});  // a < b < c is not one comparison: (a < b) < c
          stack.push_back({kNoNode, 0, comparison_symbol(n.op)});
          stack.push_back({n.a, child(kSum), nullptr});
          break;
        case Op::kAdd: case Op::kSub: case Op::kMul: case Op::kDiv: {
          const char* symbol = n.op == Op::kAdd ? " + " : n.op == Op::kSub ? " - " : n.op == Op::kMul ? "*" : "/";
          if (n.op == Op::kMul && !parenthesise_all && reads_as_implicit_product(g, n.a, n.b)) symbol = "";
          stack.push_back({n.b, child(p + 1), nullptr});  // left-associative: a - (b - c) keeps its parentheses
          stack.push_back({kNoNode, 0, symbol});
          stack.push_back({n.a, child(p), nullptr});
          break;
        }
        default: {  // functions
          out += op_symbol(n.op);
          out += '(';
          stack.push_back({kNoNode, 0, ")"});
          const std::vector<NodeId> args = call_arguments(g, id);
          for (std::size_t k = args.size(); k-- > 0;) {
            stack.push_back({args[k], 0, nullptr});
            if (k > 0) stack.push_back({kNoNode, 0, ", "});
          }
          break;
        }
      }
    }
    if (out.size() > max_length) {
      return Error{"the result is too long to show (more than " + std::to_string(max_length) + " characters)", {}};
    }
  }
  return out;
}
}  // namespace

std::optional<double> non_finite_number(const Graph& g, NodeId root) {
  std::vector<char> needed(static_cast<std::size_t>(root) + 1, 0);
  needed[static_cast<std::size_t>(root)] = 1;
  for (NodeId id = root; id >= 0; --id) {  // inputs come before their users: one backward sweep
    if (!needed[static_cast<std::size_t>(id)]) continue;
    const Node& n = g[id];
    if (n.op == Op::kConst && !std::isfinite(n.value)) return n.value;
    for (NodeId input : {n.a, n.b, n.c}) {
      if (input != kNoNode) needed[static_cast<std::size_t>(input)] = 1;
    }
  }
  return std::nullopt;
}

Expected<std::string> print(const Graph& g, NodeId root, std::size_t max_length) {
  return print_with(g, root, max_length, false);
}

Expected<std::string> print_reading(const Graph& g, NodeId root, std::size_t max_length) {
  return print_with(g, root, max_length, true);
}

}  // namespace bp::expr
