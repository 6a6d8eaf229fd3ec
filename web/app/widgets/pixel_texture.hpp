// A small RGBA picture the app computes on the CPU and ImGui draws as textured quads (AddImage): the
// network's per-neuron thumbnails. Uploading a few hundred texels ten times a second and drawing one quad
// per thumbnail replaces thousands of shaded cells that every frame had to copy, upload and rasterise.
#pragma once

#include <vector>

#include "imgui.h"

namespace bp::app {

class PixelTexture {
 public:
  // Texels row by row from the top, each an ImU32 as ImGui packs colours (R, G, B, A in memory order).
  // Sampled bilinearly: a texel is the colour at its centre, blended towards its neighbours between them.
  void upload(int width, int height, const std::vector<ImU32>& texels);

  // For ImDrawList::AddImage; null before the first upload (and after a lost context, until the next).
  ImTextureID id() const;

  // The texture coordinates of texel (x, y)'s centre: a block of texels drawn from its first centre to its
  // last shows exactly their bilinear blend, with no bleeding from the blocks beside it.
  ImVec2 texel_centre(float x, float y) const;

 private:
  unsigned texture_ = 0;
  unsigned generation_ = 0;  // the GL context generation the texture belongs to
  int width_ = 0, height_ = 0;
};

}  // namespace bp::app
