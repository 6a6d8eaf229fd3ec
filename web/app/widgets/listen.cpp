// The audio trace's controls. Audio trace mode is one flag for the whole app: Alt+T in function mode
// and H in network mode mean the same as in Desmos, where the mode belongs to the calculator.
#include "widgets/listen.hpp"

#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID: H after Alt+T is for the trace, not for the field being edited
#include "page.hpp"
#include "platform.hpp"
#include "state/description.hpp"

namespace bp::app {

namespace {

bool g_trace_mode = false;
std::string g_said;       // what the screen reader hears before the panel's description
double g_said_until = 0;  // ImGui time

void say(const std::string& text, double seconds) {
  g_said = text;
  g_said_until = ImGui::GetTime() + seconds;
}

}  // namespace

bool listen_requested(const char* what) {
  const ImGuiIO& io = ImGui::GetIO();
  bool requested = false;
  if (io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_T, false)) {
    g_trace_mode = !g_trace_mode;
    if (g_trace_mode) ImGui::ClearActiveID();
    say(g_trace_mode ? std::string("Audio trace mode: press H to hear ") + what + ", Escape to leave."
                     : "Audio trace mode left.",
        5);
  } else if (g_trace_mode && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    g_trace_mode = false;
    page::play_notes({});
    say("Audio trace mode left.", 5);
  } else if (g_trace_mode && !io.KeyAlt && !io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_H, false) &&
             !io.WantTextInput) {
    requested = true;
  }
  if (g_trace_mode) platform::claim_escape();  // the next Escape leaves the mode, not the widget
  if (ImGui::Button("Listen")) requested = true;
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Hear %s: pitch follows the height, left to right; a tick where the slope is zero; "
                      "a buzzier tone where it falls. Keys: Alt+T, then H.", what);
  }
  ImGui::SameLine();
  ImGui::TextDisabled(g_trace_mode ? "audio trace: H to hear, Esc to leave" : "Alt+T, H");
  // (play_trace says what it plays in this same frame: frames are drawn only on input.)
  if (!requested && !g_said.empty() && ImGui::GetTime() < g_said_until) describe_first(g_said);
  return requested;
}

void play_trace(const std::string& what, const TraceSamples& samples, const char* x_name) {
  const AudioTrace trace = trace_curve(samples);
  std::vector<page::Note> notes;
  notes.reserve(trace.tones.size() + trace.ticks.size());
  for (const Tone& tone : trace.tones) {
    notes.push_back({tone.time, tone.duration, tone.frequency, tone.pan,
                     tone.timbre == Timbre::kFalling ? page::Voice::kBuzzy : page::Voice::kPure});
  }
  for (const Tick& tick : trace.ticks) notes.push_back({tick.time, 0.05, 0, tick.pan, page::Voice::kClick});
  page::play_notes(notes);
  say(describe_trace(what, samples, trace, x_name), trace.seconds + 1);
  describe_first(g_said);
}

}  // namespace bp::app
