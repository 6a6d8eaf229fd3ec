// Exercise model: asked quantities, checks and reveals.
#include "exercise/exercise_model.hpp"

#include <algorithm>
#include <cmath>

namespace bp::app {

bool is_close(double answer, double truth, double relative, double absolute) {
  if (!std::isfinite(answer) || !std::isfinite(truth)) return answer == truth;  // ∞ is right only as ∞
  const double distance = std::fabs(answer - truth);
  return distance <= absolute || distance <= relative * std::fabs(truth);
}

std::string quantity_label(const std::string& id, const std::string& output) {
  if (id == "fx") return "f(x₀)";
  if (id == "slope") return "f′(x₀)";
  if (id == "fd") return "finite difference";
  if (id == "step") return "x after one step";
  if (id == "besth") return "best h (h or k in 10^k)";
  if (id == "yhat") return "ŷ";
  if (id == "eloss") return "loss of this example";
  if (id == "grads") return "every gradient";
  const std::size_t colon = id.find(':');
  if (colon == std::string::npos) return id;
  const std::string head = id.substr(0, colon), tail = id.substr(colon + 1);
  if (head == "value") return tail;
  if (head == "grad") return "∂" + output + "/∂" + tail;
  // Network ids: the letters, then the layer number.
  const std::size_t digit = head.find_first_of("0123456789");
  const std::string kind = head.substr(0, digit), layer = head.substr(digit);
  if (kind == "dW") return "∂L/∂W" + layer + "[" + tail + "]";
  if (kind == "db") return "∂L/∂b" + layer + "[" + tail + "]";
  if (kind == "W" || kind == "b") return kind + layer + "[" + tail + "] after the update";
  if (kind == "delta") return "δ" + layer + "[" + tail + "]";
  return kind + layer + "[" + tail + "]";
}

void Exercise::configure(const ExerciseState& state, const Truths& truths) {
  relative_ = state.tolerance;
  absolute_ = state.absolute_tolerance;
  reveal_after_ = state.reveal_after;
  const bool has_group = std::find(state.ask.begin(), state.ask.end(), "grads") != state.ask.end();
  // Another mode's truths have no graph: the group keeps the nodes it had.
  const std::vector<std::string>& known = truths.backward_order.empty() ? group_order_ : truths.backward_order;
  const std::vector<std::string> order = has_group ? known : std::vector<std::string>{};
  if (state.ask == asked_ && order == group_order_) return;
  const bool is_new = state.ask != asked_;
  asked_ = state.ask;
  group_order_ = order;
  std::vector<Quantity> next;
  const auto add = [&](const std::string& id, bool in_group) {
    for (const Quantity& q : next) {
      if (q.id == id) return;  // asked twice (grad:a and grads)
    }
    const Quantity* kept = is_new ? nullptr : find(id);
    Quantity q;
    if (kept) q = *kept;
    q.id = id;
    q.is_in_group = in_group;
    next.push_back(q);
  };
  for (const std::string& id : asked_) {
    if (id != "grads") {
      add(id, false);
    } else if (order.empty()) {
      add(id, true);  // not graph mode (or no graph yet): a placeholder until the nodes are known
    } else {
      for (const std::string& g : order) add(g, true);
    }
  }
  quantities_ = std::move(next);
}

const Quantity* Exercise::find(const std::string& id) const {
  for (const Quantity& q : quantities_) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

std::optional<Attempt> Exercise::answer(const std::string& id, double value, const Truths& truths) {
  auto q = std::find_if(quantities_.begin(), quantities_.end(), [&](const Quantity& x) { return x.id == id; });
  const auto truth = truths.values.find(id);
  if (q == quantities_.end() || truth == truths.values.end()) return std::nullopt;
  bool ok;
  if (id == "besth") {  // h itself (1e-8) or its exponent (-8); right within one decade either way
    const double k = value > 0 && value < 1 ? std::log10(value) : value;
    ok = std::isfinite(k) && std::fabs(k - truth->second) <= 1;
  } else {
    ok = is_close(value, truth->second, relative_, absolute_);
  }
  ++q->attempts;
  q->answer = value;
  q->is_correct = ok;
  const bool was_revealed = q->is_revealed;
  if (!ok && reveal_after_ > 0 && q->attempts >= reveal_after_) q->is_revealed = true;
  return Attempt{id, value, ok, q->attempts, q->is_revealed && !was_revealed};
}

bool Exercise::can_reveal(const Quantity& q) const { return !q.is_revealed && reveal_after_ == 0; }

bool Exercise::reveal(const std::string& id) {
  auto q = std::find_if(quantities_.begin(), quantities_.end(), [&](const Quantity& x) { return x.id == id; });
  if (q == quantities_.end() || !can_reveal(*q)) return false;
  q->is_revealed = true;
  return true;
}

std::string Exercise::first_wrong() const {
  for (const Quantity& q : quantities_) {
    if (q.is_in_group && q.attempts > 0 && !q.is_correct) return q.id;
  }
  return "";
}

}  // namespace bp::app
