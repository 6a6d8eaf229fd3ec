// An optimizer's run over an expression of several free variables: from a start, each step takes the
// gradient from the program's tape, applies one update rule (update_rules.hpp) and keeps the point, and
// the run stops, saying why, when it diverges. The engine's side of the function mode's optimizer race
// and of the JavaScript API's optimize(). No UI, no clocks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "expr/engine.hpp"
#include "nn/rng.hpp"
#include "optim/update_rules.hpp"

namespace bp::optim {

inline constexpr long kMaxSteps = 100000;

// The run's settings. Messages about them use the JavaScript API's option names (docs/js-api.md).
struct OptimizeOptions {
  Rule rule = Rule::kSgd;
  Hyperparameters hyper = defaults_for(Rule::kSgd);  // set both rule and hyper (defaults_for(rule))
  long steps = 100;            // optimize() only: how many updates, 0 to kMaxSteps
  double noise = 0;            // σ of the Gaussian noise added to each gradient component before an update
  std::uint64_t seed = 1;      // the noise's seed: the same seed, the same path
  double limit = 1e12;         // |f| beyond this counts as divergence
};

// The path so far: point k's values (variables' order), f and gradient (without the noise).
struct Path {
  std::vector<std::string> variables;  // the names optimized, in the start's order
  std::vector<double> values;          // points × variables, point after point
  std::vector<double> f;               // one per point; the start is point 0
  std::vector<double> grad;            // points × variables: ∂f/∂variable at each point
  std::size_t points() const { return f.size(); }
};

class OptimizerRun {
 public:
  // The variables optimized are the names in `start`, each a free variable of `program`; other free
  // variables keep the program's own values (`a = 3`). Errors: a name in start that is not a
  // variable of f, a variable with no value, an option out of range, f not finite at the start.
  static expr::Expected<OptimizerRun> begin(const expr::Program& program, const expr::Vars& start,
                                            const OptimizeOptions& options);

  // One update and the new point; false, doing nothing, once the run has stopped.
  bool step();
  bool diverged() const { return diverged_; }
  // Why the run stopped ("diverged at step 12: |f| = 3.1e+13 is beyond 1e+12 ..."), empty while it runs.
  const std::string& reason() const { return reason_; }
  long steps_taken() const { return static_cast<long>(path_.points()) - 1; }
  const Path& path() const { return path_; }
  // Room for `steps` more points, so a long run does not reallocate its path as it grows.
  void reserve(long steps);

 private:
  OptimizerRun() = default;
  void add_point();     // f and gradient at x_, appended to the path, then the divergence checks
  bool check_point();   // false, with the reason, when the last point ends the run

  expr::Program program_;
  OptimizeOptions options_;
  std::vector<int> input_of_;        // variable k -> index among the program's inputs
  std::vector<double> inputs_;       // every input's value, the optimized ones updated each step
  std::vector<double> x_, g_, s1_, s2_;
  nn::Rng rng_;
  Path path_;
  bool diverged_ = false;
  std::string reason_;
};

// The whole run at once: `options.steps` updates, or fewer when it diverges.
struct OptimizeResult {
  Path path;
  bool diverged = false;
  std::string reason;
};
expr::Expected<OptimizeResult> optimize(const expr::Program& program, const expr::Vars& start,
                                        const OptimizeOptions& options);
expr::Expected<OptimizeResult> optimize(std::string_view text, const expr::Vars& start,
                                        const OptimizeOptions& options);

// The first option out of range, as a message naming it, or empty.
std::string check_options(const OptimizeOptions& options);

}  // namespace bp::optim
