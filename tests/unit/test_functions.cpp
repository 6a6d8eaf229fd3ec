// Known functions (functions.hpp): values and gradients against mpmath, stability where the naive
// formula overflows, ties of max/min, where() and comparisons, the block sweep's bits, symbolic derivatives.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <tuple>
#include <string>
#include <vector>

#include "expr/derivative.hpp"
#include "expr/functions.hpp"
#include "expr/printer.hpp"
#include "expr/tape.hpp"
#include "helpers.hpp"

namespace {

using bp::expr::NodeId;
using bp::expr::Program;

// name(x0, x1, ...) as a program whose inputs are the arguments.
Program program_of(std::string_view name, std::size_t arguments) {
  Program p;
  std::vector<NodeId> nodes;
  for (std::size_t i = 0; i < arguments; ++i) {
    const std::string input = "x" + std::to_string(i);
    nodes.push_back(p.graph.variable(input));
    p.inputs.push_back({input, nodes.back(), {}, {}});
  }
  auto out = bp::expr::call_function(p.graph, name, nodes, {});
  REQUIRE_MESSAGE(out.ok(), (out.ok() ? "" : out.error().message));
  p.output = *out;
  p.labels.resize(p.graph.size());
  return p;
}

struct Call {
  double value;
  std::vector<double> grad;  // d value / d argument
};

Call call(std::string_view name, const std::vector<double>& args) {
  const Program p = program_of(name, args.size());
  bp::expr::Tape tape(p);
  Call out{tape.forward(args), {}};
  tape.backward();
  for (std::size_t i = 0; i < args.size(); ++i) out.grad.push_back(tape.grad_of_input(static_cast<int>(i)));
  return out;
}

bool close(double got, double want) { return got == want || std::fabs(got - want) <= 1e-12 * std::fabs(want); }

struct Reference {
  const char* name;
  std::vector<double> args;
  double value;
  std::vector<double> grad;
};

}  // namespace

