// Function mode's two-variable view (ImGui): the controls, the point's readouts and one of the two pictures.
#pragma once

#include <string>

#include "state/app_state.hpp"

namespace bp::app {

// True when function mode's text has two or more free variables (plane/model.hpp's ViewChoice): the
// function panel then hands the frame to plane_panel.
bool shows_two_variables(const std::string& text);

// Draws the view for `state`; returns true while it needs frames (a drag, the shaders being built).
bool plane_panel(FunctionState& state);

}  // namespace bp::app
