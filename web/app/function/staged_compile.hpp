// Function mode's compile of the learner's text, cut into stages so that a long text (up to the
// 20,000 characters a field holds) is compiled over a few frames instead of stalling one.
// No ImGui, no browser: tested natively.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "expr/engine.hpp"
#include "expr/function1d.hpp"

namespace bp::app {

// Past this many operations a frame's samples (thousands of evaluations) would freeze the tab.
inline constexpr std::size_t kMaxPlottedNodes = 20000;

// What function mode derives from the text. Until the stages of a new text reach f, the previous
// f stays; a text that does not compile keeps the last good f (with its derivative and reading) beside
// its error, so the picture of the last good function stays on screen, marked stale.
class StagedCompile {
 public:
  // Forgets the stages done so far and starts compiling `text` (nothing runs until advance()).
  void start(const std::string& text);
  // Runs stages until done or until the next would end past `deadline` (now_ms()), at least one.
  void advance(double deadline);
  bool is_done() const { return stage_ == Stage::kDone; }
  // True once f (or its error) is of text(); the derivative and the reading may still follow.
  // With an error, f is still the last good one (generation() unchanged).
  bool has_new_function() const { return stage_ > Stage::kFunction; }

  const std::string& text() const { return text_; }
  bool has_function() const { return f_.has_value(); }
  // The f shown is of an earlier text: this one has an error.
  bool is_stale() const { return error_.has_value() && f_.has_value(); }
  expr::Function1D* function() { return f_ ? &*f_ : nullptr; }  // evaluating moves its tape: not const
  const expr::Error* error() const { return error_ ? &*error_ : nullptr; }
  const std::string& variable() const { return variable_; }      // x, t in `f(t) = …`, or the one free name
  const std::string& derivative() const { return derivative_; }  // symbolic f′, its error, or "…"
  // f′ compiled from its symbolic text: its slope is f″ (the Taylor parabola, Newton's method). Null
  // until the derivative stage is done, or when f′ has no text (its error) or that text does not compile.
  expr::Function1D* slope_function() { return slope_ ? &*slope_ : nullptr; }
  const std::string& reading() const { return reading_; }        // fully parenthesised, or "…"
  // Counts the functions f has held: anything computed from an older one is stale.
  std::uint64_t generation() const { return generation_; }

 private:
  enum class Stage { kParse, kFunction, kDerivative, kSlope, kReading, kDone };
  void run_stage();
  void parse();
  void build_function();
  void read();

  std::string text_;
  Stage stage_ = Stage::kParse;
  std::string variable_ = "x";
  std::optional<expr::Program> program_;  // text_ compiled with x as the caller's name
  std::optional<expr::Function1D> f_;
  std::optional<expr::Function1D> slope_;  // f′, from derivative_
  std::optional<expr::Error> error_;
  std::string derivative_;
  bool has_derivative_text_ = false;  // derivative_ is f′'s text, not its error
  std::string reading_;
  std::uint64_t generation_ = 0;
};

// The parser's ASCII reading as a learner writes it: · for *, − for -, superscripts for whole powers.
std::string pretty_reading(const std::string& ascii);

}  // namespace bp::app
