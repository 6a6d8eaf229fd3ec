// Gradient check: compares reverse-mode gradients with central finite differences. Used by the
// tests and by the page's "check gradients" button. Engine-only, no UI.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "expr/engine.hpp"

namespace bp {

struct GradcheckReport {
  bool ok = true;
  int checked = 0;       // variables compared
  std::string message;   // the first mismatch, or why the check could not run
};

// Relative tolerance on max(1, |g|); central differences with h = 1e-5 · max(1, |x|).
inline constexpr double kGradcheckTolerance = 1e-5;

GradcheckReport gradcheck(const std::string& text, const expr::Vars& vars);
// Compares given gradient values (name, value) against central differences of text at vars.
GradcheckReport check_gradient_values(const std::vector<std::pair<std::string, double>>& grads,
                                      const std::string& text, const expr::Vars& vars);

}  // namespace bp
