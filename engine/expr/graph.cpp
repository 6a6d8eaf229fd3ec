// Expression graph with hash-consing.
#include "expr/graph.hpp"

#include <cstring>
#include <functional>

namespace bp::expr {

namespace {
std::uint64_t bits_of(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits;
}
}  // namespace

std::size_t Graph::KeyHash::operator()(const Node& n) const {
  std::size_t h = std::hash<std::uint64_t>{}(bits_of(n.value));
  h = h * 31 + static_cast<std::size_t>(n.op);
  h = h * 1000003u + static_cast<std::size_t>(n.a);
  h = h * 1000003u + static_cast<std::size_t>(n.b);
  h = h * 1000003u + static_cast<std::size_t>(n.c);
  if (!n.name.empty()) h ^= std::hash<std::string>{}(n.name);
  return h;
}

// Constants compare by bit pattern, so NaN equals NaN and -0 differs from 0.
bool Graph::KeyEqual::operator()(const Node& x, const Node& y) const {
  return x.op == y.op && x.a == y.a && x.b == y.b && x.c == y.c && bits_of(x.value) == bits_of(y.value) &&
         x.name == y.name;
}

NodeId Graph::intern(Node node) {
  auto it = index_.find(node);
  if (it != index_.end()) return it->second;
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(node);
  index_.emplace(std::move(node), id);
  return id;
}

NodeId Graph::constant(double value) { return intern(Node{Op::kConst, kNoNode, kNoNode, kNoNode, value, {}}); }

NodeId Graph::named_constant(std::string_view name, double value) {
  return intern(Node{Op::kConst, kNoNode, kNoNode, kNoNode, value, std::string(name)});
}

NodeId Graph::variable(std::string_view name) {
  return intern(Node{Op::kVar, kNoNode, kNoNode, kNoNode, 0, std::string(name)});
}

NodeId Graph::unary(Op op, NodeId a) { return intern(Node{op, a, kNoNode, kNoNode, 0, {}}); }

NodeId Graph::binary(Op op, NodeId a, NodeId b) { return intern(Node{op, a, b, kNoNode, 0, {}}); }

NodeId Graph::ternary(Op op, NodeId a, NodeId b, NodeId c) { return intern(Node{op, a, b, c, 0, {}}); }

}  // namespace bp::expr
