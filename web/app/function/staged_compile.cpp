// The stages: parse, f, symbolic f′, f′ compiled (for f″), reading. Each is at most one pass over the text or its graph
// (about 20 ms for 20,000 characters), so a frame runs one or, for short texts, all of them.
#include "function/staged_compile.hpp"

#include <cctype>
#include <utility>

#include "clock.hpp"
#include "expr/printer.hpp"

namespace bp::app {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// f′'s text is compiled for f″ up to the length a field holds: one stage's pass, about 20 ms.
constexpr std::size_t kMaxSlopeText = 20000;

}  // namespace

std::string pretty_reading(const std::string& ascii) {
  static const char* kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    const char c = ascii[i];
    if (c == '*') {
      out += "·";
    } else if (c == '-') {
      out += "−";
    } else if (c == '^' && i + 1 < ascii.size() && is_digit(ascii[i + 1])) {
      while (i + 1 < ascii.size() && is_digit(ascii[i + 1])) out += kSuperscripts[ascii[++i] - '0'];
    } else {
      out += c;
    }
  }
  return out;
}

void StagedCompile::start(const std::string& text) {
  text_ = text;
  stage_ = Stage::kParse;
}

// The stages of one text take about as long as each other, so the last one's time is the next
// one's estimate.
void StagedCompile::advance(double deadline) {
  double now = now_ms();
  for (;;) {
    const double start = now;
    run_stage();
    now = now_ms();
    if (stage_ == Stage::kDone || now + (now - start) > deadline) return;
  }
}

void StagedCompile::run_stage() {
  switch (stage_) {
    case Stage::kParse: parse(); return;
    case Stage::kFunction: build_function(); return;
    case Stage::kDerivative: {
      auto d = expr::derivative(text_, variable_);
      derivative_ = d ? *d : d.error().message;
      has_derivative_text_ = d.ok();
      stage_ = Stage::kSlope;
      return;
    }
    case Stage::kSlope: {  // f′ compiled on its own frame, and only as long as a field's text: no f″ beyond
      slope_.reset();
      const bool compiles = has_derivative_text_ && derivative_.size() <= kMaxSlopeText;
      auto slope = compiles ? expr::Function1D::compile(derivative_, variable_, {})
                            : expr::Expected<expr::Function1D>(expr::Error{});
      if (slope) slope_.emplace(std::move(*slope));
      stage_ = Stage::kReading;
      return;
    }
    case Stage::kReading: read(); return;
    case Stage::kDone: return;
  }
}

void StagedCompile::parse() {
  auto program = expr::compile(text_, {"x"});
  program_.reset();
  if (program) program_.emplace(std::move(*program));
  // As the network's samples of f read it. A text that does not parse keeps the last good f's.
  if (program_) variable_ = expr::variable_of(*program_);
  stage_ = Stage::kFunction;
  if (!program_ || program_->graph.size() <= kMaxPlottedNodes) return;
  error_ = expr::Error{"this function has " + std::to_string(program_->graph.size()) +
                           " operations; the plot takes at most " + std::to_string(kMaxPlottedNodes) +
                           " (the JavaScript API evaluates longer ones)",
                       {0, text_.size()}};
  program_.reset();
  stage_ = Stage::kDone;
}

void StagedCompile::build_function() {
  auto f = expr::Function1D::compile(text_, variable_, {});
  error_.reset();
  if (!f) {  // the last good f, its derivative and reading stay on screen, marked stale by the error
    error_ = f.error();
    program_.reset();
    stage_ = Stage::kDone;
    return;
  }
  f_.emplace(std::move(*f));
  slope_.reset();
  ++generation_;
  derivative_ = "…";
  reading_ = "…";
  stage_ = Stage::kDerivative;
}

void StagedCompile::read() {
  std::optional<expr::Program> other;
  if (variable_ != "x") {  // the reading names f's own variable as the caller's
    if (auto program = expr::compile(text_, {variable_})) other.emplace(std::move(*program));
  }
  const std::optional<expr::Program>& program = variable_ == "x" ? program_ : other;
  reading_.clear();
  if (program) {
    auto reading = expr::print_reading(program->graph, program->output);
    reading_ = reading ? pretty_reading(*reading) : reading.error().message;
  }
  program_.reset();  // only the reading needed it
  stage_ = Stage::kDone;
}

}  // namespace bp::app
