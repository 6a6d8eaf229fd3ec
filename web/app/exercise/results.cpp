// Results board: shown results, truths and the exercise, for the panels and the page.
#include "exercise/results.hpp"

#include "state/exercise_names.hpp"
#include "widgets/number_text.hpp"
#include "json_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace bp::app {

namespace {
std::vector<std::pair<std::string, double>> g_shown;
Truths g_truths;
Exercise g_exercise;
const ExerciseState* g_state = nullptr;
bool g_truths_changed = false;
void (*g_listener)(const std::string&) = nullptr;

std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}


std::string flag(bool b) { return b ? "true" : "false"; }
}  // namespace

void begin_results_frame(const ExerciseState& state) {
  g_state = &state;
  g_shown.clear();
  g_exercise.configure(state, g_truths);
}

bool is_asked(const std::string& id) {
  return g_state && std::find(g_state->ask.begin(), g_state->ask.end(), id) != g_state->ask.end();
}

void show_result(const std::string& key, double value) {
  for (auto& kv : g_shown) {
    if (kv.first == key) return void(kv.second = value);
  }
  g_shown.emplace_back(key, value);
}

bool take_truths_changed() { return std::exchange(g_truths_changed, false); }

void set_truths(Truths truths) {
  const auto same_ids = [](const Truths& a, const Truths& b) {
    return a.values.size() == b.values.size() &&
           std::equal(a.values.begin(), a.values.end(), b.values.begin(),
                      [](const auto& x, const auto& y) { return x.first == y.first; });
  };
  g_truths_changed |= !same_ids(truths, g_truths);
  g_truths = std::move(truths);
  if (g_state) g_exercise.configure(*g_state, g_truths);
}

const Truths& truths() { return g_truths; }
Exercise& exercise() { return g_exercise; }

bool asks_in(Mode mode) {
  if (!g_state) return false;
  for (const std::string& id : g_state->ask) {
    Mode m;
    if (ask_mode(id, m) && m == mode) return true;
  }
  return false;
}

bool is_authoring() { return g_state && g_state->is_authoring; }

std::string tolerance_text() {
  const double relative = g_state ? g_state->tolerance : 0.005, absolute = g_state ? g_state->absolute_tolerance : 1e-6;
  return "within " + number_text(100 * relative) + " % or " + number_text(absolute);
}

std::optional<Attempt> submit_answer(const std::string& id, double value) {
  auto attempt = g_exercise.answer(id, value, g_truths);
  if (attempt && g_listener) g_listener(attempt_json(*attempt));
  return attempt;
}

void set_answer_listener(void (*listener)(const std::string& json)) { g_listener = listener; }

std::string attempt_json(const Attempt& a) {
  const Quantity* q = g_exercise.find(a.id);
  std::string json = "{\"id\":" + json_string(a.id) + ",\"response\":" + json_number(a.response) +
                     ",\"success\":" + flag(a.is_success) + ",\"attempts\":" + std::to_string(a.attempts) +
                     ",\"revealed\":" + flag(q && q->is_revealed);
  const auto truth = g_truths.values.find(a.id);
  if (q && q->is_revealed && truth != g_truths.values.end()) json += ",\"answer\":" + json_number(truth->second);
  return json + "}";
}

std::string shown_results_json() {
  std::string json = "{";
  for (const auto& [key, value] : g_shown) json += (json.size() > 1 ? "," : "") + json_string(key) + ":" + json_number(value);
  return json + "}";
}

std::string answers_json() {
  std::string json = "[";
  for (const Quantity& q : g_exercise.quantities()) {
    json += (json.size() > 1 ? "," : "") + std::string("{\"id\":") + json_string(q.id) +
            ",\"label\":" + json_string(quantity_label(q.id, g_truths.output.empty() ? "L" : g_truths.output)) +
            ",\"value\":" + (q.answer ? json_number(*q.answer) : "null") + ",\"correct\":" + flag(q.is_correct) +
            ",\"attempts\":" + std::to_string(q.attempts) + ",\"revealed\":" + flag(q.is_revealed);
    const auto truth = g_truths.values.find(q.id);
    if (q.is_revealed && truth != g_truths.values.end()) json += ",\"answer\":" + json_number(truth->second);
    json += "}";
  }
  return json + "]";
}

}  // namespace bp::app
