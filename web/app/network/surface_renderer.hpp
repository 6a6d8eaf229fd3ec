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

// While training, the pictures of the network (surface, neuron thumbnails) follow its weights at most this
// often: a forward pass per pixel on every frame was, under a software renderer (headless Chromium's, a
// phone's fallback), the GPU thread's whole frame, and it slowed the app's own frames on the same cores.
constexpr double kTrainingPictureMs = 100;

// Queues a draw of the surface into `draw` over the square [lo, lo + size]: the network's output
// for every pixel's point in [-6, 6]², coloured with `strength` (as value_color(strength · v)); a softmax
// output in its winning class's colour (as class_surface_color()). `is_training`: weights that moved since
// the picture was drawn less than kTrainingPictureMs ago keep that picture (a frame comes after training
// stops, which draws the final weights). False, with nothing queued, for a network larger than the shader
// takes (more than 16 numbers a layer or 9 weight layers): the caller draws on the CPU.
bool draw_surface_on_gpu(ImDrawList* draw, ImVec2 lo, float size, const nn::Network& network,
                         const std::vector<nn::Feature>& features, float strength, bool is_training);

}  // namespace bp::app
