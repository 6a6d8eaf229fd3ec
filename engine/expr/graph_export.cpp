// Graph export: the tape's nodes renumbered from 0, with labels a learner recognises.
#include "expr/graph_export.hpp"

#include "expr/printer.hpp"

namespace bp::expr {

namespace {
std::string label_of(const Program& program, NodeId id) {
  const std::string& assigned = program.labels[static_cast<std::size_t>(id)];
  if (!assigned.empty()) return assigned;
  const Node& n = program.graph[id];
  switch (n.op) {
    case Op::kVar: return n.name;
    case Op::kConst: return n.name == "pi" ? "π" : n.name.empty() ? format_number(n.value) : n.name;
    default: return std::string(op_symbol(n.op));
  }
}
}  // namespace

Expected<GraphExport> export_graph(const Program& program, const Tape& tape) {
  if (tape.nodes().size() > kMaxExportedNodes) {
    return Error{"the graph has " + std::to_string(tape.nodes().size()) + " nodes, too many to show (at most " +
                     std::to_string(kMaxExportedNodes) + ")",
                 {}};
  }
  GraphExport out;
  std::vector<int> index(program.graph.size(), -1);
  for (const NodeId id : tape.nodes()) {
    const Node& n = program.graph[id];
    ExportedNode e;
    e.id = static_cast<int>(out.nodes.size());
    e.op = std::string(op_name(n.op));
    e.label = label_of(program, id);
    e.value = tape.value_of(id);
    if (n.op != Op::kConst) e.grad = tape.grad_of(id);
    if (n.a != kNoNode) {
      const auto value_or_0 = [&](NodeId input) { return input != kNoNode ? tape.value_of(input) : 0.0; };
      const LocalGradient local = local_gradient(n.op, value_or_0(n.a), value_or_0(n.b), value_or_0(n.c), e.value);
      const double partials[3] = {local.da, local.db, local.dc};
      const NodeId inputs[3] = {n.a, n.b, n.c};
      for (int k = 0; k < 3; ++k) {
        if (inputs[k] == kNoNode) continue;
        e.inputs.push_back(index[static_cast<std::size_t>(inputs[k])]);
        e.local.push_back(partials[k]);
      }
    }
    index[static_cast<std::size_t>(id)] = e.id;
    out.nodes.push_back(std::move(e));
  }
  out.output = index[static_cast<std::size_t>(program.output)];
  return out;
}

}  // namespace bp::expr
