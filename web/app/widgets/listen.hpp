// Hearing a curve: the "Listen" button and Desmos's keys (Alt+T enters audio trace mode, H hears the
// curve, Escape leaves), and playing an audio trace (widgets/audio_trace.hpp) through the page.
#pragma once

#include <string>

#include "widgets/audio_trace.hpp"

namespace bp::app {

// Draws the "Listen" button (with its hint) and reads the keys. True in the frame the learner asked
// to hear the curve: the button, or H in audio trace mode.
bool listen_requested(const char* what);

// Plays the trace of `samples` and tells the screen reader what it plays; `what` names the curve.
void play_trace(const std::string& what, const TraceSamples& samples, const char* x_name = "x");

}  // namespace bp::app
