// Graph mode's two experiments as numbers: "check gradients" (every input's autodiff gradient
// against a finite difference of the learner's scheme and h, with kinks and domain errors flagged) and "nudge" (move an input a
// little along its gradient; the predicted change of the output against the actual one).
// No ImGui: tested natively.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "expr/engine.hpp"

namespace bp::app {

// The finite difference the check compares with: function mode's controls, the same scheme and an
// absolute h, so the seed's (((a+h)*b + c) − (a*b + c))/h with h = 0.0001 is reproduced digit for digit.
struct CheckSettings {
  expr::Scheme scheme = expr::Scheme::kCentral;
  double h = 1e-5;
  bool operator==(const CheckSettings& o) const { return scheme == o.scheme && h == o.h; }
  bool operator!=(const CheckSettings& o) const { return !(*this == o); }
};

struct CheckRow {
  std::string name;
  double grad = 0;      // autodiff
  double estimate = 0;  // the settings' finite difference; NaN when it failed
  // |estimate − grad| relative to the larger of 1, |grad|, |estimate|.
  double relative_error() const {
    return std::fabs(estimate - grad) / std::max({1.0, std::fabs(grad), std::fabs(estimate)});
  }
};

// The check's rows, kept while the program and the values stay: each row evaluates the program
// twice, so a program with thousands of inputs fills its table over several frames.
class GradientCheck {
 public:
  // Adds rows until `deadline` (now_ms()), at least one. `program` is `text` compiled. New settings,
  // text or values start the rows again.
  void update(const std::string& text, const expr::Program& program, const expr::Vars& vars, double deadline,
              const CheckSettings& settings = {});
  const std::vector<CheckRow>& rows() const { return rows_; }
  std::size_t input_count() const { return exact_.size(); }
  bool is_complete() const { return rows_.size() >= exact_.size(); }

 private:
  std::string text_;
  expr::Vars vars_;
  CheckSettings settings_;
  bool started_ = false;
  std::vector<std::pair<std::string, double>> exact_;
  std::vector<CheckRow> rows_;
};

// Why a central difference with step h may disagree with autodiff here, or "" when nothing
// suspicious is near: a value that is not finite, or relu/abs/sign/step evaluated near its corner.
std::string gradient_check_caveat(const expr::GraphExport& graph, double h);

// Moving input `chosen` by ε·∂out/∂input, along the gradient: the output should rise.
struct Nudge {
  std::string name;             // the input moved
  double grad = 0;              // ∂out/∂input
  double dx = 0;                // ε·grad
  double predicted = 0;         // grad·dx
  std::optional<double> actual;  // out(x + dx) − out(x); none when the program fails there
};
Nudge nudge(const expr::Program& program, const expr::Vars& vars, const expr::GraphExport& graph,
            std::size_t chosen, double epsilon);

}  // namespace bp::app
