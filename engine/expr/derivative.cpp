// Derivative rules, one per op, written with the simplifying constructors.
#include "expr/derivative.hpp"

#include <vector>

#include "expr/simplify.hpp"

namespace bp::expr {

NodeId differentiate(Program& program, std::string_view variable) {
  Graph& g = program.graph;
  Simplifier s(g);
  const NodeId zero = s.number(0), one = s.number(1), two = s.number(2);
  const NodeId pi = g.named_constant("pi", 3.14159265358979323846);
  const auto original_size = static_cast<NodeId>(g.size());
  std::vector<NodeId> d(static_cast<std::size_t>(original_size), zero);  // d[n] = dn / dvariable
  for (NodeId n = 0; n <= program.output && n < original_size; ++n) {
    const Node node = g[n];  // a copy: the constructors below grow the graph
    const NodeId a = node.a, b = node.b, c = node.c;
    const NodeId da = a == kNoNode ? zero : d[static_cast<std::size_t>(a)];
    const NodeId db = b == kNoNode ? zero : d[static_cast<std::size_t>(b)];
    const NodeId dc = c == kNoNode ? zero : d[static_cast<std::size_t>(c)];
    if (!is_leaf(node.op) && s.is_zero(da) && s.is_zero(db) && s.is_zero(dc)) continue;  // constant in variable
    const auto where = [&](NodeId condition, NodeId x, NodeId y) { return g.select(condition, x, y); };
    const auto greater = [&](NodeId x, NodeId y) { return g.compare(Op::kGreater, x, y); };
    const auto less = [&](NodeId x, NodeId y) { return g.compare(Op::kLess, x, y); };
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
      case Op::kLess: case Op::kLessEq: case Op::kGreater: case Op::kGreaterEq:          // 0: comparisons
      case Op::kEq: case Op::kNotEq: break;
      case Op::kFloor: case Op::kCeil: case Op::kRound: case Op::kTrunc: break;          // 0 between jumps
      case Op::kSinh: r = s.mul(s.call(Op::kCosh, a), da); break;                        // cosh(a) da
      case Op::kCosh: r = s.mul(s.call(Op::kSinh, a), da); break;                        // sinh(a) da
      case Op::kAsin: r = s.div(da, s.call(Op::kSqrt, s.sub(one, s.pow(a, two)))); break;  // da / √(1-a²)
      case Op::kAcos: r = s.neg(s.div(da, s.call(Op::kSqrt, s.sub(one, s.pow(a, two))))); break;  // -da/√(1-a²)
      case Op::kAtan: r = s.div(da, s.add(one, s.pow(a, two))); break;                   // da / (1+a²)
      case Op::kAsinh: r = s.div(da, s.call(Op::kSqrt, s.add(s.pow(a, two), one))); break;  // da / √(a²+1)
      case Op::kAcosh: r = s.div(da, s.call(Op::kSqrt, s.sub(s.pow(a, two), one))); break;  // da / √(a²-1)
      case Op::kAtanh: r = s.div(da, s.sub(one, s.pow(a, two))); break;                  // da / (1-a²)
      case Op::kLog2: r = s.div(da, s.mul(a, s.call(Op::kLog, two))); break;             // da / (a ln 2)
      case Op::kLog10: r = s.div(da, s.mul(a, s.call(Op::kLog, s.number(10)))); break;   // da / (a ln 10)
      case Op::kExp2: r = s.mul(s.mul(n, s.call(Op::kLog, two)), da); break;             // 2^a ln 2 da
      case Op::kCbrt: r = s.div(da, s.mul(s.number(3), s.pow(n, two))); break;           // da / (3 cbrt(a)²)
      case Op::kErf:                                                                     // 2/√π e^(-a²) da
        r = s.mul(s.div(two, s.call(Op::kSqrt, pi)), s.mul(s.call(Op::kExp, s.neg(s.pow(a, two))), da));
        break;
      case Op::kSoftplus: r = s.mul(s.call(Op::kSigmoid, a), da); break;                 // σ(a) da
      case Op::kLogSigmoid: r = s.mul(s.call(Op::kSigmoid, s.neg(a)), da); break;        // σ(-a) da
      case Op::kGelu: {                                                                  // (Φ(a) + a φ(a)) da
        const NodeId cdf = s.div(s.add(one, s.call(Op::kErf, s.div(a, s.call(Op::kSqrt, two)))), two);
        const NodeId pdf = s.div(s.call(Op::kExp, s.neg(s.div(s.pow(a, two), two))), s.call(Op::kSqrt, s.mul(two, pi)));
        r = s.mul(s.add(cdf, s.mul(a, pdf)), da);
        break;
      }
      case Op::kAtan2:                                                                   // (b da - a db)/(a²+b²)
        r = s.div(s.sub(s.mul(b, da), s.mul(a, db)), s.add(s.pow(a, two), s.pow(b, two)));
        break;
      case Op::kHypot: r = s.div(s.add(s.mul(a, da), s.mul(b, db)), n); break;           // (a da + b db)/hypot
      case Op::kLogAddExp:                                                               // σ(a-b) da + σ(b-a) db
        r = s.add(s.mul(s.call(Op::kSigmoid, s.sub(a, b)), da), s.mul(s.call(Op::kSigmoid, s.sub(b, a)), db));
        break;
      case Op::kLeakyRelu: r = where(greater(a, zero), da, s.add(s.mul(b, da), s.mul(a, db))); break;
      case Op::kElu:                                                         // a <= 0: b e^a da + (e^a-1) db
        r = where(greater(a, zero), da,
                  s.add(s.mul(s.mul(b, s.call(Op::kExp, a)), da), s.mul(s.sub(s.call(Op::kExp, a), one), db)));
        break;
      case Op::kMax: case Op::kMin: {  // to the winner; a tie shares (t da + db)/(t + 1), t ties in a
        if (s.is_zero(da) && s.is_zero(db)) break;  // only the tie count depends on the variable
        const NodeId ties = c == kNoNode ? one : c;
        const NodeId tie = s.div(s.add(s.mul(ties, da), db), s.add(ties, one));
        r = node.op == Op::kMax ? where(greater(a, b), da, where(greater(b, a), db, tie))
                                : where(less(a, b), da, where(less(b, a), db, tie));
        break;
      }
      case Op::kClamp: r = where(less(c, b), dc, where(less(a, b), db, where(greater(a, c), dc, da))); break;
      case Op::kSelect:                                                                  // the chosen branch's
        if (!s.is_zero(da) || !s.is_zero(db)) r = where(c, da, db);
        break;
    }
    d[static_cast<std::size_t>(n)] = r;
  }
  return d[static_cast<std::size_t>(program.output)];
}

}  // namespace bp::expr
