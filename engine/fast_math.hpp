// tanh for the training loop and the expression tape. The C library's tanh would be half of all training time
// (a profile of W1 natively: __tanh + __expm1 53 %; musl's, in WebAssembly, is slower still). This one is built on
// Cephes' exp, with one division and no branch, so a loop over an array vectorises:
//   tanh |x| = (s − 1)/(s + 1), s = e^2|x| = 2^n·(q + p)/(q − p)  (Cephes' exp: Padé form of e^r, |r| <= ln2/2)
//            = ((2^n − 1)·q + (2^n + 1)·p) / ((2^n + 1)·q + (2^n − 1)·p),
// one formula for the whole line: near 0, n = 0 and it is p/q with nothing cancelling, so no second formula
// for small |x| is needed (both lanes of a vector would compute it).
// Relative error within 1e-15 of std::tanh over the whole line (tests/unit/test_fast_math.cpp
// checks two million points; at most 6.7e-16 over twenty million); tanh(±0) = ±0, tanh(NaN) = NaN,
// |x| > 22 gives ±1 as in double.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace bp {

inline double fast_tanh(double x) {
  const double ax = std::fabs(x);
  const double t = ax < 22.0 ? ax : 22.0;  // tanh(22) rounds to 1 in double; NaN handled at the end

  // e^2t = 2^n · e^r.
  constexpr double kLog2e = 1.4426950408889634073599;
  constexpr double kC1 = 6.93145751953125E-1;  // ln2 split in two so n·C1 is exact
  constexpr double kC2 = 1.42860682030941723212E-6;
  const double y = 2.0 * t;
  // n = round(y·log2 e) by the 1.5·2^52 trick: no call to floor (x86-64 before SSE4.1 has no instruction for it).
  constexpr double kRound = 6755399441055744.0;
  const double n = (kLog2e * y + kRound) - kRound;
  const double r = (y - n * kC1) - n * kC2;
  const double rr = r * r;
  const double p = r * ((1.26177193074810590878E-4 * rr + 3.02994407707441961300E-2) * rr + 9.99999999999999999910E-1);
  const double q =
      ((3.00198505138664455042E-6 * rr + 2.52448340349684104192E-3) * rr + 2.27265548208155028766E-1) * rr +
      2.00000000000000000009E0;
  // 2^n from bits: n + 1023 + 2^52 holds n + 1023 in its low mantissa bits; shifting by 52 drops the rest.
  const double biased = n + (1023.0 + 4503599627370496.0);
  std::uint64_t bits;
  std::memcpy(&bits, &biased, sizeof bits);
  bits <<= 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  // tanh t = (s − 1)/(s + 1), s = scale·(q + p)/(q − p), over one denominator. Written as below, with
  // scale − 1 exact, it needs no second formula near 0: there n = 0 and it is 2p / 2q, no cancellation.
  const double magnitude = ((scale - 1.0) * q + (scale + 1.0) * p) / ((scale + 1.0) * q + (scale - 1.0) * p);
  // copysign(magnitude, x) as bit operations (magnitude >= +0), which also keeps tanh(-0) = -0:
  // std::copysign does not vectorise for WebAssembly (one lane at a time), these do.
  std::uint64_t magnitude_bits, x_bits;
  std::memcpy(&magnitude_bits, &magnitude, sizeof magnitude_bits);
  std::memcpy(&x_bits, &x, sizeof x_bits);
  const std::uint64_t result_bits = magnitude_bits | (x_bits & 0x8000000000000000u);
  double result;
  std::memcpy(&result, &result_bits, sizeof result);
  return x != x ? x : result;
}

// e^x for x <= 0, as softmax needs it (its values shifted by their largest): Cephes' exp as above, one
// division and no call, so a loop over a batch vectorises (musl's exp, one call per value, was a third of a
// 4-class network's training in WebAssembly). Below −708 (where e^x leaves the normal doubles) it gives 0.
// Relative error within 1e-15 of std::exp (tests/unit/test_nn_layers.cpp).
inline double fast_exp_nonpositive(double x) {
  const double t = x >= -708.0 ? x : -708.0;  // NaN goes to the last line
  constexpr double kLog2e = 1.4426950408889634073599;
  constexpr double kC1 = 6.93145751953125E-1;
  constexpr double kC2 = 1.42860682030941723212E-6;
  constexpr double kRound = 6755399441055744.0;
  const double n = (kLog2e * t + kRound) - kRound;
  const double r = (t - n * kC1) - n * kC2;
  const double rr = r * r;
  const double p = r * ((1.26177193074810590878E-4 * rr + 3.02994407707441961300E-2) * rr + 9.99999999999999999910E-1);
  const double q =
      ((3.00198505138664455042E-6 * rr + 2.52448340349684104192E-3) * rr + 2.27265548208155028766E-1) * rr +
      2.00000000000000000009E0;
  const double biased = n + (1023.0 + 4503599627370496.0);
  std::uint64_t bits;
  std::memcpy(&bits, &biased, sizeof bits);
  bits <<= 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  const double value = scale * (1.0 + 2.0 * p / (q - p));  // e^r = 1 + 2p/(q − p)
  return x != x ? x : x >= -708.0 ? value : 0.0;
}

// Four values a turn in Clang's vector loops (two vectors of two) rather than one vector: each value is a
// long chain of dependent steps ending in a division, and two independent chains keep the CPU busy where
// one left it waiting (bench W4 in Node: 4 % more epochs/s; four vectors were no faster). The same
// operations on every value, so the same bits.
#if defined(__clang__)
#define BP_INTERLEAVE_CHAINS _Pragma("clang loop interleave_count(2)")
#else
#define BP_INTERLEAVE_CHAINS
#endif

// out[i] = tanh(in[i]); in and out may be the same array.
inline void fast_tanh(const double* in, double* out, long count) {
  BP_INTERLEAVE_CHAINS
  for (long i = 0; i < count; ++i) out[i] = fast_tanh(in[i]);
}

}  // namespace bp
