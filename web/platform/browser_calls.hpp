// What the page's scripts may call in the platform layer itself, through the exports in exports.cpp.
// Not for the app: it sees platform.hpp and page.hpp only.
#pragma once

namespace bp::platform {

// The keyboard focus came into this instance from the page (dir = +1: by Tab, to the first control;
// -1: by Shift+Tab, to the last) or left it (0).
void keyboard_focus(int dir);
// What the learner typed into the text sink (one key, a composition, an insertion), UTF-8.
void text_input(const char* text);
// Text pasted into this instance: kept as the clipboard, then Ctrl+V pressed in ImGui.
void paste(const char* text);
// {frames timed, median and max ms per frame, median and max ms to build a frame, 95th percentile ms
// to build a frame} over the last frames (at most 240). Valid until the next call.
const double* frame_stats();
// The build times (ms) of the timed frames behind frame_stats() (its first number says how many), in no
// particular order: for benchmarks that pool the frames of several pages into one statistic.
const double* frame_build_times();
// Forgets the timed frames, so a measurement covers only what follows.
void reset_frame_stats();
// The controls Tab goes through, as JSON (tab_order.hpp), for the browser tests.
const char* controls_json();
// Stops drawing for good (the module aborted: its message stays on the page).
void stop();
// Pauses (true) or resumes (false) the frame loop: an instance out of view or in a hidden tab draws
// nothing and trains nothing (training runs inside frames). The page's calls still answer.
void set_paused(bool paused);
// Frames drawn since the start (for the browser tests: an instance out of view draws none).
double frames_drawn();
// Before destroy(): stops the frames for good, removes every listener the module put on the page and
// destroys its WebGL context, so that nothing on the page keeps the module (and its heap) alive.
void shutdown();

}  // namespace bp::platform
