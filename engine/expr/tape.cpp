// The tape: the output's ancestors in creation order; forward one loop up, backward one loop down.
// Every value and derivative comes from local_rules.hpp; the block sweep is in tape_sweep.cpp.
#include "expr/tape.hpp"

#include <algorithm>

#include "expr/local_rules.hpp"
#include "expr/subnormal.hpp"

namespace bp::expr {

Tape::Tape(const Program& program) {
  const Graph& g = program.graph;
  std::vector<char> needed(g.size(), 0);
  needed[static_cast<std::size_t>(program.output)] = 1;
  for (auto id = static_cast<NodeId>(g.size()) - 1; id >= 0; --id) {
    if (!needed[static_cast<std::size_t>(id)]) continue;
    for (const NodeId input : {g[id].a, g[id].b, g[id].c}) {
      if (input != kNoNode) needed[static_cast<std::size_t>(input)] = 1;
    }
  }
  slot_.assign(g.size(), -1);
  const auto count = static_cast<std::size_t>(std::count(needed.begin(), needed.end(), 1));
  order_.reserve(count);
  code_.reserve(count);
  input_slot_.assign(program.inputs.size(), -1);
  const auto takes_grad = [&](Op op, NodeId input, int which) {
    return input != kNoNode && g[input].op != Op::kConst && !rules::is_flat_input(op, which);
  };
  const auto slot_of = [&](NodeId input) { return input == kNoNode ? -1 : slot_[static_cast<std::size_t>(input)]; };
  for (NodeId id = 0; id < static_cast<NodeId>(g.size()); ++id) {
    if (!needed[static_cast<std::size_t>(id)]) continue;
    const Node& n = g[id];
    Instr instr{n.op, takes_grad(n.op, n.a, 0), takes_grad(n.op, n.b, 1), takes_grad(n.op, n.c, 2),
                slot_of(n.a), slot_of(n.b), slot_of(n.c), n.value};
    if (n.op == Op::kVar) {
      for (std::size_t i = 0; i < program.inputs.size(); ++i) {
        if (program.inputs[i].node == id) {
          instr.constant = static_cast<double>(i);
          input_slot_[i] = static_cast<int>(order_.size());
        }
      }
    }
    slot_[static_cast<std::size_t>(id)] = static_cast<int>(order_.size());
    order_.push_back(id);
    code_.push_back(instr);
  }
  value_.assign(order_.size(), 0.0);
  grad_.assign(order_.size(), 0.0);
  // Which contribution reaches each slot first going backward: sweep() assigns it (0 + c, as
  // backward()'s zeroed gradient plus c) instead of zeroing every gradient row of every block. A node
  // no gradient reaches (only read through flat inputs) is skipped going back: its gradient stays 0.
  code_.back().reached = true;
  for (std::size_t i = code_.size(); i-- > 0;) {
    Instr& k = code_[i];
    if (!k.reached) continue;
    const auto mark = [&](bool flows, int input, bool& first) {
      if (!flows || code_[static_cast<std::size_t>(input)].reached) return;
      first = true;
      code_[static_cast<std::size_t>(input)].reached = true;
    };
    mark(k.a_takes_grad, k.a, k.a_first);
    mark(k.b_takes_grad, k.b, k.b_first);
    mark(k.c_takes_grad, k.c, k.c_first);
  }
}

double Tape::forward(const double* input_values) {
  double* v = value_.data();
  const std::size_t n = code_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Instr& k = code_[i];
    switch (k.op) {
      case Op::kConst: v[i] = k.constant; break;
      case Op::kVar: v[i] = input_values[static_cast<std::size_t>(k.constant)]; break;
      default:
        v[i] = rules::forward(k.op, v[k.a], k.b >= 0 ? v[k.b] : 0.0, k.c >= 0 ? v[k.c] : 0.0);
    }
  }
  return v[n - 1];
}

