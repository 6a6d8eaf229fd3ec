// The two-variable view's pictures (ImGui): the heat map with contours and the point's derivatives, and
// the 3-D surface. They draw what plane/model.hpp computed; their only inputs are the view, the camera,
// the point and the direction.
#pragma once

#include "imgui.h"
#include "plane/model.hpp"
#include "state/app_state.hpp"

namespace bp::app {

// The heat map in `size`: drag the point or the direction's handle, drag empty space to pan, wheel or pinch
// to zoom, double-click or "fit" to fit; arrows move the point when the map has keyboard focus. `rect` gets
// the map's x, y, width, height on screen. Returns true while it needs frames.
bool map_view(FunctionState& state, PlaneModel& model, ImVec2 size, ImVec4& rect);

// The surface over the same window: drag to rotate, wheel to zoom, double-click for the first camera;
// arrows rotate when it has keyboard focus. The point and its tangent plane are drawn on it.
bool surface_view(FunctionState& state, PlaneModel& model, ImVec2 size, ImVec4& rect);

}  // namespace bp::app
