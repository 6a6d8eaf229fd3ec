// The optimizer race where function mode draws it: the side-panel section (racers, buttons, the f-against-
// step plot, CSV and Show code) and the racers' trails on whichever picture shows the variables (the 1-D
// plot of f; the 2-D heat map). One race model for the page, kept here. ImGui.
#pragma once

#include <functional>

#include "expr/engine.hpp"
#include "imgui.h"
#include "state/app_state.hpp"

namespace bp::app {

// Each racer's trail as a coloured line with a dot per step (while the steps are few) and a ring at its
// last point. `to_screen` maps (x, y) to the screen: with two variables the trail's (x, y); with one,
// (x, f(x)).
void draw_race_trails(ImDrawList* list, const std::function<ImVec2(double x, double y)>& to_screen);

// The side-panel section "Optimizer race" from `start` (the variables optimized and their values: x₀, or
// x₀ and y₀), `width` pixels wide. Steps the race (each frame, paced by the clock). Returns true while it
// needs more frames (playing).
bool race_section(FunctionState& state, const expr::Vars& start, float width);

}  // namespace bp::app
