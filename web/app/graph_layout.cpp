// Longest-path layering; rows in id order within a column (ids are already a topological order).
#include "graph_layout.hpp"

#include <algorithm>

namespace bp::app {

GraphLayout layout_graph(const expr::GraphExport& graph) {
  GraphLayout out;
  out.places.resize(graph.nodes.size());
  std::vector<int> filled;
  for (const auto& node : graph.nodes) {
    int column = 0;
    for (int input : node.inputs) column = std::max(column, out.places[static_cast<std::size_t>(input)].column + 1);
    if (static_cast<int>(filled.size()) <= column) filled.resize(static_cast<std::size_t>(column) + 1, 0);
    out.places[static_cast<std::size_t>(node.id)] = {column, filled[static_cast<std::size_t>(column)]++};
  }
  out.columns = static_cast<int>(filled.size());
  for (int rows : filled) out.rows = std::max(out.rows, rows);
  return out;
}

}  // namespace bp::app
