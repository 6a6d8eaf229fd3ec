// Function mode's optimizer race: racers (engine/optim's update rules, and Newton's method in one
// variable) stepping together from the function's point, paced by a clock the caller passes in. The
// state (RaceState) holds the racers, the noise and the steps taken; this model holds the trails and
// rebuilds them from the state whenever they no longer match it, replaying the steps taken, so a
// reopened link draws the same trails. No ImGui, no browser: tested natively.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "expr/engine.hpp"
#include "optim/optimize.hpp"
#include "state/app_state.hpp"

namespace bp::app {

// "gradient descent", "momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam", "AdamW", "Newton".
const char* racer_title(RaceRule rule);

// At most this many steps are taken in one advance() (a frame), however late the clock.
inline constexpr long kMaxStepsPerAdvance = 1000;

class RaceModel {
 public:
  // Brings the trails in line with f's text, the start (the variables optimized and their values: x₀,
  // or x₀ and y₀) and the race's racers, noise and seed: anything changed restarts every racer from the
  // start; then steps are taken (or the race replayed) until race.steps are. A new f or start (after the
  // first call, which replays a link's steps) also sets race.steps to 0. Call once a frame first.
  void sync(const std::string& text, const expr::Vars& start, RaceState& race);
  // The whole state was replaced from outside (a link set by the page): the next sync() takes its steps
  // as a link's, replaying them even when f or the start changed with it.
  void forget() { is_built_ = false; }
  // While race.is_playing: the steps due at `now_seconds` (any clock in seconds) at race.steps_per_second.
  // Stops playing when no racer runs any more. Returns whether it still plays.
  bool advance(RaceState& race, double now_seconds);
  // One step of every running racer (race.steps + 1), unless none runs.
  void step(RaceState& race);
  void toggle_play(RaceState& race);
  // Back to the start: 0 steps, paused.
  void reset(RaceState& race);

  // Why there is no race (f has an error, the start is outside f's domain), or empty.
  const std::string& error() const { return error_; }
  std::size_t racers() const { return trails_.size(); }
  // Racer r's path (the start is point 0), in the state's racer order.
  const optim::Path& path(std::size_t r) const;
  long steps_taken(std::size_t r) const { return static_cast<long>(path(r).points()) - 1; }
  bool is_running(std::size_t r) const { return trails_[r].message.empty(); }
  // Why racer r stopped early: "Adam diverged at step 12: |f| = … (try a smaller lr)", or its settings'
  // error ("Nesterov: nesterov needs a momentum > 0 …"); empty while it runs.
  const std::string& message(std::size_t r) const { return trails_[r].message; }
  bool any_running() const;

  // step, racer, each variable, f, each ∂f/∂variable: one row per point of every trail, with a header.
  std::string csv() const;

 private:
  struct Newton {  // Newton's method in one variable: x ← x − γ·f′(x)/f″(x)
    expr::Program slope;  // f′, from the symbolic derivative
    double gamma = 1;
    optim::Path path;
  };
  struct Trail {
    RaceRule rule = RaceRule::kSgd;
    int run = -1;  // its index among race_'s runs, or -1 (Newton, or settings refused)
    std::optional<Newton> newton;
    optim::Path empty;  // the path of a racer that never started
    std::string message;
  };
  void rebuild(const std::string& text, const expr::Vars& start, const RaceState& race);
  void take_step();
  void newton_step(Trail& trail);
  void add_newton_point(Trail& trail, double x);
  void update_messages();

  // What the trails were built from.
  std::string text_;
  expr::Vars start_;
  std::vector<RacerSettings> racers_;
  double noise_ = 0;
  std::uint64_t seed_ = 1;
  bool is_built_ = false;

  std::optional<expr::Program> program_;
  std::optional<optim::Race> race_;
  std::vector<Trail> trails_;
  long steps_ = 0;  // steps taken since the start
  std::string error_;
  double clock_ = -1;  // the seconds of the last step taken while playing; < 0: not yet playing
};

}  // namespace bp::app
