// The exercise's answer fields on the canvas: for each asked quantity of the shown mode a labelled
// number field, Check, right or wrong in words and colour, and "Show answer" when the link allows.
// ImGui; the checking is exercise/results.hpp's.
#pragma once

#include <functional>
#include <string>

#include "state/app_state.hpp"

namespace bp::app {

// Draws the answers asked in `mode` (nothing when none is), `width` px wide, at the top of the
// mode's controls. `context` says what the numbers are of ("training example #3"), or is empty; it is asked
// only when an answer is shown (its numbers' formatting was half a millisecond of every network frame at 4×
// CPU throttling, with no exercise on the page).
void answer_panel(Mode mode, float width, const std::function<std::string()>& context = {});

}  // namespace bp::app
