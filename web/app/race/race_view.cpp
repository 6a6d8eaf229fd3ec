// The race's section and trails: one RaceModel for the page, synced with the state each frame, stepped
// by the page's clock, drawn by race_panel.cpp and here.
#include "race/race_view.hpp"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <string>
#include <vector>

#include "clock.hpp"
#include "exercise/results.hpp"
#include "link_sync.hpp"
#include "race/race_code.hpp"
#include "race/race_model.hpp"
#include "race/race_panel.hpp"
#include "state/description.hpp"
#include "widgets/export.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

constexpr std::size_t kMaxDrawnPoints = 4000;  // per trail: a longer run is drawn every k-th step
constexpr std::size_t kMaxDots = 60;           // a dot per step while the steps are this few

RaceModel& model() {
  static RaceModel m;
  return m;
}

// Starts a race of three from nothing: what a learner compares first.
std::vector<RacerSettings> first_racers(bool one_variable) {
  std::vector<RacerSettings> racers;
  for (RaceRule rule : {RaceRule::kSgd, RaceRule::kMomentum, RaceRule::kAdam}) {
    RacerSettings r = racer_defaults(rule);
    r.hyper.learning_rate = rule == RaceRule::kAdam ? 0.1 : 0.05;
    racers.push_back(r);
  }
  if (one_variable) racers.push_back(racer_defaults(RaceRule::kNewton));
  return racers;
}

void code_popup(const std::string& code) {
  const ImVec2 view = ImGui::GetMainViewport()->Size;
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(view.x - 16, view.y - 16));
  if (!ImGui::BeginPopupModal("PyTorch race", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const float width = std::min(760.0f, view.x - 48);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextUnformatted("This race in PyTorch: each racer with torch.optim from the same start for the same "
                         "steps, printing its last point beside the playground's.");
  ImGui::PopTextWrapPos();
  ImGui::InputTextMultiline("##race_code", const_cast<char*>(code.c_str()), code.size() + 1,
                            ImVec2(width, std::min(420.0f, view.y - 200)), ImGuiInputTextFlags_ReadOnly);
  if (ImGui::Button("Copy")) ImGui::SetClipboardText(code.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// What the page hears: each racer's steps and f (getResults().shown: race1_steps, race1_f, ...).
void report(const RaceModel& m) {
  for (std::size_t r = 0; r < m.racers(); ++r) {
    const optim::Path& p = m.path(r);
    const std::string key = "race" + std::to_string(r + 1);
    show_result(key + "_steps", static_cast<double>(std::max(0L, m.steps_taken(r))));
    if (p.points()) show_result(key + "_f", p.f.back());
  }
}

// What a screen reader hears after the point's readouts while the race is paused (not every step while
// it plays): "Optimizer race at step 30: gradient descent f = 2.875; Adam diverged at step 12: …".
void describe_race(const RaceState& race, const RaceModel& m) {
  if (race.is_playing || m.racers() == 0) return;
  if (!m.error().empty()) return describe_also("Optimizer race: " + m.error() + ".");
  std::string text = "Optimizer race at step " + std::to_string(race.steps) + ":";
  for (std::size_t r = 0; r < m.racers(); ++r) {
    const optim::Path& p = m.path(r);
    char f[32] = "";
    if (p.points()) std::snprintf(f, sizeof f, "%.6g", p.f.back());
    text += std::string(r ? ";" : "") + " " +
            (m.message(r).empty() ? std::string(racer_title(race.racers[r].rule)) + " f = " + f : m.message(r));
  }
  describe_also(text + ".");
}

}  // namespace

void draw_race_trails(ImDrawList* list, const std::function<ImVec2(double x, double y)>& to_screen) {
  const RaceModel& m = model();
  std::vector<ImVec2> points;
  for (std::size_t r = 0; r < m.racers(); ++r) {
    const optim::Path& p = m.path(r);
    const std::size_t n = p.variables.size();
    if (p.points() == 0 || n == 0) continue;
    const auto at = [&](std::size_t k) {
      return n == 1 ? to_screen(p.values[k], p.f[k]) : to_screen(p.values[k * n], p.values[k * n + 1]);
    };
    const std::size_t stride = std::max<std::size_t>(1, p.points() / kMaxDrawnPoints);
    points.clear();
    for (std::size_t k = 0; k < p.points(); k += stride) {
      const ImVec2 s = at(k);
      if (std::isfinite(s.x) && std::isfinite(s.y)) points.push_back(s);
    }
    const ImVec2 last = at(p.points() - 1);
    if (stride > 1 && std::isfinite(last.x) && std::isfinite(last.y)) points.push_back(last);
    const ImU32 color = racer_color(r);
    const float scale = theme::line_scale();
    if (points.size() > 1) list->AddPolyline(points.data(), static_cast<int>(points.size()), color, 0, 2 * scale);
    if (p.points() <= kMaxDots) {
      for (const ImVec2& s : points) list->AddCircleFilled(s, 2.5f * scale, color);
    }
    if (std::isfinite(last.x) && std::isfinite(last.y)) {
      list->AddCircleFilled(last, 5 * scale, IM_COL32(255, 255, 255, 230));
      list->AddCircle(last, 5 * scale, color, 0, 2.5f * scale);
    }
  }
}

bool race_section(FunctionState& state, const expr::Vars& start, float width) {
  RaceModel& m = model();
  RaceState& race = state.race;
  static long states_seen = 0;
  if (states_from_page() != states_seen) {  // a link set by the page: its steps are replayed, as on opening
    states_seen = states_from_page();
    m.forget();
  }
  m.sync(state.text, start, race);
  const bool playing = m.advance(race, now_ms() / 1000);
  report(m);
  describe_race(race, m);
  if (!race.racers.empty()) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  if (!ImGui::CollapsingHeader("Optimizer race")) return playing;
  if (race.racers.empty()) {
    ImGui::TextWrapped("Optimizers step together from the point: gradient descent, momentum, Adam%s, ...",
                       start.size() == 1 ? ", Newton" : "");
    if (ImGui::Button("Start a race")) race.racers = first_racers(start.size() == 1);
  }
  RacePanelOptions options;
  options.width = width;
  options.offers_newton = start.size() == 1;
  if (race_controls(race, m, options)) m.sync(state.text, start, race);  // this frame's counters and trails
  if (race.racers.empty()) return playing;
  ImGui::Checkbox("log scale", &race.log_scale);
  ImGui::SameLine();
  ImGui::TextDisabled("f against step");
  race_f_plot(race, m, ImVec2(width, 140));
  static std::string code;
  if (ImGui::Button("trails CSV")) download_text("race-trails.csv", m.csv());
  ImGui::SameLine();
  if (ImGui::Button("Show code##race")) {
    code = race_pytorch_script(state.text, start, race, m);
    ImGui::OpenPopup("PyTorch race");
  }
  code_popup(code);
  return playing || race.is_playing;
}

}  // namespace bp::app