TEST_CASE("every function's value and gradient are within 1e-12 of mpmath's") {
  // mpmath at 40 digits: the value f(args) and mpmath.diff of f in each argument, with f from mpmath
  // (sinh, asin, erf, atan2, hypot, log(x)/log(b), ...) or written out: softplus = log1p(exp(x)),
  // logsigmoid = -softplus(-x), gelu = x·erfc(-x/√2)/2, silu = x/(1 + e^-x), mish = x·tanh(softplus(x)),
  // elu = a·(e^x - 1), logsumexp = log(e^a + e^b + e^c).
  const Reference references[] = {
      {"sinh", {0.7}, 0.75858370183953344772, {1.2551690056309429845}},
      {"cosh", {0.7}, 1.2551690056309429845, {0.75858370183953344772}},
      {"tanh", {0.7}, 0.60436777711716346812, {0.63473958998245862144}},
      {"asinh", {0.7}, 0.65266656608235575043, {0.81923192051904048366}},
      {"acosh", {1.7}, 1.1232309825872958572, {0.72739296745330796661}},
      {"atanh", {0.7}, 0.86730052769405310735, {1.960784313725489957}},
      {"asin", {0.3}, 0.30469265401539749633, {1.0482848367219182919}},
      {"arcsin", {0.3}, 0.30469265401539749633, {1.0482848367219182919}},
      {"acos", {0.3}, 1.2661036727794991229, {-1.0482848367219182919}},
      {"arccos", {0.3}, 1.2661036727794991229, {-1.0482848367219182919}},
      {"atan", {0.7}, 0.61072596438920858674, {0.67114093959731546425}},
      {"arctan", {0.7}, 0.61072596438920858674, {0.67114093959731546425}},
      {"sec", {0.7}, 1.307459259733593821, {1.1012577424024653842}},
      {"csc", {0.7}, 1.5522703269571039938, {-1.8429202669324318989}},
      {"cot", {0.7}, 1.1872418321266794607, {-2.409543167951514534}},
      {"log2", {3.5}, 1.8073549220576041074, {0.4121985831111324021}},
      {"log10", {3.5}, 0.5440680443502756355, {0.12408413768664337933}},
      {"log", {8.0, 3.0}, 1.8927892607143723113, {0.1137799033283546742, -0.57429701094674451552}},
      {"exp2", {1.3}, 2.4622888266898326448, {1.7067285579443133113}},
      {"cbrt", {5.0}, 1.7099759466766969894, {0.11399839644511313262}},
      {"erf", {0.6}, 0.60385609084792590508, {0.78724343171428728979}},
      {"sigmoid", {0.5}, 0.62245933120185456464, {0.23500371220159448907}},
      {"softplus", {1.3}, 1.5410084538329922402, {0.78583498304255862008}},
      {"logsigmoid", {0.4}, -0.51301525239995261476, {0.4013123398875479943}},
      {"leaky_relu", {-2.0, 0.2}, -0.4000000000000000222, {0.2000000000000000111, -2.0}},
      {"elu", {-1.5, 2.0}, -1.5537396797031403421, {0.44626032029685965787, -0.77686983985157017107}},
      {"gelu", {0.8}, 0.63051568113328269683, {1.0198978436257895224}},
      {"gelu", {-3.0}, -0.00404969409489028358, {-0.011945647204183927}},
      {"gelu", {-10.0}, -7.619853024160526066e-23, {-7.6184000964648140857e-22}},
      {"silu", {1.1}, 0.82528611615462944957, {0.95636697309739027338}},
      {"swish", {1.1}, 0.82528611615462944957, {0.95636697309739027338}},
      {"mish", {0.9}, 0.76120592895251529709, {1.0279182005317524302}},
      {"logsumexp", {1.0, 2.0, 3.0}, 3.4076059644443803045,
       {0.090030573170380457998, 0.24472847105479765247, 0.66524095577482188953}},
      {"pow", {2.0, 0.5}, 1.4142135623730950488, {0.3535533905932737622, 0.98025814346854719171}},
      {"atan2", {1.0, -2.0}, 2.6779450445889871222, {-0.4, -0.2}},
      {"hypot", {3.0, 4.0}, 5.0, {0.6, 0.8}},
  };
  for (const Reference& r : references) {
    CAPTURE(r.name);
    CAPTURE(r.args[0]);
    const Call got = call(r.name, r.args);
    CHECK(close(got.value, r.value));
    for (std::size_t i = 0; i < r.grad.size(); ++i) {
      CAPTURE(i);
      CHECK(close(got.grad[i], r.grad[i]));
    }
  }
}

TEST_CASE("values and gradients stay within 1e-12 of mpmath near the edges of each domain") {
  // mpmath at 50 digits: the function and mpmath.diff, or the derivative's formula where diff's steps
  // leave the domain or the range (asinh' = 1/√(1+x²) at 1e200, atan' at 1e100, log10' at 1e-300).
  const Reference references[] = {
      {"asin", {0.999999}, 1.5693821131146520341, {707.10695795314245218}},
      {"acos", {-0.999999}, 3.1401784399095486534, {-707.10695795314245218}},
      {"atanh", {0.999}, 3.8002011672501995875, {500.25012506253082154}},
      {"acosh", {1.0001}, 0.014142017775251545498, {70.708910417994178719}},
      {"asinh", {1e200}, 461.21016577936908208, {1.0000000000000000303e-200}},
      {"atan", {1e100}, 1.5707963267948966192, {9.9999999999999996819e-201}},
      {"softplus", {-30.0}, 9.3576229688397367794e-14, {9.3576229688392989538e-14}},
      {"softplus", {30.0}, 30.000000000000093576, {0.99999999999990642377}},
      {"logsigmoid", {30.0}, -9.3576229688397367794e-14, {9.3576229688392989538e-14}},
      {"cbrt", {-8.0}, -2.0, {0.083333333333333333333}},
      {"erf", {1e-10}, 1.128379167095512615e-10, {1.1283791670955125739}},
      {"gelu", {-30.0}, -1.4720141781444561179e-196, {-4.4160316907084943701e-195}},
      {"sinh", {1e-8}, 1.0000000000000000376e-8, {1.00000000000000005}},
      {"log10", {1e-300}, -299.999999999999999989117, {4.3429448190325181677e+299}},
      {"exp2", {-1000.0}, 9.3326361850321887899e-302, {6.4688904588467857253e-302}},
  };
  for (const Reference& r : references) {
    CAPTURE(r.name);
    CAPTURE(r.args[0]);
    const Call got = call(r.name, r.args);
    CHECK(close(got.value, r.value));
    CHECK(close(got.grad[0], r.grad[0]));
  }
}

