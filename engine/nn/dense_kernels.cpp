// Loops written so the compiler can keep a row in registers and vectorise along the batch (j).
#include "nn/dense_kernels.hpp"

namespace bp::nn {

void dense_forward(const double* W, const double* b, const double* x, double* z, int out, int in, int n) {
  for (int o = 0; o < out; ++o) {
    double* __restrict zr = z + static_cast<long>(o) * n;
    const double bias = b[o];
    for (int j = 0; j < n; ++j) zr[j] = bias;
    for (int i = 0; i < in; ++i) {
      const double w = W[o + static_cast<long>(i) * out];
      const double* __restrict xr = x + static_cast<long>(i) * n;
      for (int j = 0; j < n; ++j) zr[j] += w * xr[j];
    }
  }
}

void dense_gradients(const double* delta, const double* x, double* grad_W, double* grad_b, int out, int in, int n) {
  for (int o = 0; o < out; ++o) {
    const double* __restrict dr = delta + static_cast<long>(o) * n;
    double sum = 0;
    for (int j = 0; j < n; ++j) sum += dr[j];
    grad_b[o] = sum;
    for (int i = 0; i < in; ++i) {
      const double* __restrict xr = x + static_cast<long>(i) * n;
      // Two partial sums: independent chains the compiler can put in one SIMD register.
      double even = 0, odd = 0;
      int j = 0;
      for (; j + 1 < n; j += 2) {
        even += dr[j] * xr[j];
        odd += dr[j + 1] * xr[j + 1];
      }
      if (j < n) even += dr[j] * xr[j];
      grad_W[o + static_cast<long>(i) * out] = even + odd;
    }
  }
}

void dense_backprop(const double* W, const double* delta, double* dx, int out, int in, int n) {
  for (int i = 0; i < in; ++i) {
    double* __restrict row = dx + static_cast<long>(i) * n;
    for (int j = 0; j < n; ++j) row[j] = 0;
    for (int o = 0; o < out; ++o) {
      const double w = W[o + static_cast<long>(i) * out];
      const double* __restrict dr = delta + static_cast<long>(o) * n;
      for (int j = 0; j < n; ++j) row[j] += w * dr[j];
    }
  }
}

}  // namespace bp::nn
