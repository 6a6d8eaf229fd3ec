// Node constructors that simplify as they build: constant folding, identities (x+0, 1·x, x^1, ...),
// constants gathered to the left of products, and signs moved so that a + (-3)·x reads a - 3x.
// Used by the symbolic derivative; the parser builds what the learner typed, unsimplified.
#pragma once

#include "expr/graph.hpp"

namespace bp::expr {

class Simplifier {
 public:
  explicit Simplifier(Graph& graph) : g_(graph) {}

  NodeId number(double v) { return g_.constant(v); }
  NodeId add(NodeId a, NodeId b);
  NodeId sub(NodeId a, NodeId b);
  NodeId mul(NodeId a, NodeId b);
  NodeId div(NodeId a, NodeId b);
  NodeId pow(NodeId a, NodeId b);
  NodeId neg(NodeId a);
  NodeId call(Op function, NodeId a);

  bool is_zero(NodeId a) const { return g_.is_number(a, 0.0); }

 private:
  bool is_negative_number(NodeId a) const { return g_.is_number(a) && g_[a].value < 0; }
  // c·x with a negative number c, as in -3x; fills c and x.
  bool is_negative_multiple(NodeId a, double& c, NodeId& x) const;
  Graph& g_;
};

}  // namespace bp::expr
