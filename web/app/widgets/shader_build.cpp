#include "widgets/shader_build.hpp"

#include <cstdio>

#include "platform.hpp"

namespace bp::app {

namespace {

constexpr GLenum kCompletionStatus = 0x91B1;  // GL_COMPLETION_STATUS_KHR

GLuint compile(GLenum type, const unsigned char* source, unsigned int size) {
  const GLuint shader = glCreateShader(type);
  const auto* text = reinterpret_cast<const GLchar*>(source);
  const GLint length = static_cast<GLint>(size);
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  return shader;
}

void report(const char* name, GLuint shader) {
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok) return;
  char log[1024];
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  std::fprintf(stderr, "%s shader: %s\n", name, log);
}

void start(ShaderBuild& b) {
  b.parallel = platform::enable_gl_extension("KHR_parallel_shader_compile");
  b.shaders[0] = compile(GL_VERTEX_SHADER, b.vertex_source, b.vertex_size);
  b.shaders[1] = compile(GL_FRAGMENT_SHADER, b.fragment_source, b.fragment_size);
  b.program = glCreateProgram();
  glAttachShader(b.program, b.shaders[0]);
  glAttachShader(b.program, b.shaders[1]);
  glLinkProgram(b.program);
}

// Asks whether the build finished; a draw callback, so it runs while the frame is rendered. Any WebGL
// query waits until the GPU process has done everything queued before it: asked while the frame is
// built, it waited for the previous frame's drawing (86 ms under headless Chromium's software
// renderer); here the ImGui renderer's own state queries have just waited for that.
void check(const ImDrawList*, const ImDrawCmd* cmd) {
  ShaderBuild& b = *static_cast<ShaderBuild*>(cmd->UserCallbackData);
  if (b.ready || b.failed || !b.program) return;
  GLint done = 1;
  if (b.parallel) glGetProgramiv(b.program, kCompletionStatus, &done);
  if (!done) {
    platform::request_frame();
    return;
  }
  GLint ok = 0;
  glGetProgramiv(b.program, GL_LINK_STATUS, &ok);
  if (!ok) {
    report(b.name, b.shaders[0]);
    report(b.name, b.shaders[1]);
    glDeleteProgram(b.program);
    b.program = 0;
    b.failed = true;
  }
  glDeleteShader(b.shaders[0]);
  glDeleteShader(b.shaders[1]);
  b.shaders[0] = b.shaders[1] = 0;
  if (b.failed) return;
  glGenTextures(1, &b.texture);
  glGenVertexArrays(1, &b.vao);
  b.ready = true;
  platform::request_frame();  // the next frame draws with the program
}

}  // namespace

bool shader_ready(ShaderBuild& build, ImDrawList* draw) {
  if (build.ready || build.failed) return build.ready;
  if (!build.program) start(build);
  draw->AddCallback(check, &build);
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  return false;
}

}  // namespace bp::app
