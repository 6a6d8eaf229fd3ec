// An offscreen picture for a renderer that draws through an ImGui callback: a framebuffer with an RGBA8
// texture, drawn into when what it shows changes, and copied onto the canvas (a blit) on every frame.
// Under a software renderer re-running a shader pass every frame was most of the GPU thread's work.
#pragma once

#include <GLES3/gl3.h>

#include "imgui.h"

namespace bp::app {

struct RenderTarget {
  GLuint framebuffer = 0, texture = 0;
  int width = 0, height = 0;

  // Makes the texture width × height (sampled with `filter`) and binds the framebuffer for drawing into it,
  // with the viewport over all of it. True when it was made anew: then it holds nothing yet.
  bool bind(int new_width, int new_height, GLint filter);
  // Copies the picture onto the canvas's rectangle at (x, y), w × h framebuffer pixels (rows counted from
  // the bottom), inside ImGui's clip rectangle for the command (screen units; `ratio` pixels per unit).
  void copy_to_canvas(const ImVec4& clip, float ratio, int x, int y, int w, int h, GLenum filter) const;
};

}  // namespace bp::app
