// Geometry drawn once into a private ImDrawList and copied into a window's draw list on later frames, moved
// with its origin: for pictures of many anti-aliased lines that change less often than frames are drawn (the
// network diagram's edges while it trains), where building each line's vertices again was the cost.
#pragma once

#include "imgui.h"

namespace bp::app {

class KeptDrawing {
 public:
  KeptDrawing() = default;
  KeptDrawing(const KeptDrawing&) = delete;
  KeptDrawing& operator=(const KeptDrawing&) = delete;
  ~KeptDrawing();

  // The list to draw into, emptied, with `draw`'s flags (anti-aliasing); `origin` is the screen point the
  // geometry is drawn relative to now.
  ImDrawList& begin(const ImDrawList* draw, ImVec2 origin);
  // False until begin(), once the font atlas changed (its white pixel and baked lines moved), and for more
  // than 65,535 vertices (16-bit indices): then draw directly.
  bool is_current() const;
  // Appends the kept geometry to `draw` (in the font atlas's texture, under `draw`'s clip rectangle), moved by
  // `origin` minus the origin it was drawn at.
  void append_to(ImDrawList* draw, ImVec2 origin) const;

 private:
  ImDrawList* list_ = nullptr;
  ImVec2 origin_;
  ImTextureID atlas_ = nullptr;
  ImVec2 white_pixel_;
};

}  // namespace bp::app
