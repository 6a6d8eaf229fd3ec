// An expression graph: nodes in creation order, so every node comes after its inputs and the
// creation order is a topological order. Identical nodes are created once (hash-consing): a reused
// name or a repeated subexpression is one node, and its gradient collects every use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "expr/ops.hpp"

namespace bp::expr {

using NodeId = std::int32_t;
inline constexpr NodeId kNoNode = -1;

struct Node {
  Op op = Op::kConst;
  NodeId a = kNoNode;  // first input (every op but the leaves)
  NodeId b = kNoNode;  // second input (ops of two or three inputs)
  NodeId c = kNoNode;  // third input: clamp's hi, where's condition, max/min's count of ties in a
  double value = 0;    // the number of a constant
  std::string name;    // variable name, or "pi"/"e" for a named constant
};

class Graph {
 public:
  NodeId constant(double value);
  NodeId named_constant(std::string_view name, double value);  // pi, e
  NodeId variable(std::string_view name);
  NodeId unary(Op op, NodeId a);
  NodeId binary(Op op, NodeId a, NodeId b);
  NodeId ternary(Op op, NodeId a, NodeId b, NodeId c);
  // a if c != 0 else b (NaN if c is NaN); the gradient flows into the chosen branch only, as torch.where.
  NodeId select(NodeId c, NodeId a, NodeId b) { return ternary(Op::kSelect, a, b, c); }
  // a < b, a == b, ... as 1 or 0 (IEEE: false for NaN, so `!=` gives 1); derivative 0. op: a comparison.
  NodeId compare(Op op, NodeId a, NodeId b) { return binary(op, a, b); }

  const Node& operator[](NodeId id) const { return nodes_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return nodes_.size(); }
  bool is_constant(NodeId id) const { return (*this)[id].op == Op::kConst; }
  // A constant written as a number (not pi or e): the simplifier folds only these.
  bool is_number(NodeId id) const { return is_constant(id) && (*this)[id].name.empty(); }
  bool is_number(NodeId id, double v) const { return is_number(id) && (*this)[id].value == v; }

 private:
  NodeId intern(Node node);
  struct KeyHash {
    std::size_t operator()(const Node& n) const;
  };
  struct KeyEqual {
    bool operator()(const Node& x, const Node& y) const;
  };
  std::vector<Node> nodes_;
  std::unordered_map<Node, NodeId, KeyHash, KeyEqual> index_;
};

}  // namespace bp::expr
