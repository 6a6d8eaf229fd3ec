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
// Forgets the timed frames, so a measurement covers only what follows.
void reset_frame_stats();
// The controls Tab goes through, as JSON (tab_order.hpp), for the browser tests.
const char* controls_json();
// Stops drawing for good (the instance is being destroyed).
void stop();

}  // namespace bp::platform
