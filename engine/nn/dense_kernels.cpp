// Register-blocked loops on two-double vectors (GCC/Clang vector extensions: SSE2 natively, WebAssembly
// SIMD with -msimd128; no intrinsics). Eigen 3.4 has no WebAssembly packet math, so its products ran
// one double at a time there; these keep a block of results in registers and load each input once per
// block. Unaligned loads and stores go through memcpy, which compiles to one vector load or store.
#include "nn/dense_kernels.hpp"

#include <cstring>

namespace bp::nn {

namespace {

typedef double d2 __attribute__((vector_size(16)));
typedef long long i2 __attribute__((vector_size(16)));

inline d2 load2(const double* p) {
  d2 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store2(double* p, d2 v) { std::memcpy(p, &v, sizeof v); }
inline d2 splat(double v) { return d2{v, v}; }
// max(v, 0) lane by lane, NaN kept (as std::max(v, 0.0) keeps it): zero where v <= 0.
inline d2 relu2(d2 v) { return reinterpret_cast<d2>(reinterpret_cast<i2>(v) & ~(v <= splat(0.0))); }
inline double relu1(double v) { return v <= 0 ? 0.0 : v; }

// The rows r0..r0+R of C = A·B (+ bias) for the columns j0..j0+2P: R·P vectors of sums, each step of
// the depth loop loading P vectors of B's row k and R coefficients of A.
template <int R, int P>
inline void combine_block(const double* A, long lda, long ars, const double* B, const double* bias, double* C,
                          double* relu_C, const double* tanh_of, int depth, int n, int r0, int j0) {
  d2 acc[R][P];
  for (int r = 0; r < R; ++r) {
    const d2 start = splat(bias ? bias[r0 + r] : 0.0);
    for (int p = 0; p < P; ++p) acc[r][p] = start;
  }
  const double* a = A + r0 * ars;
  const double* b = B + j0;
  for (int k = 0; k < depth; ++k, a += lda, b += n) {
    d2 x[P];
    for (int p = 0; p < P; ++p) x[p] = load2(b + 2 * p);
    for (int r = 0; r < R; ++r) {
      const d2 w = splat(a[r * ars]);
      for (int p = 0; p < P; ++p) acc[r][p] += w * x[p];
    }
  }
  for (int r = 0; r < R; ++r) {
    const long at = static_cast<long>(r0 + r) * n + j0;
    if (tanh_of) {  // C ⊙ (1 − t²), as multiply_by_derivative would make it afterwards
      for (int p = 0; p < P; ++p) {
        const d2 t = load2(tanh_of + at + 2 * p);
        acc[r][p] *= splat(1.0) - t * t;
      }
    }
    if (C) {
      for (int p = 0; p < P; ++p) store2(C + at + 2 * p, acc[r][p]);
    }
    if (relu_C) {
      for (int p = 0; p < P; ++p) store2(relu_C + at + 2 * p, relu2(acc[r][p]));
    }
  }
}

// One column j of rows r0..r0+R: the odd example at the end of an odd batch.
template <int R>
inline void combine_column(const double* A, long lda, long ars, const double* B, const double* bias, double* C,
                           double* relu_C, const double* tanh_of, int depth, int n, int r0, int j) {
  double acc[R];
  for (int r = 0; r < R; ++r) acc[r] = bias ? bias[r0 + r] : 0.0;
  const double* a = A + r0 * ars;
  for (int k = 0; k < depth; ++k, a += lda) {
    const double x = B[static_cast<long>(k) * n + j];
    for (int r = 0; r < R; ++r) acc[r] += a[r * ars] * x;
  }
  for (int r = 0; r < R; ++r) {
    if (tanh_of) {
      const double t = tanh_of[static_cast<long>(r0 + r) * n + j];
      acc[r] *= 1.0 - t * t;
    }
    if (C) C[static_cast<long>(r0 + r) * n + j] = acc[r];
    if (relu_C) relu_C[static_cast<long>(r0 + r) * n + j] = relu1(acc[r]);
  }
}

// 4 rows × 2 column pairs = 8 vector sums. Measured in Node 20 on a 64×64 layer: 4 × 3, 4 × 4, 6 × 2 and
// 8 × 1 were slower (V8 spills the larger blocks: x86-64 has 16 vector registers), 2 × 4 about the same.
constexpr int kRows = 4;
constexpr int kPairs = 2;

template <int P>
inline void combine_columns(const double* A, long lda, long ars, const double* B, const double* bias, double* C,
                            double* relu_C, const double* tanh_of, int rows, int depth, int n, int j0) {
  int r = 0;
  for (; r + kRows <= rows; r += kRows) {
    combine_block<kRows, P>(A, lda, ars, B, bias, C, relu_C, tanh_of, depth, n, r, j0);
  }
  for (; r < rows; ++r) combine_block<1, P>(A, lda, ars, B, bias, C, relu_C, tanh_of, depth, n, r, j0);
}

// combine_block<R, 2> over the depth steps listed in `steps` only: the rows of B not all zero in
// these 4 columns. A relu layer's values are zero for about half its units, and neighbouring examples
// (a grid's pixels) mostly share which, so the list is built once per 4 columns for all rows.
template <int R>
inline void combine_block_listed(const double* A, long lda, const double* B, const double* bias, double* C,
                                 double* relu_C, const int* steps, int count, int n, int r0, int j0) {
  d2 acc[R][2];
  for (int r = 0; r < R; ++r) acc[r][0] = acc[r][1] = splat(bias ? bias[r0 + r] : 0.0);
  for (int t = 0; t < count; ++t) {
    const long k = steps[t];
    const double* a = A + r0 + k * lda;
    const double* b = B + k * n + j0;
    const d2 x0 = load2(b), x1 = load2(b + 2);
    for (int r = 0; r < R; ++r) {
      const d2 w = splat(a[r]);
      acc[r][0] += w * x0;
      acc[r][1] += w * x1;
    }
  }
  for (int r = 0; r < R; ++r) {
    const long at = static_cast<long>(r0 + r) * n + j0;
    for (int p = 0; p < 2; ++p) {
      if (C) store2(C + at + 2 * p, acc[r][p]);
      if (relu_C) store2(relu_C + at + 2 * p, relu2(acc[r][p]));
    }
  }
}

// combine_rows with A(r, k) = A[r·ars + k·lda]: column-major A when ars is 1, and Wᵀ read from W in place
// (ars = W's rows, lda = 1) for dense_backprop; tanh_of, when given (rows × n), multiplies C by 1 − t².
// Skipping zero rows of B (forward only) needs ars = 1 and no tanh_of.
void combine_strided(const double* A, long lda, long ars, const double* B, const double* bias, double* C, int rows,
                     int depth, int n, double* relu_C, int* skip_zero_steps, const double* tanh_of = nullptr) {
  // Columns outside, rows inside: a slab of B (depth × 2·kPairs) stays in L1 while every row uses it.
  int j = 0;
  if (skip_zero_steps) {
    for (; j + 2 * kPairs <= n; j += 2 * kPairs) {
      int count = 0;
      for (int k = 0; k < depth; ++k) {
        const double* b = B + static_cast<long>(k) * n + j;
        if (b[0] != 0.0 || b[1] != 0.0 || b[2] != 0.0 || b[3] != 0.0) skip_zero_steps[count++] = k;  // NaN is kept
      }
      int r = 0;
      for (; r + kRows <= rows; r += kRows) {
        combine_block_listed<kRows>(A, lda, B, bias, C, relu_C, skip_zero_steps, count, n, r, j);
      }
      for (; r < rows; ++r) combine_block_listed<1>(A, lda, B, bias, C, relu_C, skip_zero_steps, count, n, r, j);
    }
  } else {
    for (; j + 2 * kPairs <= n; j += 2 * kPairs) {
      combine_columns<kPairs>(A, lda, ars, B, bias, C, relu_C, tanh_of, rows, depth, n, j);
    }
  }
  for (; j + 2 <= n; j += 2) combine_columns<1>(A, lda, ars, B, bias, C, relu_C, tanh_of, rows, depth, n, j);
  if (j < n) {
    int r = 0;
    for (; r + 4 <= rows; r += 4) combine_column<4>(A, lda, ars, B, bias, C, relu_C, tanh_of, depth, n, r, j);
    for (; r < rows; ++r) combine_column<1>(A, lda, ars, B, bias, C, relu_C, tanh_of, depth, n, r, j);
  }
}

}  // namespace

void combine_rows(const double* A, long lda, const double* B, const double* bias, double* C, int rows, int depth, int n,
                  double* relu_C, int* skip_zero_steps) {
  combine_strided(A, lda, 1, B, bias, C, rows, depth, n, relu_C, skip_zero_steps);
}

void dense_forward(const double* W, const double* b, const double* x, double* z, int out, int in, int n, double* relu_z,
                   int* skip_zero_steps) {
  combine_rows(W, out, x, b, z, out, in, n, relu_z, skip_zero_steps);  // A(o, i) = W[o + i·out]
}

void dense_backprop(const double* W, const double* delta, double* dx, int out, int in, int n, const double* tanh_of) {
  // Wᵀ(i, o) = W[o + i·out], read in place: copying Wᵀ out first was 320 strided copies a batch on W4's net.
  combine_strided(W, 1, out, delta, nullptr, dx, in, out, n, nullptr, nullptr, tanh_of);
}

namespace {

// grad_W(o, i) for o in o0..o0+R, i in i0..i0+Q: dot products of δ's rows with x's rows, two examples
// per vector, the odd last example added at the end.
template <int R, int Q>
inline void gradient_block(const double* delta, const double* x, double* grad_W, int out, int n, int o0, int i0) {
  d2 acc[R][Q];
  for (int r = 0; r < R; ++r) {
    for (int q = 0; q < Q; ++q) acc[r][q] = splat(0.0);
  }
  const double* d = delta + static_cast<long>(o0) * n;
  const double* s = x + static_cast<long>(i0) * n;
  int j = 0;
  for (; j + 2 <= n; j += 2) {
    d2 xs[Q];
    for (int q = 0; q < Q; ++q) xs[q] = load2(s + static_cast<long>(q) * n + j);
    for (int r = 0; r < R; ++r) {
      const d2 dv = load2(d + static_cast<long>(r) * n + j);
      for (int q = 0; q < Q; ++q) acc[r][q] += dv * xs[q];
    }
  }
  for (int r = 0; r < R; ++r) {
    for (int q = 0; q < Q; ++q) {
      double sum = acc[r][q][0] + acc[r][q][1];
      if (j < n) sum += d[static_cast<long>(r) * n + j] * s[static_cast<long>(q) * n + j];
      grad_W[(o0 + r) + static_cast<long>(i0 + q) * out] = sum;
    }
  }
}

template <int R>
inline void gradient_rows(const double* delta, const double* x, double* grad_W, int out, int in, int n, int o0) {
  int i = 0;
  for (; i + 2 <= in; i += 2) gradient_block<R, 2>(delta, x, grad_W, out, n, o0, i);
  if (i < in) gradient_block<R, 1>(delta, x, grad_W, out, n, o0, i);
}

}  // namespace

void dense_gradients(const double* delta, const double* x, double* grad_W, double* grad_b, int out, int in, int n) {
  {
    int o = 0;
    for (; o + 4 <= out; o += 4) gradient_rows<4>(delta, x, grad_W, out, in, n, o);
    for (; o < out; ++o) gradient_rows<1>(delta, x, grad_W, out, in, n, o);
  }
  for (int o = 0; o < out; ++o) {
    const double* d = delta + static_cast<long>(o) * n;
    d2 acc = splat(0.0);
    int j = 0;
    for (; j + 2 <= n; j += 2) acc += load2(d + j);
    double sum = acc[0] + acc[1];
    if (j < n) sum += d[j];
    grad_b[o] = sum;
  }
}

}  // namespace bp::nn
