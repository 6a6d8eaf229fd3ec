// Colours and style: a light theme that sits on a course page.
#pragma once

#include "imgui.h"

namespace bp::app::theme {

void apply();

inline constexpr ImU32 kCurve = IM_COL32(33, 102, 172, 255);       // f
inline constexpr ImU32 kDerivative = IM_COL32(120, 120, 120, 255); // f′
inline constexpr ImU32 kTangent = IM_COL32(214, 96, 77, 255);      // exact slope
inline constexpr ImU32 kSecant = IM_COL32(27, 158, 119, 255);      // finite difference
inline constexpr ImU32 kPoint = IM_COL32(214, 96, 77, 255);
inline constexpr ImU32 kGrid = IM_COL32(0, 0, 0, 22);
inline constexpr ImU32 kAxis = IM_COL32(0, 0, 0, 110);
inline constexpr ImU32 kLabel = IM_COL32(70, 70, 70, 255);
inline constexpr ImU32 kPlotBackground = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kTrail = IM_COL32(117, 112, 179, 255);
inline constexpr ImU32 kError = IM_COL32(200, 30, 30, 255);
inline constexpr ImU32 kPositive = IM_COL32(33, 102, 172, 255);
inline constexpr ImU32 kNegative = IM_COL32(214, 96, 77, 255);
inline constexpr ImU32 kMuted = IM_COL32(150, 150, 150, 255);

}  // namespace bp::app::theme