TEST_CASE("softplus, logsigmoid and logsumexp stay finite where e^x overflows") {
  // mpmath: log1p(exp(800)) = 800.0 to 25 digits; log(2 e^1000) = 1000.693147180559945309417.
  CHECK(call("softplus", {800}).value == 800);
  CHECK(call("softplus", {800}).grad[0] == 1);
  CHECK(call("softplus", {-800}).value == 0);
  CHECK(call("logsigmoid", {-800}).value == -800);
  CHECK(call("logsigmoid", {-800}).grad[0] == 1);
  CHECK(call("logsigmoid", {800}).value == 0);
  CHECK(close(call("logsumexp", {1000, 1000}).value, 1000.693147180559945309417));
  CHECK(call("logsumexp", {1000, 1000}).grad == std::vector<double>{0.5, 0.5});
  CHECK(close(call("logsumexp", {-1000, -1000, -1000}).value, -1000 + std::log(3.0)));
}

TEST_CASE("max and min give the larger or smaller, and ties share the gradient evenly as torch.amax") {
  // torch.amax(torch.tensor([2., 2., 2.], requires_grad=True)).backward() gives [1/3, 1/3, 1/3].
  CHECK(call("max", {1, 3, 2}).value == 3);
  CHECK(call("max", {1, 3, 2}).grad == std::vector<double>{0, 1, 0});
  CHECK(call("min", {1, 3, 2}).grad == std::vector<double>{1, 0, 0});
  CHECK(call("max", {2, 2}).grad == std::vector<double>{0.5, 0.5});
  const Call three = call("max", {2, 2, 2});
  for (const double g : three.grad) CHECK(close(g, 1.0 / 3));
  const Call four = call("min", {5, 1, 1, 1, 1});
  CHECK(four.value == 1);
  CHECK(four.grad[0] == 0);
  for (std::size_t i = 1; i < 5; ++i) CHECK(close(four.grad[i], 0.25));
  const Call later = call("max", {1, 4, 0, 4});  // the tie comes after a smaller argument
  CHECK(later.grad[0] == 0);
  CHECK(later.grad[1] == 0.5);
  CHECK(later.grad[2] == 0);
  CHECK(later.grad[3] == 0.5);
  CHECK(std::isnan(call("max", {NAN, 1}).value));
}

TEST_CASE("flat functions have derivative 0; round halves to even as Python and torch.round") {
  CHECK(call("floor", {2.7}).value == 2);
  CHECK(call("ceil", {2.2}).value == 3);
  CHECK(call("round", {2.5}).value == 2);
  CHECK(call("round", {3.5}).value == 4);
  CHECK(call("trunc", {-2.7}).value == -2);
  CHECK(call("sign", {-3}).value == -1);
  CHECK(call("sgn", {0}).value == 0);
  CHECK(call("step", {2}).value == 1);
  for (const char* name : {"floor", "ceil", "round", "trunc", "sign", "sgn", "step", "heaviside"}) {
    CAPTURE(name);
    CHECK(call(name, {2.7}).grad[0] == 0);
  }
  CHECK(call("heaviside", {0}).value == 0);
  CHECK(call("heaviside", {0, 0.5}).value == 0.5);  // numpy.heaviside(0, 0.5) = 0.5
  CHECK(call("heaviside", {-1, 0.5}).value == 0);
}

TEST_CASE("leaky_relu and elu take PyTorch's defaults and derivatives at 0") {
  // torch.nn.functional.leaky_relu(x) uses slope 0.01; its gradient at 0 is the slope; elu's is alpha.
  CHECK(call("leaky_relu", {-2}).value == -0.02);
  CHECK(call("leaky_relu", {-2}).grad[0] == 0.01);
  CHECK(call("leaky_relu", {0}).grad[0] == 0.01);
  CHECK(call("leaky_relu", {3}).value == 3);
  CHECK(call("elu", {0}).grad[0] == 1);
  CHECK(call("elu", {0, 2.0}).grad[0] == 2);
  CHECK(close(call("elu", {-1}).value, std::expm1(-1.0)));
}

