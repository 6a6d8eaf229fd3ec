// A filled dot as one textured quad from the font atlas's disc (platform::dot_sprite): the data points
// of network mode, hundreds per frame, at 2 triangles each instead of ImGui's ~34 per AddCircleFilled.
// Same texture as text, so dots never split a draw call.
#pragma once

#include "fonts.hpp"
#include "imgui.h"

namespace bp::app {

inline void add_dot(ImDrawList* draw, ImVec2 centre, float radius, ImU32 colour) {
  const platform::DotSprite& dot = platform::dot_sprite();
  const float half = radius * dot.edge;
  draw->PrimReserve(6, 4);
  draw->PrimRectUV(ImVec2(centre.x - half, centre.y - half), ImVec2(centre.x + half, centre.y + half), dot.uv_min,
                   dot.uv_max, colour);
}

}  // namespace bp::app
