// KeptDrawing: see kept_drawing.hpp.
#include "widgets/kept_drawing.hpp"

#include <cstring>

#include "imgui_internal.h"  // GetDrawListSharedData: a list of our own that draws as the windows' do

namespace bp::app {

KeptDrawing::~KeptDrawing() {
  if (list_) IM_DELETE(list_);
}

ImDrawList& KeptDrawing::begin(const ImDrawList* draw, ImVec2 origin) {
  if (!list_) list_ = IM_NEW(ImDrawList)(ImGui::GetDrawListSharedData());
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  list_->_ResetForNewFrame();
  list_->Flags = draw->Flags;
  list_->PushTextureID(atlas.TexID);
  list_->PushClipRectFullScreen();
  origin_ = origin;
  atlas_ = atlas.TexID;
  white_pixel_ = atlas.TexUvWhitePixel;
  return *list_;
}

bool KeptDrawing::is_current() const {
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  // 16-bit indices: a copy must fit one vertex range (the largest network's edges take about 16,000).
  return list_ && list_->VtxBuffer.Size < (1 << 16) && atlas_ == atlas.TexID &&
         white_pixel_.x == atlas.TexUvWhitePixel.x && white_pixel_.y == atlas.TexUvWhitePixel.y;
}

void KeptDrawing::append_to(ImDrawList* draw, ImVec2 origin) const {
  if (!is_current() || list_->VtxBuffer.Size == 0) return;
  const int vertices = list_->VtxBuffer.Size, indices = list_->IdxBuffer.Size;
  draw->PushTextureID(atlas_);
  draw->PrimReserve(indices, vertices);  // may start a new vertex offset: _VtxCurrentIdx is read after it
  const ImDrawIdx base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
  const ImVec2 shift(origin.x - origin_.x, origin.y - origin_.y);
  std::memcpy(draw->_VtxWritePtr, list_->VtxBuffer.Data, static_cast<std::size_t>(vertices) * sizeof(ImDrawVert));
  if (shift.x != 0 || shift.y != 0) {
    for (int k = 0; k < vertices; ++k) draw->_VtxWritePtr[k].pos.x += shift.x, draw->_VtxWritePtr[k].pos.y += shift.y;
  }
  for (int k = 0; k < indices; ++k) draw->_IdxWritePtr[k] = static_cast<ImDrawIdx>(base + list_->IdxBuffer.Data[k]);
  draw->_VtxWritePtr += vertices;
  draw->_IdxWritePtr += indices;
  draw->_VtxCurrentIdx += static_cast<unsigned int>(vertices);
  draw->PopTextureID();
}

}  // namespace bp::app
