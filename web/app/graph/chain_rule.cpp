// Names and formulas of graph nodes, and the chain rule as text.
#include "graph/chain_rule.hpp"

#include <cstdio>

namespace bp::app {

namespace {

// Unnamed operations are written out this many levels deep, then as "…": a chain of thousands
// (x*x*…*x in one line) would make each name as long as the program, and recurse as deep.
constexpr int kMaxFormulaDepth = 4;

std::string formula_at(const expr::GraphExport& g, const expr::ExportedNode& node, int depth);
const char* infix_symbol(const std::string& op);

// A node as its name, or for an unnamed operation its formula: "d", "(w·x)".
std::string node_name(const expr::GraphExport& g, const expr::ExportedNode& node, int depth = 0) {
  if (!is_operator_label(node.label)) return node.label;
  if (depth >= kMaxFormulaDepth) return "…";
  const bool is_infix = node.inputs.size() == 2 && infix_symbol(node.op);
  return is_infix ? "(" + formula_at(g, node, depth) + ")" : formula_at(g, node, depth);
}

// The infix symbol of an arithmetic or comparison op; nullptr for ops written as calls (max, atan2, where, …).
const char* infix_symbol(const std::string& op) {
  static const std::pair<const char*, const char*> kInfix[] = {
      {"add", " + "}, {"sub", " − "}, {"mul", "·"}, {"div", "/"}, {"pow", "^"},
      {"less", " < "}, {"less_equal", " ≤ "}, {"greater", " > "}, {"greater_equal", " ≥ "},
      {"equal", " = "}, {"not_equal", " ≠ "}};
  for (const auto& [name, symbol] : kInfix) {
    if (op == name) return symbol;
  }
  return nullptr;
}

std::string formula_at(const expr::GraphExport& g, const expr::ExportedNode& node, int depth) {
  auto name = [&](int k) {
    return node_name(g, g.nodes[static_cast<std::size_t>(node.inputs[static_cast<std::size_t>(k)])], depth + 1);
  };
  if (node.inputs.empty()) return "";
  if (node.inputs.size() == 2 && infix_symbol(node.op)) return name(0) + infix_symbol(node.op) + name(1);
  if (node.op == "neg") return "−" + name(0);
  // where's inputs are (then, else, condition); it is written as the learner's where(condition, then, else).
  if (node.op == "where" && node.inputs.size() == 3) return "where(" + name(2) + ", " + name(0) + ", " + name(1) + ")";
  std::string call = node.op + "(";
  for (std::size_t k = 0; k < node.inputs.size(); ++k) call += (k ? ", " : "") + name(static_cast<int>(k));
  return call + ")";
}

}  // namespace

// An unnamed node's label is its op's symbol ("+", "<=", …); a function node's is its name ("sin", "max").
bool is_operator_label(const std::string& label) { return label.find_first_of("+-*/^<>=!") != std::string::npos; }

std::string formula(const expr::GraphExport& graph, const expr::ExportedNode& node) {
  return formula_at(graph, node, 0);
}

std::string chain_rule(const expr::GraphExport& g, const expr::ExportedNode& node) {
  const auto name = [&](const expr::ExportedNode& n) { return node_name(g, n); };
  const std::string& out = g.nodes[static_cast<std::size_t>(g.output)].label;
  if (node.id == g.output) return "∂" + out + "/∂" + out + " = 1";
  std::string symbols = "∂" + out + "/∂" + name(node) + " =";
  std::string numbers;
  bool first = true;
  char buffer[96];
  for (const auto& user : g.nodes) {
    for (std::size_t k = 0; k < user.inputs.size(); ++k) {
      if (user.inputs[k] != node.id) continue;
      symbols += first ? " " : " + ";
      // The output's own local derivative is written with its formula: "∂L/∂L · ∂(e·f)/∂e", never the
      // circular-looking "∂L/∂L · ∂L/∂e".
      const std::string local_of = user.id == g.output ? "(" + formula(g, user) + ")" : name(user);
      symbols += "∂" + out + "/∂" + name(user) + " · ∂" + local_of + "/∂" + name(node);
      std::snprintf(buffer, sizeof buffer, "%s%g · %g", first ? " " : " + ", user.grad.value_or(0), user.local[k]);
      numbers += buffer;
      first = false;
    }
  }
  std::snprintf(buffer, sizeof buffer, " = %g", node.grad.value_or(0));
  const bool shared = numbers.find(" + ") != std::string::npos;
  return symbols + "\n  =" + numbers + buffer +
         (shared ? "\n(" + name(node) + " feeds several nodes: their contributions add up, grad += each)" : "");
}

}  // namespace bp::app
