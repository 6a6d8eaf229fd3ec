// Draws the two-variable view's heat map with contour lines on the GPU (shaders/heat_map.*) at the canvas's
// full resolution, inside an ImGui draw list, from a grid of samples uploaded as a float texture.
#pragma once

#include "imgui.h"
#include "plane/model.hpp"

namespace bp::app {

// False while the shaders are being built (a frame or a few, checked as the frame is rendered) and when
// WebGL2 could not build them: the caller then draws the coarse CPU map (draw_heat_map_on_cpu).
bool heat_map_renderer_ready(ImDrawList* draw);

// Queues a draw of `grid` into the rectangle [lo, hi], which shows the window x_min … x_max, y_min … y_max
// (the grid's own window, or another while panning). The texture is uploaded only when the grid changed.
void draw_heat_map_on_gpu(ImDrawList* draw, ImVec2 lo, ImVec2 hi, const SampledGrid& grid, double x_min,
                          double x_max, double y_min, double y_max);

// The same picture without contours from 64 × 64 rectangles: the fallback, and the first frames.
void draw_heat_map_on_cpu(ImDrawList* draw, ImVec2 lo, ImVec2 hi, const SampledGrid& grid);

// viridis at t in 0 … 1, as the shader colours it (the 3-D surface and the CPU map use it).
ImU32 heat_color(double t, float shade = 1.0f);

}  // namespace bp::app
