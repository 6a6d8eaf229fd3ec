// The inner loops of a dense layer on unit-major batches: row o of a batch holds unit o's value for
// every example, contiguous. All three products are one blocked kernel (combine_rows) on two-double
// vectors (WebAssembly SIMD, SSE2), used for every layer size: Eigen 3.4 has no WebAssembly packet
// math, so its products ran one double at a time there (74 % of W3's time was Eigen's gebp), and on
// the playground's 2-to-8-unit layers its set-up cost outweighed the arithmetic.
// W is Eigen's column-major out × in: W(o, i) = W[o + i·out].
#pragma once

namespace bp::nn {

// C = A·B (+ bias): the general form of the two below. B is depth × n and C rows × n, both
// unit-major; A is column-major, A(r, k) = A[r + k·lda]; bias (rows values) may be null. relu_C,
// when given, gets max(C, 0) too (NaN kept), written while the block is still in registers; C may
// then be null, when only max(C, 0) is wanted.
//   skip_zero_steps, when given (depth ints of scratch), has the kernel skip the rows of B that are all
// zero in a block of columns, as a relu layer's values often are. Only for A without infinities and
// NaN: skipped, 0·inf would not be NaN. The sums are then the same up to the sign of a zero.
void combine_rows(const double* A, long lda, const double* B, const double* bias, double* C, int rows, int depth, int n,
                  double* relu_C = nullptr, int* skip_zero_steps = nullptr);

// z = W·x + b: x is in × n, z is out × n, both unit-major; relu_z, when given, gets max(z, 0) (and z
// may be null).
void dense_forward(const double* W, const double* b, const double* x, double* z, int out, int in, int n,
                   double* relu_z = nullptr, int* skip_zero_steps = nullptr);

// dL/dW = δ·xᵀ (into grad_W, column-major out × in) and dL/db = Σ δ over the batch.
void dense_gradients(const double* delta, const double* x, double* grad_W, double* grad_b, int out, int in, int n);

// dL/dx = Wᵀ·δ: into dx, in × n unit-major (Wᵀ read from W in place). Given tanh_of, a tanh layer's
// values t (in × n), dx is dL/dz of that layer instead: Wᵀ·δ ⊙ (1 − t²), the same bits as
// multiply_by_derivative afterwards, in the same pass.
void dense_backprop(const double* W, const double* delta, double* dx, int out, int in, int n,
                    const double* tanh_of = nullptr);

}  // namespace bp::nn
