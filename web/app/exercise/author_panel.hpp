// The author panel (author=1): a teacher ticks what the shown mode hides, locks and asks, sees it
// applied at once, and copies the exercise's link (without author=1). ImGui.
#pragma once

#include "state/app_state.hpp"

namespace bp::app {

// Draws the panel above the mode's own when state.exercise.is_authoring; edits state.exercise.
void author_panel(AppState& state);

}  // namespace bp::app
