// RenderTarget: see render_target.hpp.
#include "widgets/render_target.hpp"

namespace bp::app {

bool RenderTarget::bind(int new_width, int new_height, GLint filter) {
  const bool is_new = !framebuffer || width != new_width || height != new_height;
  if (!framebuffer) glGenFramebuffers(1, &framebuffer);
  if (!texture) glGenTextures(1, &texture);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  if (is_new) {
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, new_width, new_height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    width = new_width, height = new_height;
  }
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, width, height);
  return is_new;
}

void RenderTarget::copy_to_canvas(const ImVec4& clip, float ratio, int x, int y, int w, int h,
                                  GLenum filter) const {
  const int fb_height = static_cast<int>(ImGui::GetIO().DisplaySize.y * ratio);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<int>(clip.x * ratio), fb_height - static_cast<int>(clip.w * ratio),
            static_cast<int>((clip.z - clip.x) * ratio), static_cast<int>((clip.w - clip.y) * ratio));
  glBlitFramebuffer(0, 0, width, height, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, filter);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace bp::app
