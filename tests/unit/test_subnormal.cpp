// Backward's arithmetic on faded gradients (expr/subnormal.hpp) against the hardware's instructions:
// the same bits for every product and sum, ties and signed zeros included, and the same gradients
// for a long chain whose gradients go subnormal.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <random>
#include <string>

#include <doctest/doctest.h>

#include "expr/engine.hpp"
#include "expr/subnormal.hpp"
#include "expr/tape.hpp"

namespace sub = bp::expr::subnormal;

namespace {
std::uint64_t bits_of(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}
double from_bits(std::uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}
// The instruction's result; volatile keeps the compiler from folding or reordering it.
double hardware_mul(double x, double y) {
  volatile double a = x, b = y;
  return a * b;
}
double hardware_add(double x, double y) {
  volatile double a = x, b = y;
  return a + b;
}
}  // namespace

TEST_CASE("multiply gives the multiplication instruction's bits for a subnormal times anything") {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<std::uint64_t> significand(1, (std::uint64_t{1} << 52) - 1);
  std::uniform_int_distribution<int> small(1, 4096);
  std::uniform_real_distribution<double> unit(-1, 1);
  std::uniform_int_distribution<int> exponent(-60, 1100);
  long mismatches = 0, checked = 0;
  auto check = [&](double u, double m) {
    ++checked;
    if (bits_of(sub::multiply(u, m)) != bits_of(hardware_mul(u, m))) ++mismatches;
  };
  for (int i = 0; i < 400000; ++i) {
    const std::uint64_t k = i % 2 ? significand(random) : static_cast<std::uint64_t>(small(random));
    const double u = from_bits(k | (i % 3 == 0 ? 0x8000000000000000ULL : 0));
    check(u, unit(random));                                        // the usual: a gradient times a local slope
    check(u, std::ldexp(unit(random), exponent(random)));          // up to results that are normal again
    check(u, 0.5 + static_cast<double>(i % 7) * 0.25);             // exact ties: odd k times a half
    check(u, std::nextafter(0.5, i % 2 ? 1.0 : 0.0) * (i % 5 + 1));  // near ties either side
  }
  for (double m : std::initializer_list<double>{0.0, -0.0, 1e-310, 1e-300, 1e300, INFINITY, -INFINITY, NAN, 1.0, -1.0,
                                                0x1p52, 0x1p-52}) {
    check(from_bits(1), m);
    check(-from_bits(0x000fffffffffffffULL), m);
  }
  CHECK(checked > 1'000'000);
  CHECK(mismatches == 0);
}

TEST_CASE("add gives the addition instruction's bits when either operand is subnormal") {
  std::mt19937_64 random(11);
  std::uniform_int_distribution<std::uint64_t> significand(0, (std::uint64_t{1} << 52) - 1);
  std::uniform_int_distribution<int> exponent(-1080, -900);
  std::uniform_real_distribution<double> unit(-1, 1);
  long mismatches = 0;
  auto check = [&](double x, double y) {
    if (bits_of(sub::add(x, y)) != bits_of(hardware_add(x, y))) ++mismatches;
    if (bits_of(sub::add(y, x)) != bits_of(hardware_add(y, x))) ++mismatches;
  };
  for (int i = 0; i < 400000; ++i) {
    const double u = from_bits(significand(random) | (i % 2 ? 0x8000000000000000ULL : 0));
    check(u, from_bits(significand(random) | (i % 3 ? 0x8000000000000000ULL : 0)));  // subnormal + subnormal
    check(u, std::ldexp(unit(random), exponent(random)));  // + small normal numbers, across 2^-968
    check(u, unit(random));                                // + ordinary numbers
    check(u, -u);                                          // cancellation: +0
  }
  for (double y :
       std::initializer_list<double>{0.0, -0.0, 0x1p-1022, -0x1p-1022, 0x1p-968, 0x1p-969, INFINITY, -INFINITY, NAN}) {
    check(from_bits(1), y);
    check(-from_bits(0x000fffffffffffffULL), y);
  }
  CHECK(mismatches == 0);
}

