// State link: the glue between the link codec (link_codec.cpp) and the page (page.hpp).
#include "link_sync.hpp"

#include <optional>

#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID: end an edit when the state changes from outside
#include "clock.hpp"
#include "frame_later.hpp"
#include "page.hpp"
#include "platform.hpp"
#include "state/link_codec.hpp"

namespace bp::app {

namespace {
AppState* g_state = nullptr;
std::vector<std::string> g_notices;
std::optional<AppState> g_last_published;  // the state the page's hash now shows
std::string g_last_hash;                   // and its hash: encoded once per change, not twice

long g_states_applied = 0;

void apply(const std::string& hash) {
  if (!g_state) return;
  ++g_states_applied;
  DecodedState decoded = decode_state(hash);
  *g_state = std::move(decoded.state);
  g_notices = std::move(decoded.notices);
  for (const auto& notice : g_notices) page::report_notice(notice);
}
}  // namespace

void attach_state(AppState& state) { g_state = &state; }

void load_initial_state(AppState& state) {
  attach_state(state);
  apply(page::initial_hash());
}

namespace {
// Only training's weights and epochs differ from what the page last heard.
bool only_training_moved(const AppState& state, const AppState& published) {
  if (state.network.epochs == published.network.epochs && state.network.weights == published.network.weights) {
    return false;
  }
  AppState moved = state;
  moved.network.weights = published.network.weights;
  moved.network.epochs = published.network.epochs;
  return moved == published;
}
}  // namespace

void publish_state(const AppState& state, bool more_frames) {
  // Compared as values, every frame; encoded only when something changed, and then at most ten times a
  // second: a drag changes x₀ every frame, and encoding the state twice per frame (link and full state) was
  // a third of a drag frame's panel work at 4× CPU throttling. While training, encoding the weights cost a
  // fifth of a frame: they are reported once a second (the address bar follows at most that often anyway,
  // page.js). A change held back is reported by a frame asked for when its time comes; getState() encodes
  // the state of the moment (full_state()).
  constexpr double kReportMs = 100, kTrainingReportMs = 1000;
  static double last_report_ms = -1e9;
  if (g_last_published && *g_last_published == state) return;
  const double now = now_ms();
  if (g_last_published) {
    const bool is_training = more_frames && only_training_moved(state, *g_last_published);
    const double wait = (is_training ? kTrainingReportMs : kReportMs) - (now - last_report_ms);
    if (wait > 0) {
      if (!is_training) ask_frame_after<struct LinkReport>(wait);  // training asks for frames of its own
      return;
    }
  }
  last_report_ms = now;
  std::string hash = encode_state(state);
  const bool is_new_hash = !g_last_published || hash != g_last_hash;
  g_last_published = state;
  g_last_hash = std::move(hash);
  if (is_new_hash) page::state_changed(g_last_hash, encode_state(state, true));
}

std::vector<std::string>& state_notices() { return g_notices; }

void set_state_from_page(const std::string& hash) {
  // A text field being edited keeps its own copy of the text and would write it back over the new
  // state: the edit ends here.
  ImGui::ClearActiveID();
  apply(hash);
}

long states_from_page() { return g_states_applied; }

std::string full_state() { return g_state ? encode_state(*g_state, true) : ""; }

}  // namespace bp::app
