// How an embedding page configures an instance (not part of the shared state): compact chrome, the
// gallery, controls to hide, fields to lock, an initial zoom. Read from the page's address
// (?embed=1&hide=table,descent&lock=expr&zoom=1.2) or mount()'s `embed` option. No ImGui.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "state/app_state.hpp"

namespace bp::app {

struct EmbedOptions {
  bool embed = false;               // compact: no gallery or copy-link buttons unless asked for
  bool gallery = true;              // the Gallery… and Copy link buttons
  bool tabs = true;                 // the mode tabs (hide=tabs shows only the link's mode)
  std::vector<std::string> hide;    // controls and results (state/exercise_names.hpp's hide_names())
  std::vector<std::string> lock;    // read-only inputs (lock_names())
  float zoom = 1;                   // 0.5 … 2, scales text and controls
  std::string theme = "light";      // light, dark, or auto (the reader's system setting)
  std::vector<std::string> notices; // what was not understood

  bool hides(std::string_view control) const;
  bool locks(std::string_view field) const;
};

// From "embed=1&gallery=0&hide=table,descent&lock=expr&zoom=1.25" (a leading '?' is fine; unknown
// keys are left to the page, which has its own, such as origins).
EmbedOptions parse_embed_options(std::string_view query);

// The instance's options, set once at start.
const EmbedOptions& embed_options();
void set_embed_options(EmbedOptions options);

// The link's exercise (AppState::exercise), read by is_hidden and is_locked; set once at start (it
// must outlive every call).
void set_exercise(const ExerciseState& exercise);
// Whether the embed options or the link's exercise hide a control or result ("slope", "grad:a"; a node's
// gradient also with "grads"), or lock an input ("x0", "buttons").
bool is_hidden(std::string_view name);
bool is_locked(std::string_view name);

}  // namespace bp::app
