// Forward rules and local derivatives, one case per op, each derivative with its math beside it.
// Kinks and edge cases follow PyTorch: relu'(0) = 0, abs'(0) = 0, d(a^b)/db = 0 where a = 0 and b >= 0.
#include "expr/tape.hpp"

#include <algorithm>
#include <cmath>

#include "expr/subnormal.hpp"
#include "fast_math.hpp"

namespace bp::expr {

namespace {
double sigmoid(double x) {
  // Two branches keep exp() from overflowing: 1/(1+e^-x) for x >= 0, e^x/(1+e^x) below.
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const double z = std::exp(x);
  return z / (1 + z);
}
double sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; }  // sign(0) = 0, sign(NaN) = NaN
// a*a is exact, as x**2; a^1 = a exactly (x²'s derivative 2·x^1 is then a product, not a pow call).
double power(double a, double b) { return b == 2 ? a * a : b == 1 ? a : std::pow(a, b); }
}  // namespace

Tape::Tape(const Program& program) {
  const Graph& g = program.graph;
  std::vector<char> needed(g.size(), 0);
  needed[static_cast<std::size_t>(program.output)] = 1;
  for (auto id = static_cast<NodeId>(g.size()) - 1; id >= 0; --id) {
    if (!needed[static_cast<std::size_t>(id)]) continue;
    if (g[id].a != kNoNode) needed[static_cast<std::size_t>(g[id].a)] = 1;
    if (g[id].b != kNoNode) needed[static_cast<std::size_t>(g[id].b)] = 1;
  }
  slot_.assign(g.size(), -1);
  const auto count = static_cast<std::size_t>(std::count(needed.begin(), needed.end(), 1));
  order_.reserve(count);
  code_.reserve(count);
  input_slot_.assign(program.inputs.size(), -1);
  for (NodeId id = 0; id < static_cast<NodeId>(g.size()); ++id) {
    if (!needed[static_cast<std::size_t>(id)]) continue;
    const Node& n = g[id];
    Instr instr{n.op, n.a != kNoNode && g[n.a].op != Op::kConst, n.b != kNoNode && g[n.b].op != Op::kConst,
                n.a == kNoNode ? -1 : slot_[n.a], n.b == kNoNode ? -1 : slot_[n.b], n.value};
    if (n.op == Op::kVar) {
      for (std::size_t i = 0; i < program.inputs.size(); ++i) {
        if (program.inputs[i].node == id) {
          instr.c = static_cast<double>(i);
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
  // backward()'s zeroed gradient plus c) instead of zeroing every gradient row of every block.
  std::vector<char> reached(code_.size(), 0);
  for (std::size_t i = code_.size(); i-- > 0;) {
    Instr& k = code_[i];
    if (k.a_takes_grad && !reached[static_cast<std::size_t>(k.a)]) {
      k.a_first = true;
      reached[static_cast<std::size_t>(k.a)] = 1;
    }
    if (k.b_takes_grad && !reached[static_cast<std::size_t>(k.b)]) {
      k.b_first = true;
      reached[static_cast<std::size_t>(k.b)] = 1;
    }
  }
}

// The value of an op from its input values (not for kConst, kVar).
inline double forward_rule(Op op, double a, double b) {
  double out = 0;
  switch (op) {
    case Op::kConst: case Op::kVar: break;
    case Op::kAdd: out = a + b; break;
    case Op::kSub: out = a - b; break;
    case Op::kMul: out = a * b; break;
    case Op::kDiv: out = a / b; break;
    case Op::kPow: out = power(a, b); break;
    case Op::kNeg: out = -a; break;
    case Op::kSin: out = std::sin(a); break;
    case Op::kCos: out = std::cos(a); break;
    case Op::kTan: out = std::tan(a); break;
    case Op::kExp: out = std::exp(a); break;
    case Op::kLog: out = std::log(a); break;
    case Op::kSqrt: out = std::sqrt(a); break;
    case Op::kAbs: out = std::fabs(a); break;
    case Op::kTanh: out = fast_tanh(a); break;  // within 1e-15 of std::tanh, twice as fast
    case Op::kSigmoid: out = sigmoid(a); break;
    case Op::kRelu: out = a > 0 ? a : 0.0; break;
    case Op::kSign: out = sign(a); break;
    case Op::kStep: out = a > 0 ? 1.0 : a <= 0 ? 0.0 : a; break;  // step(0) = 0, step(NaN) = NaN
  }
  return out;
}

double Tape::forward(const double* input_values) {
  double* v = value_.data();
  const std::size_t n = code_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Instr& k = code_[i];
    switch (k.op) {
      case Op::kConst: v[i] = k.c; break;
      case Op::kVar: v[i] = input_values[static_cast<std::size_t>(k.c)]; break;
      default: v[i] = forward_rule(k.op, k.a >= 0 ? v[k.a] : 0, k.b >= 0 ? v[k.b] : 0);
    }
  }
  return v[n - 1];
}

LocalGradient local_gradient(Op op, double a, double b, double out) {
  switch (op) {
    case Op::kConst: case Op::kVar: return {0, 0};
    case Op::kAdd: return {1, 1};                                   // d(a+b) = da + db
    case Op::kSub: return {1, -1};                                  // d(a-b) = da - db
    case Op::kMul: return {b, a};                                   // d(ab) = b da + a db
    case Op::kDiv: return {1 / b, -a / (b * b)};                    // d(a/b) = da/b - a db/b²
    case Op::kPow:                                                  // d(a^b) = b a^(b-1) da + a^b ln(a) db
      return {b == 0 ? 0.0 : b * power(a, b - 1), (a == 0 && b >= 0) ? 0.0 : out * std::log(a)};
    case Op::kNeg: return {-1, 0};                                  // d(-a) = -da
    case Op::kSin: return {std::cos(a), 0};                         // sin' = cos
    case Op::kCos: return {-std::sin(a), 0};                        // cos' = -sin
    case Op::kTan: return {1 + out * out, 0};                       // tan' = 1 + tan²
    case Op::kExp: return {out, 0};                                 // exp' = exp
    case Op::kLog: return {1 / a, 0};                               // log' = 1/a
    case Op::kSqrt: return {1 / (2 * out), 0};                      // sqrt' = 1/(2 sqrt a)
    case Op::kAbs: return {sign(a), 0};                             // abs' = sign, 0 at 0
    case Op::kTanh: return {1 - out * out, 0};                      // tanh' = 1 - tanh²
    case Op::kSigmoid: return {out * (1 - out), 0};                 // σ' = σ(1-σ)
    case Op::kRelu: return {a > 0 ? 1.0 : 0.0, 0};                  // relu' = step, 0 at 0
    case Op::kSign: case Op::kStep: return {0, 0};                  // flat almost everywhere
  }
  return {0, 0};
}

namespace {
// backward()'s step for a node whose gradient is subnormal (see subnormal.hpp): the same rules and
// the same bits, without the slow instructions. Out of line: the loop's common path stays small.
[[gnu::noinline]] void backward_subnormal(Op op, int i, int a, int b, bool a_takes_grad, bool b_takes_grad,
                                          const double* v, double* g) {
  const double upstream = g[i];
  switch (op) {
    case Op::kAdd:
      if (a_takes_grad) g[a] = subnormal::add(g[a], upstream);
      if (b_takes_grad) g[b] = subnormal::add(g[b], upstream);
      break;
    case Op::kMul:
      if (a_takes_grad) g[a] = subnormal::multiply_add(g[a], upstream, v[b]);
      if (b_takes_grad) g[b] = subnormal::multiply_add(g[b], upstream, v[a]);
      break;
    case Op::kTanh:
      if (a_takes_grad) g[a] = subnormal::multiply_add(g[a], upstream, 1 - v[i] * v[i]);
      break;
    default: {
      const LocalGradient local = local_gradient(op, v[a], b >= 0 ? v[b] : 0.0, v[i]);
      if (a_takes_grad) g[a] = subnormal::multiply_add(g[a], upstream, local.da);
      if (b_takes_grad) g[b] = subnormal::multiply_add(g[b], upstream, local.db);
    }
  }
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
    const double upstream = g[i];
    if (k.op == Op::kConst || k.op == Op::kVar) continue;  // leaves
    if (subnormal::is_subnormal(upstream)) {  // a faded gradient: see subnormal.hpp
      backward_subnormal(k.op, static_cast<int>(i), k.a, k.b, k.a_takes_grad, k.b_takes_grad, v, g);
      continue;
    }
    // Chain rule: d output / d input += d output / d node · d node / d input. Constants have no
    // gradient (as tensors without requires_grad): nothing flows into them. The commonest ops are
    // spelled out here (same rules as local_gradient) to keep the loop free of calls.
    switch (k.op) {
      case Op::kAdd:
        if (k.a_takes_grad) g[k.a] += upstream;
        if (k.b_takes_grad) g[k.b] += upstream;
        continue;
      case Op::kMul:
        if (k.a_takes_grad) g[k.a] += upstream * v[k.b];
        if (k.b_takes_grad) g[k.b] += upstream * v[k.a];
        continue;
      case Op::kTanh:
        if (k.a_takes_grad) g[k.a] += upstream * (1 - v[i] * v[i]);
        continue;
      default: {
        const LocalGradient local = local_gradient(k.op, v[k.a], k.b >= 0 ? v[k.b] : 0.0, v[i]);
        if (k.a_takes_grad) g[k.a] += upstream * local.da;
        if (k.b_takes_grad) g[k.b] += upstream * local.db;
      }
    }
  }
}

void Tape::sweep(int input, const std::vector<double>& input_values, const double* xs, std::size_t n, double* ys,
                 double* dys) {
  constexpr std::size_t kMaxBlock = 256, kBudget = std::size_t{1} << 16;  // values per block: 512 KB at most
  const std::size_t slots = code_.size();
  const std::size_t block = std::clamp<std::size_t>(kBudget / slots, 1, kMaxBlock);
  const int x_slot = input >= 0 ? input_slot_[static_cast<std::size_t>(input)] : -1;
  // No zeroing needed: every row is written before it is read (a_first / b_first).
  std::vector<double> value(slots * block), grad(dys ? slots * block : 0);
  auto row = [block](std::vector<double>& m, int slot) { return m.data() + static_cast<std::size_t>(slot) * block; };
  for (std::size_t start = 0; start < n; start += block) {
    const std::size_t m = std::min(block, n - start);
    for (std::size_t i = 0; i < slots; ++i) {
      const Instr& k = code_[i];
      double* out = row(value, static_cast<int>(i));
      const double* a = k.a >= 0 ? row(value, k.a) : nullptr;
      const double* b = k.b >= 0 ? row(value, k.b) : nullptr;
      switch (k.op) {
        case Op::kConst: std::fill(out, out + m, k.c); break;
        case Op::kVar:
          if (static_cast<int>(i) == x_slot) std::copy(xs + start, xs + start + m, out);
          else std::fill(out, out + m, input_values[static_cast<std::size_t>(k.c)]);
          break;
        case Op::kAdd: for (std::size_t j = 0; j < m; ++j) out[j] = a[j] + b[j]; break;
        case Op::kSub: for (std::size_t j = 0; j < m; ++j) out[j] = a[j] - b[j]; break;
        case Op::kMul: for (std::size_t j = 0; j < m; ++j) out[j] = a[j] * b[j]; break;
        case Op::kNeg: for (std::size_t j = 0; j < m; ++j) out[j] = -a[j]; break;
        default: for (std::size_t j = 0; j < m; ++j) out[j] = forward_rule(k.op, a[j], b ? b[j] : 0.0);
      }
    }
    std::copy(row(value, static_cast<int>(slots - 1)), row(value, static_cast<int>(slots - 1)) + m, ys + start);
    if (!dys) continue;
    std::fill(row(grad, static_cast<int>(slots - 1)), row(grad, static_cast<int>(slots - 1)) + m, 1.0);
    for (std::size_t i = slots; i-- > 0;) {  // as backward(), a block at a time
      const Instr& k = code_[i];
      if (k.op == Op::kConst || k.op == Op::kVar) continue;
      const double* up = row(grad, static_cast<int>(i));
      const double* out = row(value, static_cast<int>(i));
      const double* a = row(value, k.a);
      const double* b = k.b >= 0 ? row(value, k.b) : nullptr;
      double* ga = k.a_takes_grad ? row(grad, k.a) : nullptr;
      double* gb = k.b_takes_grad ? row(grad, k.b) : nullptr;
      // g += c, or g = 0 + c for the first contribution (bit for bit backward()'s zeroed start).
      auto into = [m](double* g, bool first, auto contribution) {
        if (!g) return;
        if (first) {
          for (std::size_t j = 0; j < m; ++j) g[j] = 0.0 + contribution(j);
        } else {
          for (std::size_t j = 0; j < m; ++j) g[j] += contribution(j);
        }
      };
      switch (k.op) {
        case Op::kAdd:
          into(ga, k.a_first, [&](std::size_t j) { return up[j]; });
          into(gb, k.b_first, [&](std::size_t j) { return up[j]; });
          break;
        case Op::kSub:
          into(ga, k.a_first, [&](std::size_t j) { return up[j] * 1.0; });
          into(gb, k.b_first, [&](std::size_t j) { return up[j] * -1.0; });
          break;
        case Op::kMul:
          into(ga, k.a_first, [&](std::size_t j) { return up[j] * b[j]; });
          into(gb, k.b_first, [&](std::size_t j) { return up[j] * a[j]; });
          break;
        case Op::kNeg:
          into(ga, k.a_first, [&](std::size_t j) { return up[j] * -1.0; });
          break;
        case Op::kTanh:
          into(ga, k.a_first, [&](std::size_t j) { return up[j] * (1 - out[j] * out[j]); });
          break;
        case Op::kPow:  // local_gradient's two rules, the exponent's only when it takes a gradient
          into(ga, k.a_first, [&](std::size_t j) { return up[j] * (b[j] == 0 ? 0.0 : b[j] * power(a[j], b[j] - 1)); });
          into(gb, k.b_first, [&](std::size_t j) { return up[j] * ((a[j] == 0 && b[j] >= 0) ? 0.0 : out[j] * std::log(a[j])); });
          break;
        default:
          into(ga, k.a_first, [&](std::size_t j) { return up[j] * local_gradient(k.op, a[j], b ? b[j] : 0.0, out[j]).da; });
          into(gb, k.b_first, [&](std::size_t j) { return up[j] * local_gradient(k.op, a[j], b ? b[j] : 0.0, out[j]).db; });
      }
    }
    if (x_slot >= 0) std::copy(row(grad, x_slot), row(grad, x_slot) + m, dys + start);
    else std::fill(dys + start, dys + start + m, 0.0);
  }
}

double Tape::grad_of_input(int input) const {
  const int s = input_slot_[static_cast<std::size_t>(input)];
  return s < 0 ? 0.0 : grad_[static_cast<std::size_t>(s)];
}

}  // namespace bp::expr
