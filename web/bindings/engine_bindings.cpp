// The engine's JavaScript API as embind functions. engine_api.js wraps them into the documented
// API (argument checks, lone-surrogate repair); this file turns engine results into JS objects and
// byte spans into JavaScript string indices.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <malloc.h>

#include <cmath>
#include <cstdint>
#include <list>
#include <string>
#include <vector>

#include "expr/engine.hpp"
#include "expr/function1d.hpp"
#include "expr/printer.hpp"
#include "expr/tape.hpp"
#include "optim/optimize.hpp"

using emscripten::val;
using namespace bp::expr;

namespace {

// UTF-16 index of a byte offset in UTF-8 text: JavaScript strings count UTF-16 code units.
std::size_t utf16_index(const std::string& text, std::size_t byte) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) != 0x80) units += b >= 0xF0 ? 2 : 1;
  }
  return units;
}

val error_object(const std::string& text, const Error& error) {
  val e = val::object();
  e.set("message", error.message);
  e.set("start", static_cast<double>(utf16_index(text, error.span.start)));
  e.set("end", static_cast<double>(utf16_index(text, error.span.end)));
  val out = val::object();
  out.set("error", e);
  return out;
}

Vars to_vars(const val& names, const val& values) {
  Vars vars;
  const auto n = names["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) vars.emplace_back(names[i].as<std::string>(), values[i].as<double>());
  return vars;
}

// The text of the current call, which the wrapper writes straight into the module's memory
// (textBuffer, then HEAPU8.set) and does not write again while the text stays the same: embind
// copied a string argument byte by byte in JavaScript, 40 % of a gradient() call on the G
// benchmark's 75 KB program.
std::string& current_text() {
  static std::string text;
  return text;
}

// Room for the next text of `length` bytes: its address in the module's memory.
double text_buffer(double length) {
  std::string& text = current_text();
  text.assign(static_cast<std::size_t>(length), '\0');
  return static_cast<double>(reinterpret_cast<std::uintptr_t>(text.data()));
}

// Programs compiled recently, so a page or a test that asks about the same text again skips the
// parse. Keyed by the text and the names the caller gives values to (they change how names read).
class ProgramCache {
 public:
  const Expected<Program>& get(const std::string& text, const Vars& vars) {
    // Compared in place: building a key of text and names copied a 75 KB program on every call.
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->names.size() == vars.size() && it->text == text && same_names(it->names, vars)) {
        entries_.splice(entries_.begin(), entries_, it);
        return entries_.front().program;
      }
    }
    entries_.push_front(Entry{text, names_of(vars), compile(text, names_of(vars))});
    if (entries_.size() > kCapacity) entries_.pop_back();
    return entries_.front().program;
  }

 private:
  struct Entry {
    std::string text;
    std::vector<std::string> names;
    Expected<Program> program;
  };
  static bool same_names(const std::vector<std::string>& names, const Vars& vars) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] != vars[i].first) return false;
    }
    return true;
  }
  static constexpr std::size_t kCapacity = 16;
  std::list<Entry> entries_;
};

ProgramCache& cache() {
  static ProgramCache instance;
  return instance;
}

// { value, grad: { name: dL/dname } }: what gradient() gives JavaScript.
val gradient_object(const ValueAndGradient& result) {
  val grad = val::object();
  for (const auto& [name, g] : result.grad) grad.set(name, g);
  val out = val::object();
  out.set("value", result.value);
  out.set("grad", grad);
  return out;
}

val evaluate_js(const val& names, const val& values) {
  const std::string& text = current_text();
  const Vars vars = to_vars(names, values);
  const auto& program = cache().get(text, vars);
  if (!program) return error_object(text, program.error());
  auto result = evaluate(*program, vars);
  if (!result) return error_object(text, result.error());
  val out = val::object();
  out.set("value", *result);
  return out;
}

val gradient_js(const val& names, const val& values) {
  const std::string& text = current_text();
  const Vars vars = to_vars(names, values);
  const auto& program = cache().get(text, vars);
  if (!program) return error_object(text, program.error());
  auto result = gradient(*program, vars);
  if (!result) return error_object(text, result.error());
  return gradient_object(*result);
}

val numerical_derivative_js(const std::string& variable, const val& names,
                            const val& values, double h, int scheme) {
  const std::string& text = current_text();
  const Vars vars = to_vars(names, values);
  const auto& program = cache().get(text, vars);
  if (!program) return error_object(text, program.error());
  auto result = numerical_derivative(*program, variable, vars, h, static_cast<Scheme>(scheme));
  if (!result) return error_object(text, result.error());
  val out = val::object();
  out.set("value", result->value);
  out.set("slope", result->slope);
  return out;
}

val derivative_js(const std::string& variable) {
  const std::string& text = current_text();
  auto result = derivative(text, variable);
  if (!result) return error_object(text, result.error());
  val out = val::object();
  out.set("expr", *result);
  return out;
}

