// The computational graph of an input as plain data, for drawing and for the JavaScript API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/program.hpp"
#include "expr/tape.hpp"

namespace bp::expr {

struct ExportedNode {
  int id = 0;                    // position in `nodes`; inputs come before the nodes that use them
  std::string op;                // "var", "const", "add", "mul", "sin", ...
  std::string label;             // the name a program gave it (d, e, L), else its variable, number or op
  double value = 0;
  std::optional<double> grad;    // d output / d node; none for constants (they have no gradient)
  std::vector<int> inputs;
  std::vector<double> local;     // d node / d inputs[k]: the factor the chain rule multiplies by
};

struct GraphExport {
  std::vector<ExportedNode> nodes;  // the output's ancestors only
  int output = 0;
};

// More nodes than anyone can read in a drawing; larger graphs are refused with a message.
inline constexpr std::size_t kMaxExportedNodes = 20000;

// After tape.forward() and tape.backward(). Errors when the graph has over kMaxExportedNodes nodes.
Expected<GraphExport> export_graph(const Program& program, const Tape& tape);

}  // namespace bp::expr
