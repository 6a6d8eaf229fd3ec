// The dense layer's blocked kernels against plain triple loops, on sizes that leave every remainder:
// 1, 3, 5, 7 and 33 units and examples (blocks of 4 rows, 2 inputs, 2 and 4 examples, odd columns).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "nn/dense_kernels.hpp"
#include "nn/rng.hpp"

using namespace bp::nn;

namespace {
constexpr int kSizes[] = {1, 3, 5, 7, 33};

std::vector<double> random_values(Rng& rng, int count) {
  std::vector<double> v(static_cast<std::size_t>(count));
  for (double& x : v) x = rng.uniform(-1, 1);
  return v;
}

// Same sums in another order: equal up to a few roundings of their terms' size.
void check_close(const std::vector<double>& got, const std::vector<double>& want, double scale) {
  REQUIRE(got.size() == want.size());
  for (std::size_t k = 0; k < got.size(); ++k) CHECK(std::fabs(got[k] - want[k]) <= 1e-14 * scale);
}
}  // namespace

TEST_CASE(
    "dense_forward (with and without relu), dense_gradients and dense_backprop equal plain loops on every shape of "
    "remainder") {
  Rng rng(11);
  for (int out : kSizes) {
    for (int in : kSizes) {
      for (int n : kSizes) {
        CAPTURE(out);
        CAPTURE(in);
        CAPTURE(n);
        const auto W = random_values(rng, out * in), b = random_values(rng, out);  // W(o, i) = W[o + i·out]
        const auto x = random_values(rng, in * n), delta = random_values(rng, out * n);  // unit-major

        std::vector<double> z(static_cast<std::size_t>(out * n), NAN), want_z(z.size());
        for (int o = 0; o < out; ++o) {
          for (int j = 0; j < n; ++j) {
            double sum = b[o];
            for (int i = 0; i < in; ++i) sum += W[o + i * out] * x[i * n + j];
            want_z[o * n + j] = sum;
          }
        }
        dense_forward(W.data(), b.data(), x.data(), z.data(), out, in, n);
        check_close(z, want_z, in + 1);
        std::vector<double> relu_z(z.size(), NAN), want_relu(z.size());
        for (std::size_t k = 0; k < z.size(); ++k) want_relu[k] = std::max(want_z[k], 0.0);
        std::fill(z.begin(), z.end(), NAN);
        dense_forward(W.data(), b.data(), x.data(), z.data(), out, in, n, relu_z.data());
        check_close(z, want_z, in + 1);
        check_close(relu_z, want_relu, in + 1);
        std::fill(relu_z.begin(), relu_z.end(), NAN);
        dense_forward(W.data(), b.data(), x.data(), nullptr, out, in, n, relu_z.data());  // max(z, 0) alone
        check_close(relu_z, want_relu, in + 1);

        std::vector<double> grad_W(static_cast<std::size_t>(out * in), NAN), grad_b(static_cast<std::size_t>(out), NAN);
        std::vector<double> want_W(grad_W.size()), want_b(grad_b.size());
        for (int o = 0; o < out; ++o) {
          for (int j = 0; j < n; ++j) want_b[o] += delta[o * n + j];
          for (int i = 0; i < in; ++i) {
            for (int j = 0; j < n; ++j) want_W[o + i * out] += delta[o * n + j] * x[i * n + j];
          }
        }
        dense_gradients(delta.data(), x.data(), grad_W.data(), grad_b.data(), out, in, n);
        check_close(grad_W, want_W, n);
        check_close(grad_b, want_b, n);

        std::vector<double> dx(static_cast<std::size_t>(in * n), NAN), want_dx(dx.size());
        for (int i = 0; i < in; ++i) {
          for (int j = 0; j < n; ++j) {
            for (int o = 0; o < out; ++o) want_dx[i * n + j] += W[o + i * out] * delta[o * n + j];
          }
        }
        dense_backprop(W.data(), delta.data(), dx.data(), out, in, n);
        check_close(dx, want_dx, out);
      }
    }
  }
}

TEST_CASE("combine_rows reads A with its leading dimension and adds no bias when given none") {
  Rng rng(12);
  for (int rows : kSizes) {
    for (int depth : kSizes) {
      for (int n : kSizes) {
        CAPTURE(rows);
        CAPTURE(depth);
        CAPTURE(n);
        const int lda = rows + 2;  // A is a block of a taller matrix
        const auto A = random_values(rng, lda * depth), B = random_values(rng, depth * n);
        std::vector<double> C(static_cast<std::size_t>(rows * n), NAN), want(C.size());
        for (int r = 0; r < rows; ++r) {
          for (int j = 0; j < n; ++j) {
            for (int k = 0; k < depth; ++k) want[r * n + j] += A[r + k * lda] * B[k * n + j];
          }
        }
        combine_rows(A.data(), lda, B.data(), nullptr, C.data(), rows, depth, n);
        check_close(C, want, depth);
      }
    }
  }
}

TEST_CASE("combine_rows skipping zero rows of B gives the plain sums, and keeps a NaN") {
  Rng rng(13);
  for (int rows : kSizes) {
    for (int depth : kSizes) {
      for (int n : kSizes) {
        CAPTURE(rows);
        CAPTURE(depth);
        CAPTURE(n);
        const auto A = random_values(rng, rows * depth), bias = random_values(rng, rows);
        auto B = random_values(rng, depth * n);
        for (double& v : B) v = v < 0.2 ? 0.0 : v;  // relu-like: most values zero, some rows all zero in a block
        if (depth > 2 && n > 4) B[static_cast<std::size_t>(2 * n + 1)] = NAN;
        std::vector<double> want(static_cast<std::size_t>(rows * n)), got(want.size(), -1.0);
        std::vector<double> want_relu(want.size()), got_relu(want.size(), -1.0);
        std::vector<int> steps(static_cast<std::size_t>(depth));
        combine_rows(A.data(), rows, B.data(), bias.data(), want.data(), rows, depth, n, want_relu.data());
        combine_rows(A.data(), rows, B.data(), bias.data(), got.data(), rows, depth, n, got_relu.data(), steps.data());
        for (std::size_t k = 0; k < want.size(); ++k) {
          if (std::isnan(want[k])) {
            CHECK(std::isnan(got[k]));
            CHECK(std::isnan(got_relu[k]));
          } else {
            CHECK(got[k] == want[k]);  // the same sums, in the same order, minus exact zeros
            CHECK(got_relu[k] == want_relu[k]);
          }
        }
      }
    }
  }
}
