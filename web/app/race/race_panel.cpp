// The race's controls and its f-against-step plot: ImGui over RaceModel. No number is computed here
// but the plot's bounds.
#include "race/race_panel.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "state/choices.hpp"
#include "widgets/compact_button.hpp"
#include "widgets/number_field.hpp"
#include "widgets/plot.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

constexpr std::size_t kMaxRacers = 8;  // what a link holds (state/link_codec.cpp)
constexpr int kMaxPlottedSegments = 600;  // per racer: a 100,000-step run is drawn every k-th step

// What a new racer is: the next of these not yet racing.
constexpr RaceRule kNewRacers[] = {RaceRule::kSgd,     RaceRule::kMomentum, RaceRule::kAdam,  RaceRule::kNesterov,
                                   RaceRule::kRmsprop, RaceRule::kAdagrad,  RaceRule::kAdamW, RaceRule::kNewton};

// Learning rates that make each racer move visibly on a function of a few units (torch's defaults
// of 1e-3 crawl across such a plot); the learner changes them.
RacerSettings new_racer(RaceRule rule) {
  RacerSettings r = racer_defaults(rule);
  if (rule != RaceRule::kNewton) r.hyper.learning_rate = rule == RaceRule::kSgd || rule == RaceRule::kMomentum ||
                                                                 rule == RaceRule::kNesterov ? 0.05 : 0.1;
  return r;
}

bool uses_momentum(RaceRule r) {
  return r == RaceRule::kMomentum || r == RaceRule::kNesterov || r == RaceRule::kRmsprop;
}
bool uses_betas(RaceRule r) { return r == RaceRule::kAdam || r == RaceRule::kAdamW; }
bool uses_epsilon(RaceRule r) { return r == RaceRule::kAdagrad || r == RaceRule::kRmsprop || uses_betas(r); }

bool setting(const char* label, double& value, float width, NumberLimits limits) {
  NumberFieldOptions o;
  o.width = width;
  o.limits = limits;
  return number_field(label, value, o);
}

// The rule's own settings, each a number field; true when one changed.
bool racer_settings(RacerSettings& r, float width) {
  bool changed = false;
  NumberFieldOptions lr = learning_rate_field(width);
  lr.limits = {0, 1e6};
  changed |= number_field(r.rule == RaceRule::kNewton ? "step γ" : "lr", r.hyper.learning_rate, lr);
  if (r.rule == RaceRule::kNewton) return changed;
  if (!ImGui::TreeNode("settings")) return changed;
  if (uses_momentum(r.rule)) changed |= setting("momentum μ", r.hyper.momentum, width, {0, 1e6});
  if (r.rule == RaceRule::kRmsprop) changed |= setting("alpha α", r.hyper.alpha, width, {0, 1});
  if (uses_betas(r.rule)) {
    changed |= setting("β₁", r.hyper.beta1, width, {0, 0.999999});
    changed |= setting("β₂", r.hyper.beta2, width, {0, 0.999999});
  }
  if (uses_epsilon(r.rule)) changed |= setting("eps ε", r.hyper.epsilon, width, {0, 1});
  changed |= setting("weight decay", r.hyper.weight_decay, width, {0, 1e6});
  ImGui::TreePop();
  return changed;
}

