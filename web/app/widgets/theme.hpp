// Colours and style: a light theme that sits on a course page, a dark one, and `auto` following the
// reader's system setting (chosen by the embed option theme=light|dark|auto).
#pragma once

#include "imgui.h"

namespace bp::app::theme {

struct Palette {
  ImU32 curve, derivative, tangent, secant, point, grid, axis, label, plot_background, trail, error, muted;
  ImU32 node_fill, node_current, highlight;  // graph boxes, the node being stepped, captions and notices
};

// Applies the light or the dark theme to ImGui and to the palette below.
void apply(bool dark);
bool is_dark();
const Palette& colors();

// The reader asked the system for more contrast (prefers-contrast: more); call before apply(). Either
// theme then draws its text and lines darker (lighter on dark), with no light grey on grey, and its
// plot lines line_scale() times thicker.
void set_more_contrast(bool more);
bool is_more_contrast();
float line_scale();  // 1, or 1.75 with more contrast

}  // namespace bp::app::theme