TEST_CASE("clamp passes the gradient to x on [lo, hi] and to the bound outside, as torch.clamp") {
  CHECK(call("clamp", {0.5, 0, 1}).grad == std::vector<double>{1, 0, 0});
  CHECK(call("clamp", {1, 0, 1}).grad == std::vector<double>{1, 0, 0});  // ends included
  CHECK(call("clamp", {-2, 0, 1}).value == 0);
  CHECK(call("clamp", {-2, 0, 1}).grad == std::vector<double>{0, 1, 0});
  CHECK(call("clamp", {5, 0, 1}).grad == std::vector<double>{0, 0, 1});
  CHECK(call("clamp", {0.5, 2, 1}).value == 1);  // lo > hi gives hi, as torch.clamp
  CHECK(call("clamp", {0.5, 2, 1}).grad == std::vector<double>{0, 0, 1});
}

TEST_CASE("where chooses a branch and the gradient flows into that branch only, as torch.where") {
  Program p;
  const NodeId x = p.graph.variable("x");
  p.inputs.push_back({"x", x, {}, {}});
  auto& g = p.graph;
  // where(x > 0, x, 0.1x): leaky ReLU by hand; sqrt(where(...)) makes the upstream gradient infinite at 0.
  const NodeId leaky = g.select(g.compare(bp::expr::Op::kGreater, x, g.constant(0)), x,
                                g.binary(bp::expr::Op::kMul, g.constant(0.1), x));
  p.output = leaky;
  p.labels.resize(g.size());
  bp::expr::Tape tape(p);
  CHECK(tape.forward(std::vector<double>{2}) == 2);
  tape.backward();
  CHECK(tape.grad_of_input(0) == 1);
  CHECK(tape.forward(std::vector<double>{-2}) == -0.2);
  tape.backward();
  CHECK(tape.grad_of_input(0) == 0.1);
  // No NaN from the condition when the gradient above is infinite (torch gives the condition none).
  p.output = g.unary(bp::expr::Op::kSqrt, g.select(g.compare(bp::expr::Op::kGreater, x, g.constant(0)), x,
                                                   g.constant(0)));
  p.labels.resize(g.size());
  bp::expr::Tape at_zero(p);
  at_zero.forward(std::vector<double>{-1});
  at_zero.backward();
  CHECK(at_zero.grad_of_input(0) == 0);
  CHECK(std::isnan(call("heaviside", {NAN, 1}).value));
}

TEST_CASE("comparisons give 1 or 0 and pass no gradient") {
  using bp::expr::Op;
  for (const auto& [op, at_less, at_equal] : std::vector<std::tuple<Op, double, double>>{
           {Op::kLess, 1, 0}, {Op::kLessEq, 1, 1}, {Op::kGreater, 0, 0}, {Op::kGreaterEq, 0, 1},
           {Op::kEq, 0, 1}, {Op::kNotEq, 1, 0}}) {
    Program p;
    const NodeId a = p.graph.variable("a"), b = p.graph.variable("b");
    p.inputs = {{"a", a, {}, {}}, {"b", b, {}, {}}};
    p.output = p.graph.compare(op, a, b);
    p.labels.resize(p.graph.size());
    bp::expr::Tape tape(p);
    CHECK(tape.forward(std::vector<double>{1, 2}) == at_less);
    CHECK(tape.forward(std::vector<double>{2, 2}) == at_equal);
    tape.backward();
    CHECK(tape.grad_of_input(0) == 0);
    CHECK(tape.grad_of_input(1) == 0);
  }
}

