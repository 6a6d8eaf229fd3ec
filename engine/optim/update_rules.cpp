// The update rules, one case per optimizer, each line beside the line of torch.optim's documented
// algorithm it computes (θ parameters, g gradient, γ lr, λ weight decay, t the step from 1).
#include "optim/update_rules.hpp"

#include <cmath>

namespace bp::optim {

std::string_view rule_name(Rule rule) {
  switch (rule) {
    case Rule::kSgd: return "sgd";
    case Rule::kMomentum: return "momentum";
    case Rule::kNesterov: return "nesterov";
    case Rule::kAdagrad: return "adagrad";
    case Rule::kRmsprop: return "rmsprop";
    case Rule::kAdam: return "adam";
    case Rule::kAdamW: return "adamw";
  }
  return "?";
}

std::optional<Rule> rule_named(std::string_view name) {
  for (Rule rule : kRules) {
    if (rule_name(rule) == name) return rule;
  }
  return std::nullopt;
}

Hyperparameters defaults_for(Rule rule) {
  Hyperparameters h;
  switch (rule) {
    case Rule::kSgd: break;                                            // SGD(lr=1e-3)
    case Rule::kMomentum:                                              // SGD(lr=1e-3, momentum=0.9)
    case Rule::kNesterov: h.momentum = 0.9; break;                     // ... nesterov=True
    case Rule::kAdagrad: h.learning_rate = 1e-2; h.epsilon = 1e-10; break;  // Adagrad(lr=1e-2, eps=1e-10)
    case Rule::kRmsprop: h.learning_rate = 1e-2; break;                // RMSprop(lr=1e-2, alpha=0.99, eps=1e-8)
    case Rule::kAdam: break;                                           // Adam(lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    case Rule::kAdamW: h.weight_decay = 1e-2; break;                   // AdamW(..., weight_decay=1e-2)
  }
  return h;
}

int state_slots(Rule rule, const Hyperparameters& h) {
  switch (rule) {
    case Rule::kSgd: return 0;
    case Rule::kMomentum:
    case Rule::kNesterov:
    case Rule::kAdagrad: return 1;
    case Rule::kRmsprop: return h.momentum > 0 ? 2 : 1;
    case Rule::kAdam:
    case Rule::kAdamW: return 2;
  }
  return 2;
}

namespace {

// if λ ≠ 0: g ← g + λθ. Skipped at λ = 0 as torch does (0·θ would turn an infinite θ into NaN).
double with_l2(double g, double p, double weight_decay) { return weight_decay != 0 ? g + weight_decay * p : g; }

// SGD's momentum and Nesterov: b ← g at t = 1, else b ← μb + (1 − τ)g with dampening τ = 0.
void sgd_momentum(const Hyperparameters& h, long step, bool nesterov, double* __restrict p,
                  const double* __restrict g, double* __restrict b, std::size_t n) {
  const double lr = h.learning_rate, mu = h.momentum;
  for (std::size_t k = 0; k < n; ++k) {
    double gk = with_l2(g[k], p[k], h.weight_decay);
    b[k] = step > 1 ? mu * b[k] + gk : gk;
    gk = nesterov ? gk + mu * b[k] : b[k];  // nesterov: g ← g + μb, else g ← b
    p[k] -= lr * gk;                        // θ ← θ − γg
  }
}

// 1 − βᵗ, as torch computes it (1 - beta ** step, C's pow). Once t(1 − β) ≥ 45, βᵗ ≤ e^(−t(1 − β)) < 2⁻⁶⁴
// (ln β ≤ β − 1), so pow's βᵗ, within an ulp of that, is far below the half ulp of 1 (2⁻⁵⁴) and 1 − βᵗ rounds
// to 1 exactly: the same bits without the call (pow was 5 % of a 10,000-step race's instructions, bench O).
double bias_correction(double beta, long step) {
  const double t = static_cast<double>(step);
  if (t * (1 - beta) >= 45) return 1.0;
  return 1 - std::pow(beta, t);
}

// Adam and AdamW: bias-corrected moments; AdamW decays θ itself first instead of adding λθ to g.
void adam(const Hyperparameters& h, long step, bool decoupled, double* __restrict p, const double* __restrict g,
          double* __restrict m, double* __restrict v, std::size_t n) {
  const double lr = h.learning_rate, b1 = h.beta1, b2 = h.beta2;
  const double correction1 = bias_correction(b1, step);  // 1 − β1ᵗ
  const double correction2 = bias_correction(b2, step);  // 1 − β2ᵗ
  for (std::size_t k = 0; k < n; ++k) {
    double gk = g[k];
    if (decoupled) {
      p[k] -= lr * h.weight_decay * p[k];  // AdamW: θ ← θ − γλθ
    } else {
      gk = with_l2(gk, p[k], h.weight_decay);
    }
    m[k] = b1 * m[k] + (1 - b1) * gk;        // m ← β1 m + (1 − β1) g
    v[k] = b2 * v[k] + (1 - b2) * (gk * gk);  // v ← β2 v + (1 − β2) g²
    const double m_hat = m[k] / correction1;  // m̂ ← m / (1 − β1ᵗ)
    const double v_hat = v[k] / correction2;  // v̂ ← v / (1 − β2ᵗ)
    p[k] -= lr * m_hat / (std::sqrt(v_hat) + h.epsilon);  // θ ← θ − γ m̂ / (√v̂ + ε)
  }
}

}  // namespace

void update(Rule rule, const Hyperparameters& h, long step, double* __restrict p, const double* __restrict g,
            double* __restrict s1, double* __restrict s2, std::size_t n) {
  const double lr = h.learning_rate;
  switch (rule) {
    case Rule::kSgd:
      if (h.weight_decay == 0) {
        for (std::size_t k = 0; k < n; ++k) p[k] -= lr * g[k];  // θ ← θ − γg (a plain loop: it vectorises)
      } else {
        for (std::size_t k = 0; k < n; ++k) p[k] -= lr * with_l2(g[k], p[k], h.weight_decay);
      }
      return;
    case Rule::kMomentum: return sgd_momentum(h, step, false, p, g, s1, n);
    case Rule::kNesterov: return sgd_momentum(h, step, true, p, g, s1, n);
    case Rule::kAdagrad:  // lr_decay 0: γ̃ = γ / (1 + (t − 1)·0) = γ
      for (std::size_t k = 0; k < n; ++k) {
        const double gk = with_l2(g[k], p[k], h.weight_decay);
        s1[k] += gk * gk;                                  // state_sum ← state_sum + g²
        p[k] -= lr * gk / (std::sqrt(s1[k]) + h.epsilon);  // θ ← θ − γ̃ g / (√state_sum + ε)
      }
      return;
    case Rule::kRmsprop:  // centered=False: ṽ = v
      for (std::size_t k = 0; k < n; ++k) {
        const double gk = with_l2(g[k], p[k], h.weight_decay);
        s1[k] = h.alpha * s1[k] + (1 - h.alpha) * (gk * gk);  // v ← αv + (1 − α)g²
        const double scaled = gk / (std::sqrt(s1[k]) + h.epsilon);
        if (h.momentum > 0) {
          s2[k] = h.momentum * s2[k] + scaled;  // b ← μb + g / (√ṽ + ε)
          p[k] -= lr * s2[k];                   // θ ← θ − γb
        } else {
          p[k] -= lr * scaled;  // θ ← θ − γ g / (√ṽ + ε)
        }
      }
      return;
    case Rule::kAdam: return adam(h, step, false, p, g, s1, s2, n);
    case Rule::kAdamW: return adam(h, step, true, p, g, s1, s2, n);
  }
}

}  // namespace bp::optim
