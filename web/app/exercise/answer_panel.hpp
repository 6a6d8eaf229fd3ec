// The exercise's answer fields on the canvas: for each asked quantity of the shown mode a labelled
// number field, Check, right or wrong in words and colour, and "Show answer" when the link allows.
// ImGui; the checking is exercise/results.hpp's.
#pragma once

#include "state/app_state.hpp"

namespace bp::app {

// Draws the answers asked in `mode` (nothing when none is), `width` px wide, at the top of the
// mode's controls. `context` says what the numbers are of ("training example #3"), or is empty.
void answer_panel(Mode mode, float width, const char* context = "");

}  // namespace bp::app
