// Derivative rules, one per op, written with the simplifying constructors.
#include "expr/derivative.hpp"

#include <vector>

#include "expr/simplify.hpp"

namespace bp::expr {

NodeId differentiate(Program& program, std::string_view variable) {
  Graph& g = program.graph;
  Simplifier s(g);
  const NodeId zero = s.number(0), one = s.number(1), two = s.number(2);
  const auto original_size = static_cast<NodeId>(g.size());
  std::vector<NodeId> d(static_cast<std::size_t>(original_size), zero);  // d[n] = dn / dvariable
  for (NodeId n = 0; n <= program.output && n < original_size; ++n) {
    const Node node = g[n];  // a copy: the constructors below grow the graph
    const NodeId a = node.a, b = node.b;
    const NodeId da = a == kNoNode ? zero : d[static_cast<std::size_t>(a)];
    const NodeId db = b == kNoNode ? zero : d[static_cast<std::size_t>(b)];
    if (!is_leaf(node.op) && s.is_zero(da) && s.is_zero(db)) continue;  // does not depend on variable
    NodeId r = zero;
    switch (node.op) {
      case Op::kConst: break;
      case Op::kVar: r = node.name == variable ? one : zero; break;
      case Op::kAdd: r = s.add(da, db); break;                                           // da + db
      case Op::kSub: r = s.sub(da, db); break;                                           // da - db
      case Op::kMul: r = s.add(s.mul(da, b), s.mul(a, db)); break;                       // b da + a db
      case Op::kDiv:                                                                     // da/b - a db/b²
        r = s.sub(s.div(da, b), s.div(s.mul(a, db), s.pow(b, two)));
        break;
      case Op::kPow:
        if (s.is_zero(db)) {                                                             // b a^(b-1) da
          r = s.mul(s.mul(b, s.pow(a, s.sub(b, one))), da);
        } else {                                                                         // a^b (db ln a + b da/a)
          r = s.mul(n, s.add(s.mul(db, s.call(Op::kLog, a)), s.div(s.mul(b, da), a)));
        }
        break;
      case Op::kNeg: r = s.neg(da); break;                                               // -da
      case Op::kSin: r = s.mul(s.call(Op::kCos, a), da); break;                          // cos(a) da
      case Op::kCos: r = s.neg(s.mul(s.call(Op::kSin, a), da)); break;                   // -sin(a) da
      case Op::kTan: r = s.div(da, s.pow(s.call(Op::kCos, a), two)); break;              // da / cos²(a)
      case Op::kExp: r = s.mul(n, da); break;                                            // exp(a) da
      case Op::kLog: r = s.div(da, a); break;                                            // da / a
      case Op::kSqrt: r = s.div(da, s.mul(two, n)); break;                               // da / (2 sqrt a)
      case Op::kAbs: r = s.mul(s.call(Op::kSign, a), da); break;                         // sign(a) da
      case Op::kTanh: r = s.mul(s.sub(one, s.pow(n, two)), da); break;                   // (1 - tanh²) da
      case Op::kSigmoid: r = s.mul(s.mul(n, s.sub(one, n)), da); break;                  // σ(1-σ) da
      case Op::kRelu: r = s.mul(s.call(Op::kStep, a), da); break;                        // step(a) da
      case Op::kSign: case Op::kStep: break;                                             // 0
    }
    d[static_cast<std::size_t>(n)] = r;
  }
  return d[static_cast<std::size_t>(program.output)];
}

}  // namespace bp::expr
