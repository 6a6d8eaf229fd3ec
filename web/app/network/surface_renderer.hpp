// Draws the network mode's decision surface on the GPU (shaders/decision_surface.*) at the canvas's
// full resolution, inside an ImGui draw list. The CPU path in network_view.cpp stays as the fallback.
#pragma once

#include <vector>

#include "imgui.h"
#include "nn/network.hpp"
#include "nn/dataset.hpp"

namespace bp::app {

// False while the shaders are being built (a frame or a few, without waiting for the GPU: the check is
// queued into `draw` and runs as the frame is rendered) and when WebGL2 could not build them: the
// caller then draws on the CPU.
bool surface_renderer_ready(ImDrawList* draw);

// Queues a draw of the surface into `draw` over the square [lo, lo + size]: the network's output
// for every pixel's point in [-6, 6]², coloured with `strength` (as value_color(strength · v)); a softmax
// output in its winning class's colour (as class_surface_color()).
void draw_surface_on_gpu(ImDrawList* draw, ImVec2 lo, float size, const nn::Network& network,
                         const std::vector<nn::Feature>& features, float strength);

}  // namespace bp::app
