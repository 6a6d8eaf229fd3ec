// Places a computational graph left to right: inputs in the first column, every other node one
// column right of its deepest input (micrograd's drawing, laid out without a graph library).
#pragma once

#include <vector>

#include "expr/graph_export.hpp"

namespace bp::app {

struct NodePlace {
  int column = 0;
  int row = 0;
};

struct GraphLayout {
  std::vector<NodePlace> places;  // one per node, by id
  int columns = 0;
  int rows = 0;                   // of the fullest column
};

GraphLayout layout_graph(const expr::GraphExport& graph);

}  // namespace bp::app
