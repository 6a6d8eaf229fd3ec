// Runs the expression pipeline once, soon after the page opens, so the first long function a learner
// pastes does not meet cold code.
#pragma once

namespace bp::app {

// Schedules the warm-up as its own task `delay_ms` after the call (not inside a frame).
void schedule_engine_warm_up(int delay_ms);

}  // namespace bp::app