TEST_CASE("unknown names and wrong argument counts are errors that say what to write") {
  bp::expr::Graph g;
  const NodeId x = g.variable("x");
  auto unknown = bp::expr::call_function(g, "softplu", {x}, {3, 10});
  REQUIRE(!unknown.ok());
  CHECK(unknown.error().message == "unknown function 'softplu'; did you mean softplus?");
  CHECK(unknown.error().span.start == 3);
  CHECK(unknown.error().span.end == 10);
  auto few = bp::expr::call_function(g, "max", {x}, {});
  REQUIRE(!few.ok());
  CHECK(few.error().message == "max takes 2 or more arguments (a, b, ...), got 1");
  auto many = bp::expr::call_function(g, "atan2", {x, x, x}, {});
  REQUIRE(!many.ok());
  CHECK(many.error().message == "atan2 takes 2 arguments (y, x), got 3");
  CHECK(!bp::expr::call_function(g, "sin", {}, {}).ok());
  CHECK(bp::expr::is_known_function("arcsin"));
  CHECK(bp::expr::is_known_function("swish"));
  CHECK(!bp::expr::is_known_function("softmax"));
  CHECK(bp::expr::inverse_function_name("sin") == std::optional<std::string_view>("asin"));
  CHECK(bp::expr::inverse_function_name("tanh") == std::optional<std::string_view>("atanh"));
  CHECK(!bp::expr::inverse_function_name("exp"));
}

TEST_CASE("the block sweep gives backward()'s bits for every function") {
  // Tape::sweep is the plots' fast path; its contract is forward() + backward() at each point.
  const std::vector<double> xs = {-3.5, -1, -0.25, 0, 0.3, 0.5, 1, 2.5, 800};
  for (const char* name : {"sinh", "asin", "acosh", "log2", "cbrt", "erf", "floor", "softplus", "logsigmoid",
                           "gelu", "mish", "sec", "cot", "heaviside", "max", "min", "clamp", "logsumexp",
                           "atan2", "hypot", "leaky_relu", "elu", "log", "pow", "where"}) {
    CAPTURE(name);
    const std::string n = name;
    const std::size_t arguments = n == "clamp" || n == "where" ? 3 : n == "max" || n == "min" || n == "logsumexp" ? 3
                                  : n == "atan2" || n == "hypot" || n == "pow" || n == "log" ? 2
                                                                                              : 1;
    const Program p = program_of(name, arguments);
    bp::expr::Tape tape(p);
    const std::vector<double> others = {0, 0.4, -0.25};  // x1, x2 (x0 is swept); -0.25 ties with a point
    std::vector<double> ys(xs.size()), dys(xs.size());
    tape.sweep(0, std::vector<double>(others.begin(), others.begin() + static_cast<long>(arguments)), xs.data(),
               xs.size(), ys.data(), dys.data());
    for (std::size_t k = 0; k < xs.size(); ++k) {
      std::vector<double> at(others.begin(), others.begin() + static_cast<long>(arguments));
      at[0] = xs[k];
      const double value = tape.forward(at);
      tape.backward();
      CAPTURE(xs[k]);
      CHECK(std::memcmp(&value, &ys[k], sizeof value) == 0);
      const double slope = tape.grad_of_input(0);
      CHECK(std::memcmp(&slope, &dys[k], sizeof slope) == 0);
    }
  }
}

TEST_CASE("each function's symbolic derivative evaluates to the autodiff gradient") {
  struct Point {
    const char* name;
    std::vector<double> args;
  };
  const Point points[] = {
      {"sinh", {0.7}},   {"cosh", {0.7}},      {"asin", {0.3}},        {"acos", {0.3}},     {"atan", {0.7}},
      {"asinh", {0.7}},  {"acosh", {1.7}},     {"atanh", {0.7}},       {"log2", {3.5}},     {"log10", {3.5}},
      {"exp2", {1.3}},   {"cbrt", {5}},        {"erf", {0.6}},         {"floor", {2.5}},    {"softplus", {1.3}},
      {"logsigmoid", {0.4}}, {"gelu", {0.8}},  {"silu", {1.1}},        {"mish", {0.9}},     {"sec", {0.7}},
      {"log", {8, 3}},   {"atan2", {1, -2}},   {"hypot", {3, 4}},      {"logsumexp", {1, 2, 3}},
      {"leaky_relu", {-2, 0.2}}, {"elu", {-1.5, 2}}, {"max", {1, 3, 2}}, {"max", {2, 2, 2}}, {"min", {2, 2}},
      {"clamp", {0.5, 0, 1}}, {"clamp", {-2, 0, 1}}, {"clamp", {0.5, 2, 1}}, {"heaviside", {0.5, 0.5}},
      {"pow", {2, 0.5}}, {"where", {1, 2, 3}},
  };
  for (const Point& point : points) {
    CAPTURE(point.name);
    const Call autodiff = call(point.name, point.args);
    for (std::size_t i = 0; i < point.args.size(); ++i) {
      CAPTURE(i);
      Program p = program_of(point.name, point.args.size());
      p.output = bp::expr::differentiate(p, "x" + std::to_string(i));
      p.labels.resize(p.graph.size());
      bp::expr::Tape tape(p);
      CHECK(close(tape.forward(point.args), autodiff.grad[i]));
      // Its text reads back to the same number where it uses only one-argument functions.
      const auto text = bp::expr::print(p.graph, p.output);
      REQUIRE(text.ok());
      if (text->find("where(") != std::string::npos || text->find(", ") != std::string::npos) continue;
      bp::expr::Vars vars;
      for (std::size_t k = 0; k < point.args.size(); ++k) vars.emplace_back("x" + std::to_string(k), point.args[k]);
      CAPTURE(*text);
      CHECK(close(bp::test::value(*text, vars), autodiff.grad[i]));
    }
  }
}

