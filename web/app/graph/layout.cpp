// Longest-path layering; rows in id order within a column (ids are already a topological order).
#include "graph/layout.hpp"

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
  // Leaves (numbers, and inputs used only late) sit just left of their first user, not far away in
  // the first column.
  std::vector<int> first_user(graph.nodes.size(), -1);
  for (const auto& node : graph.nodes) {
    for (int input : node.inputs) {
      int& f = first_user[static_cast<std::size_t>(input)];
      const int column = out.places[static_cast<std::size_t>(node.id)].column;
      if (f < 0 || column < f) f = column;
    }
  }
  std::fill(filled.begin(), filled.end(), 0);
  for (const auto& node : graph.nodes) {
    NodePlace& p = out.places[static_cast<std::size_t>(node.id)];
    const int user_column = first_user[static_cast<std::size_t>(node.id)];
    if (node.inputs.empty() && user_column > 0) p.column = user_column - 1;
  }
  for (const auto& node : graph.nodes) {  // rows again, in id order within each column
    NodePlace& p = out.places[static_cast<std::size_t>(node.id)];
    p.row = filled[static_cast<std::size_t>(p.column)]++;
  }
  out.columns = static_cast<int>(filled.size());
  for (int rows : filled) out.rows = std::max(out.rows, rows);
  return out;
}

}  // namespace bp::app
