// Tape::sweep, the fast path for plots, and gradient_at_points, the optimizer race's: forward and backward
// over a block of points per instruction.
// Its contract is backward()'s bits at every point (tests/unit/test_numerical.cpp): the same rules from
// local_rules.hpp, the same order of additions, and `0 + c` for the first contribution to a gradient.
#include <algorithm>
#include <type_traits>

#include "expr/local_rules.hpp"
#include "expr/tape.hpp"

namespace bp::expr {

// The loops below copy a race's few points per row; Clang turns such loops into calls to memmove, which
// in WebAssembly cost more than the copies (4 % of a 10,000-step race). This keeps them loops.
#if defined(__clang__)
#define BP_KEEP_LOOPS __attribute__((no_builtin("memcpy", "memmove", "memset")))
#else
#define BP_KEEP_LOOPS
#endif

namespace {
// The shared loop's value at one point: the op's switch, once, out of line.
[[gnu::noinline]] double value_at(Op op, double a, double b, double c) { return rules::forward(op, a, b, c); }

// row[j] = value(j), and row[j] += value(j). Each loop writes one row and reads others (an instruction's
// operands come before it, and its gradient row is not theirs): __restrict says so, which spares every loop
// its run-time overlap checks, a cost comparable to a race's 8 points of arithmetic.
template <class Value>
BP_KEEP_LOOPS inline void set_row(double* __restrict row, std::size_t m, Value value) {
  for (std::size_t j = 0; j < m; ++j) row[j] = value(j);
}
template <class Value>
BP_KEEP_LOOPS inline void add_to_row(double* __restrict row, std::size_t m, Value value) {
  for (std::size_t j = 0; j < m; ++j) row[j] += value(j);
}
}  // namespace

void Tape::sweep(int input, const std::vector<double>& input_values, const double* xs, std::size_t n, double* ys,
                 double* dys) {
  constexpr std::size_t kMaxBlock = 256, kBudget = std::size_t{1} << 16;  // values per block: 512 KB at most
  const std::size_t slots = code_.size();
  // No more points a block than asked for, in rows kept between calls (a resize zeroes only what it adds): the
  // two-variable view samples a few cells at a time as it pans, and zeroing fresh 256-point rows for each call
  // was two thirds of a pan frame's sampling (memset, profile at 4× CPU throttling).
  const std::size_t block = std::clamp<std::size_t>(std::min(kBudget / slots, n), 1, kMaxBlock);
  const int x_slot = input >= 0 ? input_slot_[static_cast<std::size_t>(input)] : -1;
  const bool x_reached = x_slot >= 0 && code_[static_cast<std::size_t>(x_slot)].reached;
  // Every row is written before it is read (a_first / b_first / c_first), so the rows' old contents do not matter.
  std::vector<double>& value = block_value_;
  std::vector<double>& grad = block_grad_;
  if (value.size() < slots * block) value.resize(slots * block);
  if (dys && grad.size() < slots * block) grad.resize(slots * block);
  const double* output_row = value.data() + (slots - 1) * block;
  for (std::size_t start = 0; start < n; start += block) {
    const std::size_t m = std::min(block, n - start);
    sweep_block(x_slot, input_values, xs + start, nullptr, m, block, value.data(), dys ? grad.data() : nullptr);
    std::copy(output_row, output_row + m, ys + start);
    if (!dys) continue;
    if (x_reached) {
      const double* x_grad = grad.data() + static_cast<std::size_t>(x_slot) * block;
      std::copy(x_grad, x_grad + m, dys + start);
    } else {
      std::fill(dys + start, dys + start + m, 0.0);
    }
  }
}

BP_KEEP_LOOPS void Tape::gradient_at_points(const double* inputs, std::size_t m, double* values, double* grads) {
  const std::size_t slots = code_.size();
  // The rows are padded to a multiple of 8 points, repeating the last: the compiler's vector loops take 8
  // points a turn, and a race's 6 racers otherwise ran them one at a time in the loops' scalar remainders.
  // Each point's arithmetic is its own, so the real points' bits do not change.
  constexpr std::size_t kLanes = 8;
  const std::size_t padded = m == 0 ? 0 : (m + kLanes - 1) / kLanes * kLanes;
  block_inputs_.resize(input_slot_.size() * padded);
  for (std::size_t i = 0; i < input_slot_.size(); ++i) {
    const double* from = inputs + i * m;
    set_row(block_inputs_.data() + i * padded, padded, [=](std::size_t j) { return from[j < m ? j : m - 1]; });
  }
  block_value_.resize(slots * padded);
  block_grad_.resize(slots * padded);
  sweep_block(-1, value_, nullptr, block_inputs_.data(), padded, padded, block_value_.data(), block_grad_.data());
  // Plain loops, not std::copy: for a race's few points, a call to memmove cost more than the copy.
  const double* output_row = block_value_.data() + (slots - 1) * padded;
  set_row(values, m, [=](std::size_t j) { return output_row[j]; });
  for (std::size_t i = 0; i < input_slot_.size(); ++i) {
    const int s = input_slot_[i];
    double* out = grads + i * m;
    const bool is_reached = s >= 0 && code_[static_cast<std::size_t>(s)].reached;
    // Zero where the input does not reach the output (or only through a flat op).
    const double* row = is_reached ? block_grad_.data() + static_cast<std::size_t>(s) * padded : nullptr;
    set_row(out, m, [=](std::size_t j) { return row ? row[j] : 0.0; });
  }
}

// a^2 with the constant 2 (x², (y − x²)²: the commonest power): the sweeps compute it as a·a and 2a, the
// bits power() and its partial give, in loops that vectorise (power()'s branches per point did not).
bool Tape::is_square(const Instr& k) const {
  if (k.op != Op::kPow || k.b < 0 || k.b_takes_grad) return false;
  const Instr& exponent = code_[static_cast<std::size_t>(k.b)];
  return exponent.op == Op::kConst && exponent.constant == 2.0;
}

// One block of m points: value rows, then (when grad is not null) gradient rows, `block` doubles apart.
BP_KEEP_LOOPS void Tape::sweep_block(int x_slot, const std::vector<double>& input_values, const double* xs,
                       const double* input_rows, std::size_t m, std::size_t block, double* value,
                       double* grad) const {
  const std::size_t slots = code_.size();
  auto row = [block](double* m_rows, int slot) { return m_rows + static_cast<std::size_t>(slot) * block; };
  for (std::size_t i = 0; i < slots; ++i) {
    const Instr& k = code_[i];
    double* out = row(value, static_cast<int>(i));
    if (k.op == Op::kConst) {
      const double constant = k.constant;
      set_row(out, m, [=](std::size_t) { return constant; });
      continue;
    }
    if (k.op == Op::kVar) {  // plain loops rather than std::copy, whose memmove call outweighed a race's few points
      const auto input = static_cast<std::size_t>(k.constant);
      const double* from = input_rows ? input_rows + input * m : static_cast<int>(i) == x_slot ? xs : nullptr;
      if (from) {
        set_row(out, m, [=](std::size_t j) { return from[j]; });
      } else {
        const double value_of_input = input_values[input];
        set_row(out, m, [=](std::size_t) { return value_of_input; });
      }
      continue;
    }
    const double* a = row(value, k.a);
    if (is_square(k)) {  // power(a, 2) is a·a: one vectorised product, not power()'s branches per point
      set_row(out, m, [=](std::size_t j) { return a[j] * a[j]; });
      continue;
    }
    const double* b = k.b >= 0 ? row(value, k.b) : nullptr;
    const double* c = k.c >= 0 ? row(value, k.c) : nullptr;
    const auto per_op = [=](auto op_constant) {
      constexpr Op op = decltype(op_constant)::value;
      constexpr int inputs = arity(op);
      set_row(out, m, [=](std::size_t j) {
        return rules::forward(op, a[j], inputs >= 2 ? b[j] : 0.0, rules::reads_c(op) && c ? c[j] : 0.0);
      });
    };
    const auto shared = [=] {
      const bool reads_c = rules::reads_c(k.op) && c;
      set_row(out, m, [=](std::size_t j) { return value_at(k.op, a[j], b ? b[j] : 0.0, reads_c ? c[j] : 0.0); });
    };
    rules::with_common_op(k.op, per_op, shared);
  }
  if (!grad) return;
  std::vector<LocalGradient> local;  // the shared loop's partials for one block, filled when an op needs them
  set_row(row(grad, static_cast<int>(slots - 1)), m, [](std::size_t) { return 1.0; });
  for (std::size_t i = slots; i-- > 0;) {  // as backward(), a block at a time
    const Instr& k = code_[i];
    if (k.op == Op::kConst || k.op == Op::kVar || !k.reached) continue;
    const double* up = row(grad, static_cast<int>(i));
    const double* out = row(value, static_cast<int>(i));
    const double* a = row(value, k.a);
    const double* b = k.b >= 0 ? row(value, k.b) : nullptr;
    const double* c = k.c >= 0 ? row(value, k.c) : nullptr;
    double* ga = k.a_takes_grad ? row(grad, k.a) : nullptr;
    double* gb = k.b_takes_grad ? row(grad, k.b) : nullptr;
    double* gc = k.c_takes_grad ? row(grad, k.c) : nullptr;
    // g += c, or g = 0 + c for the first contribution (bit for bit backward()'s zeroed start).
    auto into = [m](double* g, bool first, auto contribution) {
      if (!g) return;
      if (first) {
        set_row(g, m, [&](std::size_t j) { return 0.0 + contribution(j); });
      } else {
        add_to_row(g, m, contribution);
      }
    };
    if (is_square(k)) {  // d(a²)/da = 2·power(a, 1) = 2a, as partial<0>(kPow) computes it; the 2 takes no gradient
      into(ga, k.a_first, [=](std::size_t j) { return rules::chain<Op::kPow>(up[j], 2.0 * a[j]); });
      continue;
    }
    const auto per_op = [&](auto op_constant) {
      constexpr Op op = decltype(op_constant)::value;
      constexpr int inputs = arity(op);
      // The contribution to input I at point j (b and c read only by the ops that have them).
      const auto contribution = [=](std::size_t j, auto input) {
        constexpr int I = decltype(input)::value;
        const double b_j = inputs >= 2 ? b[j] : 0.0, c_j = rules::reads_c(op) && c ? c[j] : 0.0;
        return rules::chain<op>(up[j], rules::partial<I>(op, a[j], b_j, c_j, out[j]));
      };
      into(ga, k.a_first, [=](std::size_t j) { return contribution(j, std::integral_constant<int, 0>{}); });
      if constexpr (inputs >= 2) {
        into(gb, k.b_first, [=](std::size_t j) { return contribution(j, std::integral_constant<int, 1>{}); });
      }
    };
    const auto shared = [&] {
      const bool reads_b = b != nullptr, reads_c = rules::reads_c(k.op) && c;
      // local_gradient() gives the three partials at once, once per point; gradients are then written input
      // by input (a, b, then c) as above, so a node reading one value twice adds in the same order.
      local.resize(m);
      for (std::size_t j = 0; j < m; ++j) {
        local[j] = local_gradient(k.op, a[j], reads_b ? b[j] : 0.0, reads_c ? c[j] : 0.0, out[j]);
      }
      const LocalGradient* l = local.data();
      into(ga, k.a_first, [=](std::size_t j) { return rules::chain(k.op, up[j], l[j].da); });
      if (reads_b) into(gb, k.b_first, [=](std::size_t j) { return rules::chain(k.op, up[j], l[j].db); });
      if (reads_c) into(gc, k.c_first, [=](std::size_t j) { return rules::chain(k.op, up[j], l[j].dc); });
    };
    rules::with_common_op(k.op, per_op, shared);
  }
}

}  // namespace bp::expr
