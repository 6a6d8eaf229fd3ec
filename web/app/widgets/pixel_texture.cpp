// GL side of PixelTexture: one RGBA8 texture, reallocated only when its size changes.
#include "widgets/pixel_texture.hpp"

#include <GLES3/gl3.h>

#include <cstdint>

#include "platform.hpp"

namespace bp::app {

void PixelTexture::upload(int width, int height, const std::vector<ImU32>& texels) {
  if (width <= 0 || height <= 0 || texels.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) {
    return;
  }
  if (generation_ != platform::gl_generation()) texture_ = 0;  // it died with the old context
  if (texture_ == 0) {
    glGenTextures(1, &texture_);
    generation_ = platform::gl_generation();
    width_ = height_ = 0;
  }
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  if (width != width_ || height != height_) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
    width_ = width, height_ = height;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
  }
  // Unbound, not restored: ImGui's renderer binds each draw's texture itself, and asking WebGL for the binding
  // (getParameter) cost more than the upload at 4× CPU throttling.
  glBindTexture(GL_TEXTURE_2D, 0);
}

ImTextureID PixelTexture::id() const {
  if (texture_ == 0 || generation_ != platform::gl_generation()) return nullptr;
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_));
}

ImVec2 PixelTexture::texel_centre(float x, float y) const {
  return ImVec2((x + 0.5f) / static_cast<float>(width_), (y + 0.5f) / static_cast<float>(height_));
}

}  // namespace bp::app
