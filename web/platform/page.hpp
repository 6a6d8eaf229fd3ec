// The page around the canvas, both ways: what the app asks of it (its address, the clipboard,
// downloads, the text for screen readers, the reader's colour preference) and the hooks through which
// the page's scripts ask the app (exports.cpp). The app includes this, never a browser header;
// page_emscripten.cpp is the browser's side.
#pragma once

#include <string>
#include <vector>

namespace bp::page {

// --- the app asks the page -------------------------------------------------------------------------

// The state to start with: what an embedder passed (Module.initialState), else location.hash with
// its '#', else "".
std::string initial_hash();
// The state changed (Module.onStateChange): the page writes `hash` (the short link, defaults left out)
// to the address bar; embedders hear `full_state` (every key, defaults included: what getState() says).
void state_changed(const std::string& hash, const std::string& full_state);
// An exercise's answer was checked (Module.onAnswer): `json` is exercise/results.hpp's attempt_json.
void answered(const std::string& json);
// A notice about a bad pair of a link, for the developer's console (the app shows it too).
void report_notice(const std::string& text);
// The text description of what the canvas shows, for the page's aria-live region (screen readers).
void describe(const std::string& text);
// Says `text` to screen readers at once (a polite aria-live region of its own): for what a key just
// changed ("x₀ = 2.1, f = 6.42, slope 5.4"). describe() is for the whole view, after it settles.
void announce(const std::string& text);
// Saves `text` as a file named `filename` (the browser's download, typed text/csv).
void download_text(const std::string& filename, const std::string& text);
// Saves the canvas as a PNG named `filename`, or only the rectangle [x, y, w, h] (CSS pixels) when
// w > 0; `ratio` is device pixels per CSS pixel. Read between frames (the canvas keeps its drawing).
void download_png(const std::string& filename, float x, float y, float w, float h, float ratio);
// Copies the page's address with `hash` as its fragment, and tells the page (Module.onCopyLink).
void copy_link(const std::string& hash);
// The CSS selector of the canvas the page handed the app ("#canvas"): several instances may share a page.
std::string canvas_selector();
// The embedding page's options ("embed=1&hide=…", docs/embedding.md), or "".
std::string embed_options();
// Whether the reader's system asks for dark colours. With `follow`, each later change of that setting
// reaches the app's set_dark hook.
bool prefers_dark(bool follow);

// One note of a sound the app plays (the audio trace, audio_emscripten.cpp): from `start` seconds after
// the call for `duration` seconds, at `frequency` Hz, panned from −1 (left) to 1 (right). Notes of one
// voice that follow each other without a gap glide into each other.
enum class Voice { kPure, kBuzzy, kClick };  // a sine; a sawtooth; a short click (frequency ignored)
struct Note {
  double start = 0, duration = 0, frequency = 440, pan = 0;
  Voice voice = Voice::kPure;
};
// Plays `notes` (Web Audio), stopping what the app played before; an empty list only stops. Silent in a
// browser without Web Audio.
void play_notes(const std::vector<Note>& notes);

// --- the page asks the app -------------------------------------------------------------------------

// What the page's scripts (window.playground, embedders, tests) may ask the app. exports.cpp calls
// these; one left unset answers as an app with nothing to say: an empty state, an empty gallery, NaN.
struct AppHooks {
  void (*set_state)(const std::string& hash) = nullptr;      // setState() or a hash changed outside
  std::string (*full_state)() = nullptr;                     // every key, defaults included (getState())
  std::string (*gallery_json)() = nullptr;                   // [{"title", "caption", "hash"}, ...]
  // The network's output `k` at a point (tests; a softmax's class k probability), NaN past the outputs.
  double (*network_output)(double x1, double x2, int k) = nullptr;
  void (*set_dark)(bool dark) = nullptr;                     // the system's colour scheme changed
  std::string (*layout_json)() = nullptr;                    // where the last frame put the pictures (tests)
  std::string (*results_json)() = nullptr;                   // {"shown":{…},"answers":[…]} (getResults())
  std::string (*answer)(const std::string& id, double value) = nullptr;  // an attempt's JSON, or {"error"}
};

// Registers the app's hooks; call once at start, before the page can call in (before platform::init).
void set_app_hooks(const AppHooks& hooks);

}  // namespace bp::page
