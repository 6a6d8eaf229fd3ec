// Function mode's two plots: f with its tangent, secant and descent trail (x₀ dragged along it),
// and the finite difference's error against h. They draw the model's numbers; ImGui only.
#pragma once

#include "function/model.hpp"
#include "imgui.h"
#include "state/app_state.hpp"

namespace bp::app {

// The Taylor parabola and its f″ readout: apart from f, f′, the tangent and the secant.
inline constexpr ImU32 kTaylorColor = IM_COL32(136, 60, 190, 255);

// Pans and zooms the state's view, moves x₀ with a left-drag; `rect` gets the plot's x, y, width and
// height on screen. Returns true while a curve is still being sampled (more frames needed).
bool function_plot(FunctionState& state, FunctionModel& model, ImVec2 size, double deadline, ImVec4& rect);
// |finite difference − exact| against h on log–log axes, the sweet spot and the chosen h marked.
void error_plot(const FunctionState& state, FunctionModel& model, ImVec2 size);

}  // namespace bp::app