TEST_CASE("multiply_add gives a multiplication's then an addition's bits") {
  std::mt19937_64 random(13);
  std::uniform_int_distribution<std::uint64_t> significand(0, (std::uint64_t{1} << 52) - 1);
  std::uniform_int_distribution<int> small(0, 64);
  std::uniform_int_distribution<int> exponent(-1080, 10);
  std::uniform_real_distribution<double> unit(-1, 1);
  long mismatches = 0;
  auto check = [&](double g, double u, double m) {
    if (bits_of(sub::multiply_add(g, u, m)) != bits_of(hardware_add(g, hardware_mul(u, m)))) ++mismatches;
  };
  for (int i = 0; i < 300000; ++i) {
    const double u = from_bits((i % 2 ? significand(random) : static_cast<std::uint64_t>(small(random))) |
                               (i % 3 ? 0x8000000000000000ULL : 0));
    const double g = i % 4 == 0 ? from_bits(significand(random)) : std::ldexp(unit(random), exponent(random));
    check(g, u, unit(random));
    check(g, u, std::ldexp(unit(random), exponent(random)));
    check(-g, u, 0.5 + static_cast<double>(i % 3) * 0.25);  // ties
    check(0.0, u, unit(random));
    check(-0.0, u, -unit(random));
  }
  for (double g : std::initializer_list<double>{INFINITY, -INFINITY, NAN, 0x1p-968, -0x1p-969, 1.0}) {
    for (double m : std::initializer_list<double>{0.0, -0.0, 0.3, -1.0, 1e-300, 2.0, INFINITY, NAN})
      check(g, from_bits(3), m);
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a chain whose gradients go subnormal gets the plain chain rule's gradients, bit for bit") {
  // The G benchmark's program: d v_k / d v_(k-1) < 1, so more than half of the gradients are subnormal.
  std::string text = "v0 = a; v1 = b";
  for (int k = 2; k < 2502; ++k)
    text += "; v" + std::to_string(k) + " = tanh(v" + std::to_string(k - 1) + "*a + v" + std::to_string(k - 2) + "*b)";
  const bp::expr::Vars vars{{"a", 0.9}, {"b", 0.6}};
  auto program = bp::expr::compile(text, bp::expr::names_of(vars));
  REQUIRE(program.ok());
  bp::expr::Tape tape(*program);
  tape.forward(std::vector<double>{0.9, 0.6});
  tape.backward();
  // The reference: accumulate with += in the hardware's arithmetic, node by node from the output.
  const auto& nodes = tape.nodes();
  std::vector<double> grad(nodes.size(), 0.0);
  std::vector<int> position(program->graph.size(), -1);
  for (std::size_t i = 0; i < nodes.size(); ++i) position[static_cast<std::size_t>(nodes[i])] = static_cast<int>(i);
  grad.back() = 1;
  int subnormal = 0;
  for (std::size_t i = nodes.size(); i-- > 0;) {
    const bp::expr::Node& n = program->graph[nodes[i]];
    if (n.op == bp::expr::Op::kVar || n.op == bp::expr::Op::kConst) continue;
    const double a = tape.value_of(n.a), b = n.b != bp::expr::kNoNode ? tape.value_of(n.b) : 0.0;
    const auto local = bp::expr::local_gradient(n.op, a, b, tape.value_of(nodes[i]));
    if (sub::is_subnormal(grad[i])) ++subnormal;
    const double da = n.op == bp::expr::Op::kAdd ? grad[i] : hardware_mul(grad[i], local.da);
    const double db = n.op == bp::expr::Op::kAdd ? grad[i] : hardware_mul(grad[i], local.db);
    auto& ga = grad[static_cast<std::size_t>(position[static_cast<std::size_t>(n.a)])];
    ga = hardware_add(ga, da);
    if (n.b != bp::expr::kNoNode) {
      auto& gb = grad[static_cast<std::size_t>(position[static_cast<std::size_t>(n.b)])];
      gb = hardware_add(gb, db);
    }
  }
  CHECK(subnormal > 5000);
  int mismatches = 0;
  for (std::size_t i = 0; i < nodes.size(); ++i) mismatches += bits_of(tape.grad_of(nodes[i])) != bits_of(grad[i]);
  CHECK(mismatches == 0);
}

TEST_CASE("a chain of the other functions whose gradients go subnormal gets the plain chain rule's bits") {
  // v_k = f_k(m·v_(k-1)) with functions whose slope is about 1 near 0 (the other input 0.5 or 1), and
  // every 50th link one whose slope is 1/2. Going back from the output, 1,000 links with m = 0.5 bring
  // the gradient to about 2^-1000, then m = 0.98 takes it through the subnormal range slowly.
  using bp::expr::Op;
  bp::expr::Program p;
  auto& g = p.graph;
  const bp::expr::NodeId x = g.variable("x");
  p.inputs.push_back({"x", x, {}, {}});
  const Op unary[] = {Op::kAtan, Op::kAsinh, Op::kSinh, Op::kErf};
  const Op binary[] = {Op::kElu, Op::kLeakyRelu, Op::kAtan2};
  const Op halving[] = {Op::kGelu, Op::kSoftplus, Op::kLogSigmoid, Op::kLogAddExp};
  bp::expr::NodeId v = x;
  for (int k = 0; k < 4000; ++k) {
    const bp::expr::NodeId scaled = g.binary(Op::kMul, g.constant(k < 3000 ? 0.98 : 0.5), v);
    const bp::expr::NodeId other = g.constant(k % 3 == 2 && k % 9 == 8 ? 1.0 : 0.5);
    if (k % 50 == 49) {
      const Op op = halving[(k / 50) % 4];
      v = op == Op::kLogAddExp ? g.binary(op, scaled, other) : g.unary(op, scaled);
    } else if (k % 3 == 2) {
      v = g.binary(binary[(k / 3) % 3], scaled, other);
    } else {
      v = g.unary(unary[k % 4], scaled);
    }
  }
  p.output = v;
  p.labels.resize(g.size());
  bp::expr::Tape tape(p);
  tape.forward(std::vector<double>{0.3});
  tape.backward();
  const auto& nodes = tape.nodes();
  std::vector<double> grad(nodes.size(), 0.0);
  std::vector<int> position(g.size(), -1);
  for (std::size_t i = 0; i < nodes.size(); ++i) position[static_cast<std::size_t>(nodes[i])] = static_cast<int>(i);
  grad.back() = 1;
  int subnormal = 0;
  for (std::size_t i = nodes.size(); i-- > 0;) {
    const bp::expr::Node& n = g[nodes[i]];
    if (n.op == Op::kVar || n.op == Op::kConst) continue;
    const auto value_of = [&](bp::expr::NodeId in) { return in == bp::expr::kNoNode ? 0.0 : tape.value_of(in); };
    const auto local =
        bp::expr::local_gradient(n.op, value_of(n.a), value_of(n.b), value_of(n.c), tape.value_of(nodes[i]));
    if (sub::is_subnormal(grad[i])) ++subnormal;
    const double partials[2] = {local.da, local.db};
    const bp::expr::NodeId inputs[2] = {n.a, n.b};
    for (int k = 0; k < 2; ++k) {
      if (inputs[k] == bp::expr::kNoNode || g[inputs[k]].op == Op::kConst) continue;
      auto& into = grad[static_cast<std::size_t>(position[static_cast<std::size_t>(inputs[k])])];
      into = hardware_add(into, hardware_mul(grad[i], partials[k]));
    }
  }
  CHECK(subnormal > 400);  // 463: the subnormal path runs for every function in the chain
  int mismatches = 0;
  for (std::size_t i = 0; i < nodes.size(); ++i) mismatches += bits_of(tape.grad_of(nodes[i])) != bits_of(grad[i]);
  CHECK(mismatches == 0);
}
