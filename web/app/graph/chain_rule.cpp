// Names and formulas of graph nodes, and the chain rule as text.
#include "graph/chain_rule.hpp"

#include <cstdio>

namespace bp::app {

namespace {

// Unnamed operations are written out this many levels deep, then as "…": a chain of thousands
// (x*x*…*x in one line) would make each name as long as the program, and recurse as deep.
constexpr int kMaxFormulaDepth = 4;

std::string formula_at(const expr::GraphExport& g, const expr::ExportedNode& node, int depth);

// A node as its name, or for an unnamed operation its formula: "d", "(w·x)".
std::string node_name(const expr::GraphExport& g, const expr::ExportedNode& node, int depth = 0) {
  if (!is_operator_label(node.label)) return node.label;
  if (depth >= kMaxFormulaDepth) return "…";
  return node.inputs.size() == 2 ? "(" + formula_at(g, node, depth) + ")" : formula_at(g, node, depth);
}

const char* binary_operator(const std::string& op) {
  if (op == "add") return " + ";
  if (op == "sub") return " − ";
  if (op == "mul") return "·";
  if (op == "div") return "/";
  return "^";
}

std::string formula_at(const expr::GraphExport& g, const expr::ExportedNode& node, int depth) {
  auto name = [&](int k) {
    return node_name(g, g.nodes[static_cast<std::size_t>(node.inputs[static_cast<std::size_t>(k)])], depth + 1);
  };
  if (node.inputs.empty()) return "";
  if (node.inputs.size() == 2) return name(0) + binary_operator(node.op) + name(1);
  if (node.op == "neg") return "−" + name(0);
  return node.op + "(" + name(0) + ")";
}

}  // namespace

bool is_operator_label(const std::string& label) { return label.find_first_of("+-*/^") != std::string::npos; }

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
      symbols += "∂" + out + "/∂" + name(user) + " · ∂" + name(user) + "/∂" + name(node);
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
