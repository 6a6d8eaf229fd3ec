// The inner loops of a dense layer on unit-major batches: row o of a batch holds unit o's value for
// every example, so each loop below runs along the batch over contiguous memory and vectorises
// (WebAssembly SIMD, SSE2). Eigen's own products are built for large matrices; on the playground's
// layers (2 to 8 units, batches of 10) their set-up cost outweighed the arithmetic — a profile of W1
// spent more time in Network::forward/backward than in the multiplications themselves.
// W is Eigen's column-major out × in: W(o, i) = W[o + i·out].
#pragma once

namespace bp::nn {

// z = W·x + b: x is in × n, z is out × n, both unit-major.
void dense_forward(const double* W, const double* b, const double* x, double* z, int out, int in, int n);

// dL/dW = δ·xᵀ (into grad_W, column-major out × in) and dL/db = Σ δ over the batch.
void dense_gradients(const double* delta, const double* x, double* grad_W, double* grad_b, int out, int in, int n);

// dL/dx = Wᵀ·δ: into dx, in × n unit-major.
void dense_backprop(const double* W, const double* delta, double* dx, int out, int in, int n);

}  // namespace bp::nn