// Swatch, rule, remove; the counter; the settings; why it stopped. Returns true when asked to remove.
bool racer_row(RaceState& race, RaceModel& model, std::size_t r, const RacePanelOptions& options, bool& changed) {
  RacerSettings& racer = race.racers[r];
  ImGui::PushID(static_cast<int>(r));
  const float line = ImGui::GetFrameHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + 3), ImVec2(at.x + line - 6, at.y + line - 3),
                                            racer_color(r), 3);
  ImGui::Dummy(ImVec2(line - 4, line));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(90.0f, options.width * 0.45f));
  if (ImGui::BeginCombo("##rule", racer_title(racer.rule))) {
    for (const auto& choice : race_rule_choices()) {
      if (choice.value == RaceRule::kNewton && !options.offers_newton) continue;
      if (ImGui::Selectable(racer_title(choice.value), choice.value == racer.rule) && choice.value != racer.rule) {
        racer = new_racer(choice.value);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  const bool remove = compact_button("remove");
  if (r < model.racers()) {  // beside the buttons when it fits, else under them (a narrow panel cut it)
    const long steps = std::max(0L, model.steps_taken(r));
    const std::string counter = std::to_string(steps) + (steps == 1 ? " step" : " steps");
    const float row_end = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    const float panel_end = at.x + options.width;  // the region ImGui reports runs under the scroll bar
    if (row_end + ImGui::CalcTextSize(counter.c_str()).x <= panel_end) ImGui::SameLine();
    ImGui::TextDisabled("%s", counter.c_str());
  }
  changed |= racer_settings(racer, options.width);
  if (r < model.racers() && !model.message(r).empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped("%s", model.message(r).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopID();
  return remove;
}

}  // namespace

ImU32 racer_color(std::size_t r) {
  // Eight hues apart in a colour-blind-safe order (Okabe–Ito), dark enough on the light plot.
  static const ImU32 kColors[] = {IM_COL32(0, 114, 178, 255),  IM_COL32(213, 94, 0, 255),
                                  IM_COL32(0, 158, 115, 255),  IM_COL32(204, 121, 167, 255),
                                  IM_COL32(86, 180, 233, 255), IM_COL32(230, 159, 0, 255),
                                  IM_COL32(120, 120, 120, 255), IM_COL32(160, 40, 40, 255)};
  return kColors[r % (sizeof kColors / sizeof kColors[0])];
}

bool race_controls(RaceState& race, RaceModel& model, const RacePanelOptions& options) {
  bool changed = false;
  if (!model.error().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped("%s", model.error().c_str());
    ImGui::PopStyleColor();
  }
  for (std::size_t r = 0; r < race.racers.size(); ++r) {
    if (racer_row(race, model, r, options, changed)) {
      race.racers.erase(race.racers.begin() + static_cast<long>(r));
      changed = true;
      break;
    }
  }
  ImGui::BeginDisabled(race.racers.size() >= kMaxRacers);
  if (ImGui::Button("Add racer")) {
    RaceRule next = RaceRule::kSgd;
    for (RaceRule rule : kNewRacers) {
      if (rule == RaceRule::kNewton && !options.offers_newton) continue;
      const bool taken = std::any_of(race.racers.begin(), race.racers.end(),
                                     [rule](const RacerSettings& s) { return s.rule == rule; });
      if (!taken) {
        next = rule;
        break;
      }
    }
    race.racers.push_back(new_racer(next));
    changed = true;
  }
  ImGui::EndDisabled();
  if (race.racers.empty()) return changed;

  ImGui::BeginDisabled(!model.any_running() && !race.is_playing);
  if (ImGui::Button(race.is_playing ? "Pause" : "Play")) model.toggle_play(race);
  ImGui::SameLine();
  if (ImGui::Button("Step")) model.step(race), changed = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Reset")) model.reset(race), changed = true;
  ImGui::SameLine();
  ImGui::Text("step %ld", race.steps);
  NumberFieldOptions pace;
  pace.width = options.width;
  pace.limits = {0.1, 1000};
  pace.has_slider = pace.log_slider = true;
  pace.slider_min = 1, pace.slider_max = 1000;
  number_field("steps/s", race.steps_per_second, pace);
  NumberFieldOptions noise;
  noise.width = options.width;
  noise.limits = {0, 1e6};
  changed |= number_field("noise σ", race.noise, noise);
  if (race.noise > 0) {
    double seed = static_cast<double>(race.seed);
    NumberFieldOptions seed_field;
    seed_field.width = options.width;
    seed_field.limits = {0, 9007199254740991.0};
    if (number_field("noise seed", seed, seed_field) && seed == std::floor(seed)) {
      race.seed = static_cast<std::uint64_t>(seed);
      changed = true;
    }
  }
  return changed;
}

void race_f_plot(const RaceState& race, const RaceModel& model, ImVec2 size) {
  // The bounds of every finite f drawn (positive ones only on a log scale).
  double lo = INFINITY, hi = -INFINITY;
  long longest = 1;
  bool has_non_positive = false;
  for (std::size_t r = 0; r < model.racers(); ++r) {
    const optim::Path& p = model.path(r);
    longest = std::max(longest, static_cast<long>(p.points()) - 1);
    for (double f : p.f) {
      if (!std::isfinite(f)) continue;
      if (race.log_scale && f <= 0) {
        has_non_positive = true;
        continue;
      }
      lo = std::min(lo, f), hi = std::max(hi, f);
    }
  }
  if (!(lo <= hi)) lo = race.log_scale ? 1e-3 : 0, hi = race.log_scale ? 1 : 1;
  PlotView view;
  view.x_min = 0, view.x_max = static_cast<double>(longest);
  if (race.log_scale) {
    view.log_y = true;
    view.y_min = std::floor(std::log10(lo)), view.y_max = std::ceil(std::log10(hi));
    if (view.y_min == view.y_max) view.y_max += 1;
  } else {
    const double pad = hi > lo ? (hi - lo) * 0.06 : 1;
    view.y_min = lo - pad, view.y_max = hi + pad;
  }
  PlotOptions fixed;
  fixed.pan_and_zoom = false;
  Plot plot("race_f_plot", size, view, fixed);
  for (std::size_t r = 0; r < model.racers(); ++r) {
    const optim::Path& p = model.path(r);
    if (p.points() < 2) continue;
    const std::size_t stride = std::max<std::size_t>(1, p.points() / kMaxPlottedSegments);
    const Stroke stroke{racer_color(r), 2};
    for (std::size_t k = 0; k + 1 < p.points(); k += stride) {
      const std::size_t next = std::min(k + stride, p.points() - 1);
      const double a = p.f[k], b = p.f[next];
      if (race.log_scale && (a <= 0 || b <= 0)) continue;
      plot.segment(static_cast<double>(k), a, static_cast<double>(next), b, stroke);
    }
  }
  plot.end();
  if (has_non_positive) ImGui::TextDisabled("log scale: points with f ≤ 0 are left out");
}

}  // namespace bp::app
