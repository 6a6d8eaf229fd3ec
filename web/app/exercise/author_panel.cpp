// Author panel: one row of ticks per list, the mode's names only; the link it builds.
#include "exercise/author_panel.hpp"

#include <algorithm>
#include <utility>
#include <string>
#include <vector>

#include "clock.hpp"
#include "exercise/results.hpp"
#include "exercise/truths.hpp"
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
// entries of each kind and whatever the picker below added (network_ask_picker: any entry of any kind).
std::vector<std::string> ask_choices(Mode mode, const std::vector<std::string>& asked) {
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
  for (const std::string& id : asked) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

// Any entry of the network's step-through: a kind ("dW2: ∂L/∂W of layer 2"), an entry of it, "Ask it".
void network_ask_picker(std::vector<std::string>& asked) {
  const std::vector<AskGroup> groups = network_ask_groups(truths());
  if (groups.empty()) return;
  static std::string kind = "dW1", entry;
  auto group = std::find_if(groups.begin(), groups.end(), [&](const AskGroup& g) { return g.kind == kind; });
  if (group == groups.end()) group = groups.begin();
  if (std::find(group->ids.begin(), group->ids.end(), entry) == group->ids.end()) entry = group->ids.front();
  ImGui::PushID("network ask");
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 18 * ImGui::GetFontSize()));
  if (ImGui::BeginCombo("kind", group->title.c_str())) {
    for (const AskGroup& g : groups) {
      if (ImGui::Selectable(g.title.c_str(), g.kind == group->kind)) kind = g.kind, entry = g.ids.front();
    }
    ImGui::EndCombo();
  }
  if (group->ids.size() > 1) {
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 8 * ImGui::GetFontSize()));
    if (ImGui::BeginCombo("entry", entry.c_str())) {
      for (const std::string& id : group->ids) {
        if (ImGui::Selectable(id.c_str(), id == entry)) entry = id;
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
  }
  const bool is_asked = std::find(asked.begin(), asked.end(), entry) != asked.end();
  ImGui::BeginDisabled(is_asked);
  if (ImGui::Button(is_asked ? "Asked###ask it" : "Ask it###ask it")) asked.push_back(entry);
  ImGui::EndDisabled();
  ImGui::PopID();
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
    ticks("Ask", ask_choices(state.mode, e.ask), e.ask);
    if (state.mode == Mode::kNetwork) network_ask_picker(e.ask);
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
