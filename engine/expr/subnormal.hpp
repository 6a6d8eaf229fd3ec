// IEEE products and sums that touch subnormal numbers, computed without a subnormal operand or
// result in any floating-point instruction. x86 processors take a microcode assist of a hundred cycles
// or more for each such instruction (WebAssembly runs on the same instructions and has no
// flush-to-zero), and reverse mode meets them wherever gradients fade along a long chain: in the
// G benchmark's 10,000-node program more than half of the gradients are subnormal, and their
// assists were 90 % of backward's time. These give the very bits the hardware gives (round to
// nearest even, signed zeros), so results do not change — only their speed.
//
// How: a subnormal x is k·2^-1074 with an integer k < 2^52, read from its bits. In units of 2^-1074
// the work is on integers held exactly in doubles, all normal: a sum of two small numbers is exact
// there, and a product is rounded once to an integer with its exact rounding error (Dekker's
// product) to settle ties. The result's bits are written back directly.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace bp::expr::subnormal {

inline constexpr double kMinNormal = 0x1p-1022;

inline bool is_subnormal(double x) {
  const double a = std::fabs(x);
  return a < kMinNormal && a != 0;
}

// x / 2^-1074 for |x| < 2^-968, exactly (an integer below 2^106).
inline double to_units(double x) {
  if (std::fabs(x) >= kMinNormal) return (x * 0x1p537) * 0x1p537;  // normal: scaling is exact
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const auto k = static_cast<double>(static_cast<std::int64_t>(bits & 0x7fffffffffffffffULL));  // < 2^52: exact
  return std::signbit(x) ? -k : k;
}

// k·2^-1074 for an integer-valued k (|k| < 2^53, or any k whose result is normal), exactly.
inline double from_units(double k) {
  if (std::fabs(k) >= 0x1p52) return (k * 0x1p-537) * 0x1p-537;  // a normal result: scaling is exact
  // the subnormal (or zero) of this significand
  std::uint64_t bits = static_cast<std::uint64_t>(static_cast<std::int64_t>(std::fabs(k)));
  if (std::signbit(k)) bits |= 0x8000000000000000ULL;
  double out;
  std::memcpy(&out, &bits, sizeof out);
  return out;
}

// a·b - p for p = fl(a·b), exactly (no overflow or underflow in between: |a| < 2^53,
// 2^-900 <= |b| <= 2^900).
inline double product_error(double a, double b, double p) {
#if defined(FP_FAST_FMA)
  return std::fma(a, b, -p);
#else
  constexpr double kSplit = 134217729.0;  // 2^27 + 1: Veltkamp's split into 26 + 27 bits
  const double ca = kSplit * a, a_hi = ca - (ca - a), a_lo = a - a_hi;
  const double cb = kSplit * b, b_hi = cb - (cb - b), b_lo = b - b_hi;
  return ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo;
#endif
}

// u·m for a subnormal (or zero) u: the same bits as the multiplication instruction.
inline double multiply(double u, double m) {
  const double am = std::fabs(m);
  if (!(am >= 0x1p-900 && am <= 0x1p900)) return u * m;  // zero, tiny, huge, infinite or NaN: rare
  std::uint64_t u_bits, m_bits;
  std::memcpy(&u_bits, &u, sizeof u_bits);
  std::memcpy(&m_bits, &m, sizeof m_bits);
  const std::uint64_t sign = (u_bits ^ m_bits) & 0x8000000000000000ULL;
  const auto k = static_cast<double>(static_cast<std::int64_t>(u_bits & 0x7fffffffffffffffULL));  // |u| / 2^-1074
  const double t = k * am;  // |u·m| / 2^-1074, rounded once
  if (t >= 0x1p52) return from_units(sign ? -t : t);  // |u·m| >= 2^-1022 (or rounds up to it): normal
  // A subnormal (or zero) result: the exact k·|m| rounded to an integer, half to even.
  double r = (t + 0x1p52) - 0x1p52;  // t rounded to an integer, half to even (t < 2^52)
  const double below = t - r;        // exact; ±0.5 when t is halfway between two integers
  if (below == 0.5 || below == -0.5) {
    // t is a tie, but k·|m| need not be: its rounding error says which side it lies on.
    const double error = product_error(k, am, t);
    if (below == 0.5 && error > 0) r += 1;
    if (below == -0.5 && error < 0) r -= 1;
  }
  const std::uint64_t bits = static_cast<std::uint64_t>(static_cast<std::int64_t>(r)) | sign;
  double out;
  std::memcpy(&out, &bits, sizeof out);
  return out;
}

// x + y where either is subnormal: the same bits as the addition instruction.
inline double add(double x, double y) {
  const double ax = std::fabs(x), ay = std::fabs(y);
  if (ax < 0x1p-968 && ay < 0x1p-968) return from_units(to_units(x) + to_units(y));  // exact, then rounded once
  // One is at least 2^-968, so half its ulp exceeds any subnormal: adding one rounds back to it.
  if (ax < kMinNormal && ay >= 0x1p-968) return y;
  if (ay < kMinNormal && ax >= 0x1p-968) return x;
  return x + y;  // no subnormal operand (or a NaN)
}

// g + u·m for a subnormal (or zero) u: the bits of a multiplication instruction, then an addition.
// Backward's step on a faded gradient; the product stays in units of 2^-1074 in between.
inline double multiply_add(double g, double u, double m) {
  const double ag = std::fabs(g), am = std::fabs(m);
  if (am <= 1) {  // |u·m| < 2^-1022: the product is subnormal or zero
    if (!(ag < 0x1p-968)) return g;  // and vanishes beside g (also an infinite or NaN g)
    if (am >= 0x1p-900) {
      std::uint64_t u_bits, m_bits;
      std::memcpy(&u_bits, &u, sizeof u_bits);
      std::memcpy(&m_bits, &m, sizeof m_bits);
      const auto k = static_cast<double>(static_cast<std::int64_t>(u_bits & 0x7fffffffffffffffULL));
      const double t = k * am;             // < 2^52, as k·|m| <= k
      double r = (t + 0x1p52) - 0x1p52;    // as in multiply()
      const double below = t - r;
      if (below == 0.5 || below == -0.5) {
        const double error = product_error(k, am, t);
        if (below == 0.5 && error > 0) r += 1;
        if (below == -0.5 && error < 0) r -= 1;
      }
      const double product = ((u_bits ^ m_bits) >> 63) ? -r : r;  // u·m in units, exactly (-0 kept)
      return from_units(to_units(g) + product);  // both exact in units: one rounding, as the instruction's
    }
  }
  return add(g, multiply(u, m));
}

}  // namespace bp::expr::subnormal
