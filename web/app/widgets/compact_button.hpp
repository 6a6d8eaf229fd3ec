// A secondary button: one text line tall where a mouse points, full tap size on a touch screen. The
// platform grows the style's paddings for a coarse pointer (platform::fit_style_to_pointer, which also sets
// TouchExtraPadding); ImGui::SmallButton would ignore them and stay 16 px tall under a finger.
#pragma once

#include "imgui.h"

namespace bp::app {

inline bool compact_button(const char* label) {
  return ImGui::GetStyle().TouchExtraPadding.x > 0 ? ImGui::Button(label) : ImGui::SmallButton(label);
}

}  // namespace bp::app
