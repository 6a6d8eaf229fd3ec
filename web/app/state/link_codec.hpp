// The app state as a URL hash of readable key=value pairs, and back. No ImGui, no browser: this is
// tested natively. Decoding never fails as a whole: each bad or unknown pair is skipped with a
// notice saying which, and the rest still applies.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "state/app_state.hpp"

namespace bp::app {

// "mode=function&expr=f(x)%20%3D%202x%C2%B2...&x0=2&h=0.001&scheme=forward&view=-3,4,-2,40"
// Only what differs from the defaults is written, so links stay short; `mode` is always there.
// With include_defaults, every key is written (for getState()).
std::string encode_state(const AppState& state, bool include_defaults = false);

struct DecodedState {
  AppState state;
  std::vector<std::string> notices;  // one line per pair that was skipped or corrected
};

// Starts from `base` and applies the pairs of `hash` (with or without '#').
DecodedState decode_state(std::string_view hash, const AppState& base);
// The same from the defaults.
DecodedState decode_state(std::string_view hash);

// encodeURIComponent / decodeURIComponent for UTF-8 text; decoding reports malformed escapes.
std::string percent_encode(std::string_view text);
bool percent_decode(std::string_view text, std::string& out);

}  // namespace bp::app
