// Connects the app state to the page: reads the state a link carries at start, tells the page when
// the state changes (it updates location.hash), and takes states the page sets (window.playground).
#pragma once

#include <string>
#include <vector>

#include "state/app_state.hpp"

namespace bp::app {

// Applies the page's initial state (its location.hash, or what an embedder passed).
void load_initial_state(AppState& state);
// Call once per frame after the panels: reports a changed state to the page, at most ten times a second (a
// change held back is reported a frame later than that). `more_frames`: the app has asked for another frame;
// training's weights and epochs are then reported once a second (the frame after training stops reports the
// last of them).
void publish_state(const AppState& state, bool more_frames = false);
// Notices from the last decoded link (bad or unknown pairs), for the app to show; clear() dismisses.
std::vector<std::string>& state_notices();
// The app's state, for the page's exported calls.
void attach_state(AppState& state);
// A state set from outside (setState(), a hash changed by hand) replaces the attached one.
void set_state_from_page(const std::string& hash);
// How many states have been set from outside so far (the initial one included): a model that treats the
// learner's edits and a new link differently compares it with the count it last saw.
long states_from_page();
// Every key of the attached state, defaults included (getState()); "" before a state is attached.
std::string full_state();

}  // namespace bp::app
