// An optimizer's run over an expression of several free variables: from a start, each step takes the
// gradient from the program's tape, applies one update rule (update_rules.hpp) and keeps the point, and
// the run stops, saying why, when it diverges. The engine's side of the function mode's optimizer race
// and of the JavaScript API's optimize(). No UI, no clocks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
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
  long steps = 100;            // how many updates a run takes at most, 0 to kMaxSteps
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

// A finished run: its path and whether (and why) it diverged.
struct OptimizeResult {
  Path path;
  bool diverged = false;
  std::string reason;
};
class OptimizerRun {
 public:
  // The variables optimized are the names in `start`, each a free variable of `program`; other free
  // variables keep the program's own values (`a = 3`). Errors: a name in start that is not a
  // variable of f, a variable with no value, an option out of range, f not finite at the start.
  static expr::Expected<OptimizerRun> begin(const expr::Program& program, const expr::Vars& start,
                                            const OptimizeOptions& options);

  // One update and the new point; false, doing nothing, once the run has taken options.steps or diverged.
  bool step();
  bool running() const { return !result_.diverged && steps_taken() < options_.steps; }
  bool diverged() const { return result_.diverged; }
  // Why the run stopped ("diverged at step 12: |f| = 3.1e+13 is beyond 1e+12 ..."), empty while it runs.
  const std::string& reason() const { return result_.reason; }
  long steps_taken() const { return static_cast<long>(result_.path.points() + staged_points_) - 1; }
  const Path& path() const { return result_.path; }
  // The path, moved out (a whole run's result without copying it); the run is spent afterwards.
  OptimizeResult finish() { return std::move(result_); }
  // Room for `steps` more points, so a long run does not reallocate its path as it grows.
  void reserve(long steps);

 private:
  friend class Race;
  OptimizerRun() = default;
  void propose();                                // the update: x_ (and inputs_) move to the next point
  // f and ∂f/∂input i at grad[i · stride] staged as the path's next point, and checked (check_point()
  // when it needs a closer look, which moves the staged points into the path first).
  void add_point(double f, const double* grad, std::size_t stride);
  void add_point_from_tape();  // f and gradient at x_ by the tape, one point, checked
  bool check_point();          // false, with the reason, when the last point ends the run
  std::string point_text(std::size_t point) const;  // "x = 1, y = -2"
  // The staged points appended to the path's vectors, a block at a time: one push_back per number was
  // 14 % of a 10,000-step race's instructions (callgrind, bench O).
  void move_staged_to_path();
  const double* last_grad() const;  // the newest point's gradient, staged or in the path

  expr::Program program_;
  OptimizeOptions options_;
  std::vector<int> input_of_;        // variable k -> index among the program's inputs
  std::vector<double> inputs_;       // every input's value, the optimized ones updated each step
  std::vector<double> x_, g_, s1_, s2_;
  nn::Rng rng_;
  OptimizeResult result_;  // the path, diverged and the reason
  // Points not yet in the path: kStagedPoints × variables values, then f, then gradients (begin() sizes it).
  std::vector<double> staged_;
  std::size_t staged_points_ = 0;
};

// Several runs on one program stepped together, as the function mode's race steps its racers: one pass
// of the tape (Tape::gradient_at_points) evaluates every running racer's next point, with the bits each
// racer's own OptimizerRun would get.
struct Racer {
  expr::Vars start;
  OptimizeOptions options;
};
class Race {
 public:
  // Errors name the racer ("racer 2: ...", counting from 1).
  static expr::Expected<Race> begin(const expr::Program& program, const std::vector<Racer>& racers);
  // One step of every racer still running (OptimizerRun::running); false when none was.
  bool step();
  const std::vector<OptimizerRun>& runs() const { return runs_; }
  // Every racer's result, moved out; the race is spent afterwards.
  std::vector<OptimizeResult> finish();
  // Every racer to its end (steps taken or diverged), then finish(): the paths are written a block at a
  // time, since nothing reads them until the end.
  std::vector<OptimizeResult> run_to_end();

 private:
  Race() = default;
  bool advance();  // step() without bringing the runs' paths up to date
  expr::Program program_;
  std::vector<OptimizerRun> runs_;
  std::vector<std::size_t> stepping_;          // the racers still running, as of the last step
  bool is_stepping_stale_ = true;               // a racer stopped: stepping_ must be listed again
  std::vector<double> inputs_, values_, grads_;  // gradient_at_points' rows
};

// The whole run at once: `options.steps` updates, or fewer when it diverges.
expr::Expected<OptimizeResult> optimize(const expr::Program& program, const expr::Vars& start,
                                        const OptimizeOptions& options);
expr::Expected<OptimizeResult> optimize(std::string_view text, const expr::Vars& start,
                                        const OptimizeOptions& options);
// Every racer's whole run (each its own options.steps), stepped together; the same numbers as optimize().
expr::Expected<std::vector<OptimizeResult>> race(const expr::Program& program, const std::vector<Racer>& racers);

// The first option out of range, as a message naming it, or empty.
std::string check_options(const OptimizeOptions& options);

}  // namespace bp::optim
