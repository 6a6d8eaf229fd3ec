// Large opaque rectangles (panel backgrounds, plot areas) painted by a scissored glClear instead of ImGui
// triangles. A software renderer (headless Chromium's, a phone's GPU fallback) pays per pixel for every
// textured, blended triangle: the window and panel backgrounds were two whole canvases of such pixels per
// frame, most of a training frame's rendering, while a clear is a plain memory fill.
#pragma once

#include "imgui.h"

namespace bp::app {

// Paints [lo, hi) in `colour`, under whatever `draw` draws next; an ordinary filled rectangle when the
// colour is not opaque (a clear cannot blend).
void fill_opaque(ImDrawList* draw, ImVec2 lo, ImVec2 hi, ImU32 colour);

// ImGui::BeginChild with its background painted by fill_opaque (ImGuiCol_ChildBg); pair with EndChild.
bool begin_opaque_child(const char* id, ImVec2 size, ImGuiChildFlags child_flags = 0,
                        ImGuiWindowFlags window_flags = 0);

}  // namespace bp::app
