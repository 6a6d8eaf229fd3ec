// A WebGL2 program built without waiting for the GPU, for the pictures drawn by shaders inside an ImGui
// draw list (network/surface_renderer, plane/heat_map_renderer): compiling and linking takes a driver (or
// a software renderer) tens to hundreds of milliseconds, so the build is started, then asked about from a
// draw callback each frame until it is done. With KHR_parallel_shader_compile asking does not wait either.
#pragma once

#include <GLES3/gl3.h>

#include "imgui.h"

namespace bp::app {

struct ShaderBuild {
  const char* name;  // in the console's message when a shader fails to compile
  const unsigned char* vertex_source;
  unsigned int vertex_size;
  const unsigned char* fragment_source;
  unsigned int fragment_size;
  // Once ready: the program, and a texture and a vertex array for the renderer's own use.
  GLuint program = 0, texture = 0, vao = 0;
  GLuint shaders[2] = {0, 0};  // while the program is being built
  bool ready = false, failed = false;
  bool parallel = false;  // KHR_parallel_shader_compile: the build can be asked about without waiting
};

// False while the program is being built (the first call starts it; each call queues the check into
// `draw`, run as the frame is rendered) and when it failed: the caller then draws another way.
bool shader_ready(ShaderBuild& build, ImDrawList* draw);

}  // namespace bp::app
