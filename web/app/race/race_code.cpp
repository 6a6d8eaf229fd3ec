// The PyTorch script writer: f's graph printed as torch operations (one line per shared node), the
// racers as torch.optim constructors with every hyper-parameter spelled out, and the playground's own
// last points as comments and printed beside torch's.
#include "race/race_code.hpp"

#include <cctype>
#include <vector>

#include "expr/printer.hpp"

namespace bp::app {

namespace {

// A float literal: "1.0", not "1", so Python keeps it a float.
std::string literal(double v) {
  if (std::isinf(v)) return v > 0 ? "math.inf" : "-math.inf";
  if (std::isnan(v)) return "math.nan";
  std::string s = expr::format_number(v);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

// The learner's names where Python takes them (x, y, theta), else v1, v2, ...
std::string python_name(const std::string& name, std::size_t index) {
  static const char* kKeywords[] = {"and", "as", "def", "del", "for", "if", "in", "is", "not", "or", "lambda",
                                    "return", "while", "with", "math", "torch", "f", "T", "p"};
  bool ok = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_');
  for (char c : name) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  for (const char* k : kKeywords) ok = ok && name != k;
  return ok ? name : "v" + std::to_string(index + 1);
}

const char* torch_unary(expr::Op op) {
  using expr::Op;
  switch (op) {
    case Op::kSin: return "torch.sin"; case Op::kCos: return "torch.cos"; case Op::kTan: return "torch.tan";
    case Op::kExp: return "torch.exp"; case Op::kLog: return "torch.log"; case Op::kSqrt: return "torch.sqrt";
    case Op::kAbs: return "torch.abs"; case Op::kTanh: return "torch.tanh"; case Op::kSigmoid: return "torch.sigmoid";
    case Op::kRelu: return "torch.relu"; case Op::kSign: return "torch.sign"; case Op::kSinh: return "torch.sinh";
    case Op::kCosh: return "torch.cosh"; case Op::kAsin: return "torch.asin"; case Op::kAcos: return "torch.acos";
    case Op::kAtan: return "torch.atan"; case Op::kAsinh: return "torch.asinh"; case Op::kAcosh: return "torch.acosh";
    case Op::kAtanh: return "torch.atanh"; case Op::kLog2: return "torch.log2"; case Op::kLog10: return "torch.log10";
    case Op::kExp2: return "torch.exp2"; case Op::kErf: return "torch.erf"; case Op::kFloor: return "torch.floor";
    case Op::kCeil: return "torch.ceil"; case Op::kRound: return "torch.round"; case Op::kTrunc: return "torch.trunc";
    case Op::kSoftplus: return "torch.nn.functional.softplus";
    case Op::kLogSigmoid: return "torch.nn.functional.logsigmoid";
    case Op::kGelu: return "torch.nn.functional.gelu";
    case Op::kAtan2: return "torch.atan2"; case Op::kHypot: return "torch.hypot";
    case Op::kLogAddExp: return "torch.logaddexp"; case Op::kMax: return "torch.maximum";
    case Op::kMin: return "torch.minimum";
    default: return nullptr;
  }
}

const char* infix(expr::Op op) {
  using expr::Op;
  switch (op) {
    case Op::kAdd: return " + "; case Op::kSub: return " - "; case Op::kMul: return " * "; case Op::kDiv: return " / ";
    case Op::kPow: return " ** "; case Op::kLess: return " < "; case Op::kLessEq: return " <= ";
    case Op::kGreater: return " > "; case Op::kGreaterEq: return " >= "; case Op::kEq: return " == ";
    case Op::kNotEq: return " != ";
    default: return nullptr;
  }
}

// One node's text from its inputs' texts (t: a tensor text, constants wrapped in T(...) where torch needs one).
std::string node_text(const expr::Node& n, const std::vector<std::string>& text, const expr::Graph& g) {
  using expr::Op;
  const auto in = [&](expr::NodeId id) { return text[static_cast<std::size_t>(id)]; };
  const auto t = [&](expr::NodeId id) { return g.is_constant(id) ? "T(" + in(id) + ")" : in(id); };
  if (expr::is_comparison(n.op)) return "(" + t(n.a) + infix(n.op) + in(n.b) + ").double()";
  if (const char* symbol = infix(n.op)) return "(" + in(n.a) + symbol + in(n.b) + ")";
  switch (n.op) {
    case Op::kNeg: return "(-" + in(n.a) + ")";
    case Op::kStep: return "(" + t(n.a) + " > 0).double()";
    case Op::kCbrt: return "(torch.sign(" + t(n.a) + ") * torch.abs(" + t(n.a) + ") ** (1 / 3))";
    case Op::kLeakyRelu: return "torch.where(" + t(n.a) + " > 0, " + t(n.a) + ", " + in(n.b) + " * " + t(n.a) + ")";
    case Op::kElu:
      return "torch.where(" + t(n.a) + " > 0, " + t(n.a) + ", " + in(n.b) + " * torch.expm1(" + t(n.a) + "))";
    case Op::kClamp: return "torch.clamp(" + t(n.a) + ", " + t(n.b) + ", " + t(n.c) + ")";
    case Op::kSelect: return "torch.where(" + t(n.c) + " != 0, " + t(n.a) + ", " + t(n.b) + ")";
    default: break;
  }
  const char* name = torch_unary(n.op);
  if (!name) return {};
  if (expr::arity(n.op) == 1) return std::string(name) + "(" + t(n.a) + ")";
  return std::string(name) + "(" + t(n.a) + ", " + t(n.b) + ")";
}

std::string hyper_text(const char* name, double v) { return std::string(", ") + name + "=" + literal(v); }

}  // namespace

std::string torch_optimizer(const RacerSettings& r, const std::string& params) {
  const optim::Hyperparameters& h = r.hyper;
  const std::string lr = params + ", lr=" + literal(h.learning_rate);
  const std::string wd = hyper_text("weight_decay", h.weight_decay);
  const std::string betas = ", betas=(" + literal(h.beta1) + ", " + literal(h.beta2) + ")";
  switch (r.rule) {
    case RaceRule::kSgd: return "torch.optim.SGD(" + lr + wd + ")";
    case RaceRule::kMomentum: return "torch.optim.SGD(" + lr + hyper_text("momentum", h.momentum) + wd + ")";
    case RaceRule::kNesterov:
      return "torch.optim.SGD(" + lr + hyper_text("momentum", h.momentum) + ", nesterov=True" + wd + ")";
    case RaceRule::kAdagrad: return "torch.optim.Adagrad(" + lr + hyper_text("eps", h.epsilon) + wd + ")";
    case RaceRule::kRmsprop:
      return "torch.optim.RMSprop(" + lr + hyper_text("alpha", h.alpha) + hyper_text("eps", h.epsilon) + wd +
             hyper_text("momentum", h.momentum) + ")";
    case RaceRule::kAdam: return "torch.optim.Adam(" + lr + betas + hyper_text("eps", h.epsilon) + wd + ")";
    case RaceRule::kAdamW: return "torch.optim.AdamW(" + lr + betas + hyper_text("eps", h.epsilon) + wd + ")";
    case RaceRule::kNewton: return {};
  }
  return {};
}

expr::Expected<std::string> torch_function(const std::string& text, const expr::Vars& start) {
  auto program = expr::compile(text, expr::names_of(start));
  if (!program) return program.error();
  const expr::Graph& g = program->graph;
  const std::size_t size = g.size();
  // Which nodes f reads, and how often: a node read twice gets its own line.
  std::vector<int> uses(size, 0);
  std::vector<char> needed(size, 0);
  needed[static_cast<std::size_t>(program->output)] = 1;
  for (std::size_t i = size; i-- > 0;) {
    if (!needed[i]) continue;
    const expr::Node& n = g[static_cast<expr::NodeId>(i)];
    for (expr::NodeId in : {n.a, n.b, n.c}) {
      if (in == expr::kNoNode) continue;
      needed[static_cast<std::size_t>(in)] = 1;
      ++uses[static_cast<std::size_t>(in)];
    }
  }
  std::vector<std::string> texts(size);
  std::string body;
  int temporaries = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (!needed[i]) continue;
    const expr::Node& n = g[static_cast<expr::NodeId>(i)];
    if (n.op == expr::Op::kConst) {
      texts[i] = n.name == "pi" ? "math.pi" : n.name == "e" ? "math.e" : literal(n.value);
      continue;
    }
    if (n.op == expr::Op::kVar) {
      std::size_t k = 0;
      while (k < start.size() && start[k].first != n.name) ++k;
      if (k < start.size()) {
        texts[i] = python_name(n.name, k);
        continue;
      }
      const expr::Input* input = program->find_input(n.name);
      if (!input || !input->default_value) return expr::Error{"'" + n.name + "' has no value", {}};
      texts[i] = literal(*input->default_value);  // a program's own number (a = 3)
      continue;
    }
    std::string t = node_text(n, texts, g);
    if (t.empty()) return expr::Error{"torch has no one operation for " + std::string(expr::op_name(n.op)), {}};
    if (uses[i] > 1 && i != static_cast<std::size_t>(program->output)) {
      const std::string name = "t" + std::to_string(++temporaries);
      body += "    " + name + " = " + t + "\n";
      t = name;
    }
    texts[i] = t;
  }
  return body + "    return " + texts[static_cast<std::size_t>(program->output)] + "\n";
}

std::string race_pytorch_script(const std::string& text, const expr::Vars& start, const RaceState& race,
                                const RaceModel& model) {
  std::string names, values;
  for (std::size_t k = 0; k < start.size(); ++k) {
    names += (k ? ", " : "") + python_name(start[k].first, k);
    values += (k ? ", " : "") + literal(start[k].second);
  }
  auto body = torch_function(text, start);
  std::string s;
  s += "# The playground's optimizer race in PyTorch: each racer from the same start, the same number of\n";
  s += "# steps, with torch.optim's own update rules. The playground's last point is printed beside torch's.\n";
  s += "import math\nimport torch\n\n";
  s += "def T(v):  # a number as a float64 tensor, where a torch function needs one\n";
  s += "    return torch.as_tensor(v, dtype=torch.float64)\n\n";
  s += "# f as typed: " + text + "\n";
  s += "def f(" + names + "):\n";
  s += body ? *body : "    raise NotImplementedError(" + std::string("\"") + body.error().message + "\")\n";
  s += "\ndef run(make_optimizer, steps):\n";
  s += "    p = torch.tensor([" + values + "], dtype=torch.float64, requires_grad=True)\n";
  s += "    optimizer = make_optimizer([p])\n";
  s += "    for step in range(steps):\n";
  s += "        optimizer.zero_grad()\n";
  s += "        f(*p).backward()\n";
  if (race.noise > 0) {
    s += "        # The playground adds Gaussian noise (sigma " + literal(race.noise) + ", seed " +
         std::to_string(race.seed) + ") from its own generator here:\n";
    s += "        # torch.randn draws other numbers, so with noise only the first point matches.\n";
    s += "        p.grad += " + literal(race.noise) + " * torch.randn(p.shape, dtype=torch.float64)\n";
  }
  s += "        optimizer.step()\n";
  s += "    return p.detach(), f(*p).item()\n\n";
  if (start.size() == 1) {
    s += "def newton(gamma, steps):  # x <- x - gamma * f'(x) / f''(x)\n";
    s += "    x = torch.tensor(" + literal(start[0].second) + ", dtype=torch.float64, requires_grad=True)\n";
    s += "    for step in range(steps):\n";
    s += "        (slope,) = torch.autograd.grad(f(x), x, create_graph=True)\n";
    s += "        (curvature,) = torch.autograd.grad(slope, x)\n";
    s += "        x = (x - gamma * slope / curvature).detach().requires_grad_()\n";
    s += "    return x.detach().reshape(1), f(x).item()\n\n";
  }
  s += "racers = [  # name, steps, how to run it, the playground's last point and f\n";
  for (std::size_t r = 0; r < race.racers.size() && r < model.racers(); ++r) {
    const RacerSettings& racer = race.racers[r];
    const optim::Path& path = model.path(r);
    const long steps = model.steps_taken(r);
    std::string point = "[";
    const std::size_t n = path.variables.size();
    for (std::size_t k = 0; k < n; ++k) point += (k ? ", " : "") + literal(path.values[(path.points() - 1) * n + k]);
    point += "]";
    const std::string f = path.points() ? literal(path.f.back()) : "math.nan";
    const std::string title = std::to_string(r + 1) + " " + racer_title(racer.rule);
    const std::string how = racer.rule == RaceRule::kNewton
                                ? "lambda steps: newton(" + literal(racer.hyper.learning_rate) + ", steps)"
                                : "lambda steps: run(lambda params: " + torch_optimizer(racer) + ", steps)";
    s += "    (\"" + title + "\", " + std::to_string(steps) + ", " + how + ", " + point + ", " + f + "),\n";
    if (!model.message(r).empty()) s += "    # " + model.message(r) + "\n";
  }
  s += "]\n\n";
  s += "for name, steps, how, playground_point, playground_f in racers:\n";
  s += "    point, value = how(steps)\n";
  s += "    print(f\"{name} after {steps} steps: torch {point.tolist()} f = {value!r}\")\n";
  s += "    print(f\"{' ' * len(name)}    playground {playground_point} f = {playground_f!r}\")\n";
  return s;
}

}  // namespace bp::app
