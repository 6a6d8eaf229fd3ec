// Gradient check by central differences.
#include "gradcheck.hpp"

#include <algorithm>
#include <cmath>

namespace bp {

GradcheckReport check_gradient_values(const std::vector<std::pair<std::string, double>>& grads,
                                      const std::string& text, const expr::Vars& vars) {
  GradcheckReport report;
  for (const auto& [name, analytic] : grads) {
    double x = 0;
    for (const auto& [key, v] : vars) {
      if (key == name) x = v;
    }
    const double h = 1e-5 * std::max(1.0, std::fabs(x));
    auto numeric = expr::numerical_derivative(text, name, vars, h, expr::Scheme::kCentral);
    if (!numeric) return {false, report.checked, numeric.error().message};
    if (!std::isfinite(numeric->slope) || !std::isfinite(analytic)) continue;  // nothing to compare
    ++report.checked;
    const double scale = std::max(1.0, std::fabs(analytic));
    if (std::fabs(numeric->slope - analytic) > kGradcheckTolerance * scale) {
      report.ok = false;
      report.message = "d/d" + name + ": reverse mode " + std::to_string(analytic) + ", central differences " +
                       std::to_string(numeric->slope);
      return report;
    }
  }
  return report;
}

GradcheckReport gradcheck(const std::string& text, const expr::Vars& vars) {
  auto g = expr::gradient(text, vars);
  if (!g) return {false, 0, g.error().message};
  return check_gradient_values(g->grad, text, vars);
}

}  // namespace bp
