// The app's fonts: DejaVu Sans and DejaVu Sans Mono (Debian's fonts-dejavu-core), cut down at build
// time to the glyphs we show and embedded in the WebAssembly module.
#pragma once

#include "imgui.h"

namespace bp::platform {

struct Fonts {
  ImFont* text = nullptr;    // 16 px: labels, fields
  ImFont* mono = nullptr;    // 15 px: numbers in tables and matrices
};

// An anti-aliased white disc in the font atlas: a dot drawn from it is one textured quad (2 triangles)
// in the same draw call as the text, where ImGui's AddCircleFilled costs about 34 triangles. The network
// mode draws hundreds of data points per frame, and a software renderer pays per triangle.
struct DotSprite {
  ImVec2 uv_min, uv_max;  // the sprite's square in the atlas
  float edge = 1;         // half the square's side over the disc's radius (the square holds a 1 px margin)
};
const DotSprite& dot_sprite();

// Rebuilds the atlas rasterised at `pixel_ratio` device pixels per CSS pixel (crisp at 1, 2, 3).
void load_fonts(float pixel_ratio);
const Fonts& fonts();

}  // namespace bp::platform
