// The optimizers' update rules, one case each, as torch.optim documents them: the one table that the
// network's optimizer (nn/optimizer.cpp) and the expression optimizer (optim/optimize.cpp) both call.
// Pure C++17: no Eigen, no UI.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace bp::optim {

enum class Rule { kSgd, kMomentum, kNesterov, kAdagrad, kRmsprop, kAdam, kAdamW };
inline constexpr Rule kRules[] = {Rule::kSgd,     Rule::kMomentum, Rule::kNesterov, Rule::kAdagrad,
                                  Rule::kRmsprop, Rule::kAdam,     Rule::kAdamW};

// 'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'.
std::string_view rule_name(Rule rule);
std::optional<Rule> rule_named(std::string_view name);

// torch.optim's arguments; maximize=False, SGD's dampening 0, Adagrad's lr_decay and
// initial_accumulator_value 0, RMSprop uncentered, Adam without amsgrad are fixed.
struct Hyperparameters {
  double learning_rate = 1e-3;  // γ
  double momentum = 0;          // μ: SGD's momentum (momentum, nesterov) and RMSprop's
  double alpha = 0.99;          // α: RMSprop's smoothing of the squared gradient
  double beta1 = 0.9;           // β1, β2: Adam's and AdamW's running averages
  double beta2 = 0.999;
  double epsilon = 1e-8;        // ε: Adagrad, RMSprop, Adam, AdamW
  double weight_decay = 0;      // λ: L2 added to the gradient, or AdamW's decoupled decay
};

// torch.optim's defaults for `rule` (torch's SGD has momentum 0; here 'momentum' and 'nesterov'
// default to μ = 0.9, the value torch's docs use in their example, since μ = 0 is plain SGD).
Hyperparameters defaults_for(Rule rule);

// How many state values each parameter keeps (0, 1 or 2): momentum buffer; Adagrad's sum of squares;
// RMSprop's square average and buffer; Adam's first and second moments.
int state_slots(Rule rule, const Hyperparameters& h);

// One step of `rule` over n parameters p with gradients g. `step` counts from 1 (Adam's bias
// correction); s1 and s2 hold n state values each, zero before the first step (null where
// state_slots says the rule keeps fewer).
void update(Rule rule, const Hyperparameters& h, long step, double* p, const double* g, double* s1, double* s2,
            std::size_t n);

}  // namespace bp::optim
