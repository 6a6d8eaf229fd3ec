// The gallery: curated examples, each simply a state (so a link) with a title and a two-line caption.
// The seeds' examples first, then one idea each. No ImGui: every entry is checked natively.
#pragma once

#include <string>
#include <vector>

#include "state/app_state.hpp"

namespace bp::app {

struct GalleryEntry {
  std::string title;
  std::string caption;  // two short lines, separated by '\n'
  AppState state;
};

const std::vector<GalleryEntry>& gallery();

}  // namespace bp::app
