// An exercise's answers ("predict, then check"): the asked quantities, each answer checked against the
// true value the mode's model computed, attempts counted, the answer revealed when the author allows.
// No ImGui, no browser: tested natively (tests/unit/test_exercise.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "state/app_state.hpp"

namespace bp::app {

// The true values of what may be asked, by id, as the mode's model computed them this frame.
struct Truths {
  std::map<std::string, double> values;      // "slope" → 5, "grad:a" → -4, "dW1:0,1" → …
  std::vector<std::string> backward_order;   // graph mode: the named nodes' grad ids, output first
  std::map<std::string, std::string> hints;  // graph mode: grad id → its local rule, without numbers
  std::string output;                        // graph mode: the output's name (for "∂L/∂a")
};

// One asked quantity and what the learner did with it.
struct Quantity {
  std::string id;                 // "slope", "grad:a", "dW1:0,0"
  bool is_in_group = false;       // one of "grads" (every gradient, in backward order)
  std::optional<double> answer;   // the last answer checked
  int attempts = 0;
  bool is_correct = false;        // the last answer was right
  bool is_revealed = false;       // the true value is shown
};

// One checked answer: what an `answer` event reports.
struct Attempt {
  std::string id;
  double response = 0;
  bool is_success = false;
  int attempts = 0;
  bool is_revealed = false;  // this attempt used up the tries, so the answer is now shown
};

// Right when within `relative` of the true value's size or within `absolute` of it (either suffices).
bool is_close(double answer, double truth, double relative, double absolute);

// "f(x₀)", "∂L/∂a", "∂L/∂W1[0,1]", "W1[0,1] after the update": how the panel names an id.
std::string quantity_label(const std::string& id, const std::string& output = "L");

class Exercise {
 public:
  // Follows the state's asked ids (a new list starts over; answers of ids still asked are kept) and, for
  // "grads", the graph's named nodes in backward order (truths.backward_order).
  void configure(const ExerciseState& state, const Truths& truths);
  const std::vector<Quantity>& quantities() const { return quantities_; }
  const Quantity* find(const std::string& id) const;
  // Checks `value` against the truth and counts the attempt; none when `id` is not asked or has no true
  // value now (asked in another mode). `besth` takes h or its exponent and is right within one decade.
  std::optional<Attempt> answer(const std::string& id, double value, const Truths& truths);
  // Whether "Show answer" is offered for `q` (reveal=ask; never with reveal=never).
  bool can_reveal(const Quantity& q) const;
  bool reveal(const std::string& id);
  // Of the "grads" group: the first node in backward order whose answer is wrong, or "".
  std::string first_wrong() const;
  // The asked ids as given (for messages).
  const std::vector<std::string>& asked() const { return asked_; }

 private:
  std::vector<std::string> asked_;
  std::vector<std::string> group_order_;
  std::vector<Quantity> quantities_;
  double relative_ = 0.005, absolute_ = 1e-6;
  int reveal_after_ = 0;
};

}  // namespace bp::app
