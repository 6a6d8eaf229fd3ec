// Answer panel: one row per asked quantity; typed text parsed as number fields parse it.
#include "exercise/answer_panel.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "exercise/results.hpp"
#include "imgui.h"
#include "page.hpp"
#include "state/description.hpp"
#include "state/exercise_names.hpp"
#include "widgets/number_text.hpp"
#include "widgets/theme.hpp"
#include "widgets/string_input.hpp"

namespace bp::app {

namespace {

// What the learner typed per id, and why the last text did not parse.
struct Typed {
  std::string text;
  std::string error;
};

Typed& typed(const std::string& id) {
  static std::unordered_map<std::string, Typed> fields;
  return fields[id];
}

ImU32 right_color() { return theme::is_dark() ? IM_COL32(110, 210, 130, 255) : IM_COL32(20, 120, 50, 255); }

std::string label_of(const std::string& id) {
  const std::string& out = truths().output;
  return quantity_label(id, out.empty() ? "L" : out);
}

// Checks the typed text of `id`; says the outcome to screen readers at once.
void check(const std::string& id) {
  Typed& t = typed(id);
  auto parsed = parse_number(t.text);
  if (!parsed) {
    t.error = t.text.empty() ? "type a number first" : parsed.error().message;
    page::announce(label_of(id) + ": " + t.error);
    return;
  }
  t.error.clear();
  const auto attempt = submit_answer(id, *parsed);
  if (!attempt) return;
  std::string said = label_of(id) + " = " + number_text(*parsed) + ": " + (attempt->is_success ? "right" : "not right");
  if (attempt->is_revealed) said += "; the answer is " + number_text(truths().values.at(id));
  page::announce(said);
}

// The outcome under a row, in words and colour; the answer once revealed.
std::string outcome(const Quantity& q, ImU32& color) {
  std::string text;
  color = theme::colors().muted;
  if (q.attempts > 0) {
    color = q.is_correct ? right_color() : theme::colors().error;
    text = (q.is_correct ? "Right: " : "Not right: ") + number_text(*q.answer) + "  (" +
           std::to_string(q.attempts) + (q.attempts == 1 ? " try)" : " tries)");
  }
  const auto truth = truths().values.find(q.id);
  if (q.is_revealed && truth != truths().values.end()) {
    text += (text.empty() ? "" : "; ") + std::string("answer ") + number_text(truth->second);
    if (!q.is_correct) color = theme::colors().label;
  }
  return text;
}

void row(const Quantity& q, float width) {
  ImGui::PushID(q.id.c_str());
  const std::string label = label_of(q.id);
  Typed& t = typed(q.id);
  ImGui::TextUnformatted(label.c_str());
  const float button = ImGui::CalcTextSize("Check").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(std::max(80.0f, width - button - ImGui::GetStyle().ItemSpacing.x));
  // The field's label (hidden after ##) is what the keyboard test and the tab order read.
  const std::string field_id = "##answer " + label;
  bool submit = ImGui::InputText(field_id.c_str(), t.text.data(), t.text.capacity() + 1,
                                 ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue,
                                 resize_string, &t.text);
  ImGui::SameLine();
  submit |= ImGui::Button(("Check##" + q.id).c_str());
  if (submit) check(q.id);
  if (!t.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped("“%s”: %s", t.text.c_str(), t.error.c_str());
    ImGui::PopStyleColor();
  }
  ImU32 color;
  const std::string said = outcome(q, color);
  if (!said.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", said.c_str());
    ImGui::PopStyleColor();
  }
  if (exercise().can_reveal(q) && !q.is_correct) {
    if (ImGui::Button(("Show answer##" + q.id).c_str())) {
      exercise().reveal(q.id);
      const auto truth = truths().values.find(q.id);
      if (truth != truths().values.end()) page::announce(label + ": the answer is " + number_text(truth->second));
    }
  }
  ImGui::PopID();
}

// The part of the description about the exercise: what is asked and how each stands.
std::string described(const std::vector<const Quantity*>& shown, const std::string& context) {
  std::string text = "Exercise" + (context.empty() ? "" : " " + context) + ": ";
  for (const Quantity* q : shown) {
    text += label_of(q->id) + (q->attempts == 0 ? " not answered yet" : q->is_correct ? " right" : " not right yet");
    const auto truth = truths().values.find(q->id);
    if (q->is_revealed && truth != truths().values.end()) text += ", answer " + number_text(truth->second);
    text += "; ";
  }
  return text;
}

}  // namespace

void answer_panel(Mode mode, float width, const std::function<std::string()>& context) {
  std::vector<const Quantity*> shown;
  for (const Quantity& q : exercise().quantities()) {
    Mode m;
    if (ask_mode(q.id, m) && m == mode && truths().values.count(q.id)) shown.push_back(&q);
  }
  if (shown.empty()) return;
  ImGui::PushID("exercise");
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().label);
  // besth has its own rule (exercise_model.hpp): right within a decade of the best h.
  const bool is_best_h = shown.size() == 1 && shown[0]->id == "besth";
  const std::string within = is_best_h ? "within a decade of the best h" : tolerance_text();
  const std::string of = context ? context() : "";
  ImGui::TextWrapped("Exercise: work out %s, then check (right %s)%s%s.", shown.size() == 1 ? "this" : "these",
                     within.c_str(), of.empty() ? "" : " — ", of.c_str());
  ImGui::PopStyleColor();
  bool has_group = false;
  for (const Quantity* q : shown) {
    row(*q, width);
    has_group |= q->is_in_group;
  }
  if (has_group) {
    // "Check my hand calculation": every gradient typed so far, in backward order, then the first wrong one.
    if (ImGui::Button("Check all##grads")) {
      for (const Quantity* q : shown) {
        if (q->is_in_group && !typed(q->id).text.empty()) check(q->id);
      }
    }
    const std::string wrong = exercise().first_wrong();
    const auto hint = truths().hints.find(wrong);
    if (!wrong.empty() && hint != truths().hints.end()) {
      ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
      ImGui::TextWrapped("First wrong in backward order: %s. Its local rule: %s", label_of(wrong).c_str(),
                         hint->second.c_str());
      ImGui::PopStyleColor();
      describe_first("First wrong in backward order: " + label_of(wrong) + ". Its local rule: " + hint->second + ".");
    }
  }
  describe_first(described(shown, of));
  ImGui::Separator();
  ImGui::PopID();
}

}  // namespace bp::app