val graph_js(const val& names, const val& values) {
  const std::string& text = current_text();
  const Vars vars = to_vars(names, values);
  const auto& program = cache().get(text, vars);
  if (!program) return error_object(text, program.error());
  auto result = graph(*program, vars);
  if (!result) return error_object(text, result.error());
  val nodes = val::array();
  for (const auto& node : result->nodes) {
    val n = val::object();
    n.set("id", node.id);
    n.set("op", node.op);
    n.set("label", node.label);
    n.set("value", node.value);
    n.set("grad", node.grad ? val(*node.grad) : val::null());
    val inputs = val::array();
    for (int input : node.inputs) inputs.call<void>("push", input);
    n.set("inputs", inputs);
    nodes.call<void>("push", n);
  }
  val out = val::object();
  out.set("nodes", nodes);
  out.set("output", result->output);
  return out;
}

// `names`: the names the caller will give values to; they read as variables (`x(x+1)` is a product).
val reading_js(const val& names) {
  const std::string& text = current_text();
  std::vector<std::string> given;
  const auto n = names["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) given.push_back(names[i].as<std::string>());
  auto program = compile(text, given);
  if (!program) return error_object(text, program.error());
  auto printed = print_reading(program->graph, program->output);
  if (!printed) return error_object(text, printed.error());
  val out = val::object();
  out.set("reading", *printed);
  return out;
}

// f and f' at every x in one call: the plot's hot path (one parse, no per-point JS crossing).
val sample_js(const std::string& variable, const val& names, const val& values,
              const val& xs_array) {
  const std::string& text = current_text();
  auto f = Function1D::compile(text, variable, to_vars(names, values));
  if (!f) return error_object(text, f.error());
  const std::vector<double> xs = emscripten::convertJSArrayToNumberVector<double>(xs_array);
  std::vector<double> ys(xs.size()), dys(xs.size());
  f->sample(xs.data(), xs.size(), ys.data(), dys.data());
  val out = val::object();
  out.set("values", val(emscripten::typed_memory_view(ys.size(), ys.data())).call<val>("slice"));
  out.set("slopes", val(emscripten::typed_memory_view(dys.size(), dys.data())).call<val>("slice"));
  return out;
}

// A program compiled once and kept in the module (engine.compile): its parsed program and tape stay
// here, so a call sends no text. io_ is the calls' exchange buffer in the module's memory, which the
// wrapper reads and writes in place: the input values (one per program input, in order), then the
// output's value, then the gradient (one per input).
class ProgramHandle {
 public:
  ProgramHandle(std::string text, const Vars& vars) : text_(std::move(text)), program_(compile(text_, names_of(vars))) {
    if (!program_) return;
    tape_ = &tape_of(*program_);
    const std::size_t n = program_->inputs.size();
    io_.assign(2 * n + 1, 0.0);
  }

  // null, or { error } as the other calls give it.
  val error() const { return program_ ? val::null() : error_object(text_, program_.error()); }

  val variables() const {
    val names = val::array();
    for (const Input& input : program_->inputs) names.call<void>("push", input.name);
    return names;
  }

  // The program's own values (`a = 3`) per input, NaN where it gives none.
  val defaults() const {
    val values = val::array();
    for (const Input& input : program_->inputs) values.call<void>("push", input.default_value.value_or(NAN));
    return values;
  }

  double io() const { return static_cast<double>(reinterpret_cast<std::uintptr_t>(io_.data())); }

  // The fast path: inputs from io_, the value (and gradient) written after them.
  void evaluate_io() {
    const std::size_t n = program_->inputs.size();
    io_[n] = tape_->forward(io_.data());
  }
  void gradient_io() {
    const std::size_t n = program_->inputs.size();
    io_[n] = tape_->forward(io_.data());
    tape_->backward();
    for (std::size_t i = 0; i < n; ++i) io_[n + 1 + i] = tape_->grad_of_input(static_cast<int>(i));
  }

  // Values by name, as engine.evaluate / engine.gradient take them (and with their messages).
  val evaluate_vars(const val& names, const val& values) {
    auto result = evaluate(*program_, to_vars(names, values));
    if (!result) return error_object(text_, result.error());
    val out = val::object();
    out.set("value", *result);
    return out;
  }
  val gradient_vars(const val& names, const val& values) {
    auto result = gradient(*program_, to_vars(names, values));
    if (!result) return error_object(text_, result.error());
    return gradient_object(*result);
  }

 private:
  std::string text_;
  Expected<Program> program_;
  Tape* tape_ = nullptr;
  std::vector<double> io_;
};

// The numbers of one racer's settings in race_js's `settings`, in this order (optimize_api.mjs writes them).
constexpr int kSettingsPerRacer = 12;

bp::optim::Racer racer_from(const Vars& start, const std::vector<double>& settings, std::size_t r) {
  const double* s = settings.data() + r * kSettingsPerRacer;
  bp::optim::Racer racer;
  racer.start = start;
  bp::optim::OptimizeOptions& o = racer.options;
  o.rule = bp::optim::kRules[static_cast<int>(s[0])];
  o.hyper = {s[1], s[2], s[3], s[4], s[5], s[6], s[7]};  // lr, momentum, alpha, beta1, beta2, eps, weight decay
  o.steps = static_cast<long>(s[8]);
  o.noise = s[9];
  o.seed = static_cast<std::uint64_t>(s[10]);
  o.limit = s[11];
  return racer;
}

// Racers on one text from one start, stepped together: → { data, racers: [{ variables, points, diverged,
// reason }] }, or { error }. data is one Float64Array holding each racer's path in turn (values, points ×
// variables; f, points; grad, points × variables), which optimize_api.mjs cuts into views. Each path is
// copied once, straight from the engine's vectors into data: gathering them into one vector first and
// slicing that was a second copy of every number, a fifth of a 10,000-step race's time (profile, bench O).
// `settings`: kSettingsPerRacer numbers per racer. `into`: a Float64Array to write data into when it is long
// enough (a caller's earlier result, optimize_api.mjs), else undefined. A fresh 2.4 MB array per 10,000-step
// race of six costs about 590 page faults, which made a repeated race three times slower (bench O).
val race_js(const val& names, const val& values, const val& settings_array, const val& into) {
  const std::string& text = current_text();
  const Vars start = to_vars(names, values);
  const auto& program = cache().get(text, start);
  if (!program) return error_object(text, program.error());
  const std::vector<double> settings = emscripten::convertJSArrayToNumberVector<double>(settings_array);
  std::vector<bp::optim::Racer> racers;
  for (std::size_t r = 0; r < settings.size() / kSettingsPerRacer; ++r) {
    racers.push_back(racer_from(start, settings, r));
  }
  auto results = bp::optim::race(*program, racers);
  if (!results) return error_object(text, results.error());
  std::size_t total = 0;
  for (const bp::optim::OptimizeResult& result : *results) {
    total += result.path.values.size() + result.path.f.size() + result.path.grad.size();
  }
  const bool reuse = !into.isUndefined() && into["length"].as<double>() >= static_cast<double>(total);
  val data = reuse ? into : val::global("Float64Array").new_(static_cast<double>(total));
  double at = 0;
  const auto put = [&](const std::vector<double>& numbers) {
    data.call<void>("set", val(emscripten::typed_memory_view(numbers.size(), numbers.data())), at);
    at += static_cast<double>(numbers.size());
  };
  val list = val::array();
  for (const bp::optim::OptimizeResult& result : *results) {
    const bp::optim::Path& path = result.path;
    put(path.values);
    put(path.f);
    put(path.grad);
    val one = val::object();
    val variables = val::array();
    for (const std::string& name : path.variables) variables.call<void>("push", name);
    one.set("variables", variables);
    one.set("points", static_cast<double>(path.points()));
    one.set("diverged", result.diverged);
    one.set("reason", result.reason);
    list.call<void>("push", one);
  }
  val out = val::object();
  out.set("data", data);
  out.set("racers", list);
  return out;
}

ProgramHandle* compile_program(const val& names, const val& values) {
  const std::string& text = current_text();
  return new ProgramHandle(text, to_vars(names, values));
}

}  // namespace

