// Benchmark: f and f' of an expression at 10,000 points (the plot's per-frame work), natively.
// Prints the median and min-max of 15 timed sweeps after 3 warm-up sweeps.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "expr/function1d.hpp"

namespace {

void bench(const char* text) {
  auto f = bp::expr::Function1D::compile(text, "x", {});
  if (!f) {
    std::printf("%s: %s\n", text, f.error().message.c_str());
    return;
  }
  constexpr std::size_t kPoints = 10000;
  std::vector<double> xs(kPoints), ys(kPoints), dys(kPoints);
  for (std::size_t i = 0; i < kPoints; ++i) xs[i] = -5 + 10.0 * static_cast<double>(i) / (kPoints - 1);
  std::vector<double> ms;
  for (int run = 0; run < 18; ++run) {
    const auto start = std::chrono::steady_clock::now();
    f->sample(xs.data(), kPoints, ys.data(), dys.data());
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    if (run >= 3) ms.push_back(took.count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("native  %-40s median %.3f ms  (min %.3f, max %.3f) per 10,000-point sweep of f and f'\n", text,
              ms[ms.size() / 2], ms.front(), ms.back());
}

}  // namespace

int main() {
  bench("2x²−3x+4");
  bench("sin(x)·exp(−x²/10) + ln(1+x²)");
}
