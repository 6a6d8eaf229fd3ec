// Author panel: one row of ticks per list, the mode's names only; the link it builds.
#include "exercise/author_panel.hpp"

#include <algorithm>
#include <utility>
#include <string>
#include <vector>

#include "clock.hpp"
#include "exercise/results.hpp"
#include "imgui.h"
#include "page.hpp"
#include "state/link_codec.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

std::vector<std::string> hide_choices(Mode mode) {
  switch (mode) {
    case Mode::kFunction:
      return {"fx", "slope", "fd", "diff", "tangent", "fprime", "table:fx", "table:fxh", "table:fd", "error", "table",
              "descent"};
    case Mode::kGraph: return {"values", "grads", "steps", "check", "inputs", "experiments"};
    case Mode::kNetwork: return {"loss", "accuracy", "weights", "grads", "steps", "surface"};
  }
  return {};
}

std::vector<std::string> lock_choices(Mode mode) {
  switch (mode) {
    case Mode::kFunction: return {"expr", "x0", "h", "scheme", "eta", "table", "buttons"};
    case Mode::kGraph: return {"prog", "inputs", "buttons"};
    case Mode::kNetwork: return {"weights", "hyper", "data", "buttons"};
  }
  return {};
}

// The ids a teacher may tick: function mode's five, every named node of the graph, a network's first
// entries of each kind (others are typed in the link: ask=dW1:2,1).
std::vector<std::string> ask_choices(Mode mode) {
  if (mode == Mode::kFunction) return {"fx", "slope", "fd", "step", "besth"};
  std::vector<std::string> ids;
  if (mode == Mode::kGraph) {
    if (!truths().backward_order.empty()) ids.push_back("grads");
    for (const std::string& grad : truths().backward_order) ids.push_back(grad);
    for (const std::string& grad : truths().backward_order) ids.push_back("value:" + grad.substr(5));
    return ids;
  }
  for (const char* id : {"yhat", "eloss", "a1:0", "delta1:0", "dW1:0,0", "W1:0,0"}) {
    if (truths().values.count(id)) ids.push_back(id);
  }
  // The output layer's first weight: its gradient and its value after the update.
  for (int layer = 2; layer <= 9; ++layer) {
    const std::string n = std::to_string(layer);
    if (!truths().values.count("dW" + n + ":0,0")) break;
    if (!truths().values.count("dW" + std::to_string(layer + 1) + ":0,0")) {
      ids.push_back("dW" + n + ":0,0");
      ids.push_back("W" + n + ":0,0");
    }
  }
  return ids;
}

// A row of checkboxes for `names`, wrapping at the panel's edge; ticks add to or take from `list`.
void ticks(const char* title, const std::vector<std::string>& names, std::vector<std::string>& list) {
  ImGui::TextUnformatted(title);
  if (names.empty()) ImGui::TextDisabled("  (nothing to ask here yet)");
  ImGui::PushID(title);
  float x = ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const std::string& name : names) {
    const float width = ImGui::CalcTextSize(name.c_str()).x + ImGui::GetFrameHeight() + 24;
    if (!first && width < x) ImGui::SameLine();
    if (first || width >= x) x = ImGui::GetContentRegionAvail().x;
    x -= width;
    first = false;
    bool on = std::find(list.begin(), list.end(), name) != list.end();
    if (ImGui::Checkbox(name.c_str(), &on)) {
      if (on) {
        list.push_back(name);
      } else {
        list.erase(std::find(list.begin(), list.end(), name));
      }
    }
  }
  ImGui::PopID();
}

}  // namespace

void author_panel(AppState& state) {
  ExerciseState& e = state.exercise;
  if (!e.is_authoring) return;
  ImGui::PushID("author");
  ImGui::PushStyleColor(ImGuiCol_Header, theme::colors().highlight);
  const bool open = ImGui::CollapsingHeader("Author an exercise", ImGuiTreeNodeFlags_DefaultOpen);
  ImGui::PopStyleColor();
  if (open) {
    ticks("Hide", hide_choices(state.mode), e.hide);
    ticks("Lock", lock_choices(state.mode), e.lock);
    ticks("Ask", ask_choices(state.mode), e.ask);
    ImGui::TextUnformatted("Show answer");
    const std::pair<const char*, int> reveals[] = {{"on request", 0}, {"after 3 tries", 3}, {"never", -1}};
    for (const auto& [label, after] : reveals) {
      const float width = ImGui::CalcTextSize(label).x + ImGui::GetFrameHeight() + 24;
      if (after != 0 && ImGui::GetItemRectMax().x + width < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
        ImGui::SameLine();
      }
      if (ImGui::RadioButton(label, e.reveal_after == after)) e.reveal_after = after;
    }
    // The learner's link: this state without the author panel.
    AppState learner = state;
    learner.exercise.is_authoring = false;
    const std::string hash = encode_state(learner);
    static double copied_at = -1e9;
    if (ImGui::Button(now_ms() - copied_at < 2000 ? "Copied###exercise link" : "Copy exercise link###exercise link")) {
      page::copy_link(hash);
      copied_at = now_ms();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("(without author=1)");
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().muted);
    ImGui::TextWrapped("#%s", hash.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  ImGui::PopID();
}

}  // namespace bp::app