// Bytes malloc has handed out and not had back: a leak shows here long before the heap grows.
double heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

EMSCRIPTEN_BINDINGS(backprop_engine) {
  emscripten::function("heapInUse", &heap_in_use);
  emscripten::function("textBuffer", &text_buffer);
  emscripten::function("evaluate", &evaluate_js);
  emscripten::function("gradient", &gradient_js);
  emscripten::function("numericalDerivative", &numerical_derivative_js);
  emscripten::function("derivative", &derivative_js);
  emscripten::function("graph", &graph_js);
  emscripten::function("reading", &reading_js);
  emscripten::function("sample", &sample_js);
  emscripten::function("race", &race_js);
  emscripten::class_<ProgramHandle>("ProgramHandle")
      .function("error", &ProgramHandle::error)
      .function("variables", &ProgramHandle::variables)
      .function("defaults", &ProgramHandle::defaults)
      .function("io", &ProgramHandle::io)
      .function("evaluateIo", &ProgramHandle::evaluate_io)
      .function("gradientIo", &ProgramHandle::gradient_io)
      .function("evaluateVars", &ProgramHandle::evaluate_vars)
      .function("gradientVars", &ProgramHandle::gradient_vars);
  emscripten::function("compileProgram", &compile_program, emscripten::allow_raw_pointers());
}
