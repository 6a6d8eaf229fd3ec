// The race's controls (ImGui): the racer list (add, remove, colour, rule, its settings as number
// fields, its step counter and why it stopped), play/pause/step/reset, the pace, the gradient noise and
// its seed, and a plot of f against step for each racer (log scale on request). Draws what
// race/race_model.hpp computed; changes the state and calls the model, nothing more.
#pragma once

#include "imgui.h"
#include "race/race_model.hpp"
#include "state/app_state.hpp"

namespace bp::app {

// Racer r's colour: the trail, the swatch and its curve in the f-against-step plot.
ImU32 racer_color(std::size_t r);

// The rules a new racer may take: Newton only when the race has one variable.
struct RacePanelOptions {
  float width = 300;  // pixels
  bool offers_newton = true;
};

// The racer list and the buttons; true when a racer, setting or the step count changed.
bool race_controls(RaceState& race, RaceModel& model, const RacePanelOptions& options);
// f against step, one curve per racer, `size` pixels.
void race_f_plot(const RaceState& race, const RaceModel& model, ImVec2 size);

}  // namespace bp::app