TEST_CASE("every known name's gradient matches central finite differences away from its kinks") {
  // Arguments 0.3, 0.55, 0.8 shifted by 1.2 for acosh (its domain starts at 1); the others fixed
  // apart so that no max/min ties and no clamp bound is met.
  for (const std::string_view name : bp::expr::known_function_names()) {
    CAPTURE(name);
    bp::expr::Graph probe;
    const NodeId p = probe.variable("p");
    std::size_t arguments = 1;
    while (!bp::expr::call_function(probe, name, std::vector<NodeId>(arguments, p), {}).ok()) ++arguments;
    const double shift = name == "acosh" || name == "arccosh" ? 1.2 : 0.0;
    for (const double x : {0.3, 0.55, 0.8}) {
      std::vector<double> args = {x + shift, 0.45, 0.9};
      args.resize(arguments);
      const Call at = call(name, args);
      for (std::size_t i = 0; i < arguments; ++i) {
        CAPTURE(i);
        CAPTURE(x);
        const double h = 1e-6;
        std::vector<double> up = args, down = args;
        up[i] += h;
        down[i] -= h;
        const double difference = (call(name, up).value - call(name, down).value) / (2 * h);
        CHECK(std::fabs(at.grad[i] - difference) <= 1e-6 * std::max(1.0, std::fabs(difference)));
      }
    }
  }
}

TEST_CASE("new ops print as calls and comparisons that read back as written") {
  using bp::expr::Op;
  bp::expr::Graph g;
  const NodeId x = g.variable("x"), y = g.variable("y"), z = g.variable("z");
  const auto text = [&](NodeId id) { return *bp::expr::print(g, id); };
  CHECK(text(*bp::expr::call_function(g, "max", {x, y, z}, {})) == "max(x, y, z)");  // one call, not nested
  CHECK(text(*bp::expr::call_function(g, "min", {x, y}, {})) == "min(x, y)");
  CHECK(text(*bp::expr::call_function(g, "clamp", {x, y, z}, {})) == "clamp(x, y, z)");
  CHECK(text(*bp::expr::call_function(g, "atan2", {y, x}, {})) == "atan2(y, x)");
  CHECK(text(*bp::expr::call_function(g, "leaky_relu", {x}, {})) == "leaky_relu(x, 0.01)");
  CHECK(text(*bp::expr::call_function(g, "logsumexp", {x, y, z}, {})) == "logsumexp(logsumexp(x, y), z)");
  const NodeId positive = g.compare(Op::kGreater, x, g.constant(0));
  CHECK(text(g.select(positive, x, g.binary(Op::kMul, g.constant(0.1), x))) == "where(x > 0, x, 0.1x)");
  CHECK(text(g.binary(Op::kMul, g.constant(2), positive)) == "2(x > 0)");  // parenthesised inside a product
  CHECK(text(g.compare(Op::kLessEq, g.binary(Op::kAdd, x, y), z)) == "x + y <= z");
  CHECK(text(g.compare(Op::kNotEq, g.compare(Op::kLess, x, y), z)) == "(x < y) != z");
}