LocalGradient local_gradient(Op op, double a, double b, double c, double out) {
  return {rules::partial<0>(op, a, b, c, out), rules::partial<1>(op, a, b, c, out),
          rules::partial<2>(op, a, b, c, out)};
}

namespace {
// backward()'s step for a node whose gradient is subnormal (see subnormal.hpp): the same rules and
// the same bits, without the slow instructions. Out of line: the loop's common path stays small.
template <Op op>
[[gnu::noinline]] void backward_subnormal(double upstream, double a, double b, double c, double out, double* ga,
                                          double* gb, double* gc) {
  if (ga) *ga = subnormal::multiply_add(*ga, upstream, rules::partial<0>(op, a, b, c, out));
  if (gb) *gb = subnormal::multiply_add(*gb, upstream, rules::partial<1>(op, a, b, c, out));
  if (gc) *gc = subnormal::multiply_add(*gc, upstream, rules::partial<2>(op, a, b, c, out));
}
}  // namespace

void Tape::backward() {
  const double* v = value_.data();
  double* g = grad_.data();
  const std::size_t n = code_.size();
  std::fill(grad_.begin(), grad_.end(), 0.0);
  g[n - 1] = 1;  // d output / d output
  for (std::size_t i = n; i-- > 0;) {
    const Instr& k = code_[i];
    if (!k.reached || k.op == Op::kConst || k.op == Op::kVar) continue;  // a leaf, or no gradient flows here
    // Chain rule: d output / d input += d output / d node · d node / d input, with the op known at
    // compile time in each branch, so the common ops' rules compile to a few instructions.
    const auto step = [&](auto op_constant) {
      constexpr Op op = decltype(op_constant)::value;
      constexpr int inputs = arity(op);
      if constexpr (inputs > 0) {
        const double upstream = g[i];
        double* ga = k.a_takes_grad ? g + k.a : nullptr;
        double* gb = inputs >= 2 && k.b_takes_grad ? g + k.b : nullptr;
        double* gc = rules::reads_c(op) && k.c_takes_grad ? g + k.c : nullptr;
        const double a = v[k.a];
        const double b = inputs >= 2 ? v[k.b] : 0.0;
        const double c = rules::reads_c(op) && k.c >= 0 ? v[k.c] : 0.0;
        if (subnormal::is_subnormal(upstream)) {  // a faded gradient: see subnormal.hpp
          backward_subnormal<op>(upstream, a, b, c, v[i], ga, gb, gc);
          return;
        }
        if (ga) *ga += rules::chain<op>(upstream, rules::partial<0>(op, a, b, c, v[i]));
        if (gb) *gb += rules::chain<op>(upstream, rules::partial<1>(op, a, b, c, v[i]));
        if (gc) *gc += rules::chain<op>(upstream, rules::partial<2>(op, a, b, c, v[i]));
      }
    };
    const auto shared = [&] {
      const double upstream = g[i];
      const double b = k.b >= 0 ? v[k.b] : 0.0, c = rules::reads_c(k.op) && k.c >= 0 ? v[k.c] : 0.0;
      const LocalGradient local = local_gradient(k.op, v[k.a], b, c, v[i]);
      const bool faded = subnormal::is_subnormal(upstream);  // see subnormal.hpp
      const auto add = [&](bool takes, int input, double partial) {
        if (!takes) return;
        double& into = g[input];
        into = faded ? subnormal::multiply_add(into, upstream, partial) : into + rules::chain(k.op, upstream, partial);
      };
      add(k.a_takes_grad, k.a, local.da);
      add(k.b_takes_grad, k.b, local.db);
      add(k.c_takes_grad && rules::reads_c(k.op), k.c, local.dc);
    };
    rules::with_common_op(k.op, step, shared);
  }
}

double Tape::grad_of_input(int input) const {
  const int s = input_slot_[static_cast<std::size_t>(input)];
  return s < 0 ? 0.0 : grad_[static_cast<std::size_t>(s)];
}

}  // namespace bp::expr
