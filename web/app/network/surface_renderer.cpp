// GPU decision surface: one shader pair, weights in a float texture, drawn through an ImGui callback.
#include "network/surface_renderer.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "network/class_palette.hpp"
#include "platform.hpp"

extern const unsigned char kDecisionSurfaceVert[];
extern const unsigned int kDecisionSurfaceVertSize;
extern const unsigned char kDecisionSurfaceFrag[];
extern const unsigned int kDecisionSurfaceFragSize;

namespace bp::app {

namespace {

struct Renderer {
  GLuint program = 0;
  GLuint texture = 0;
  GLuint vao = 0;
  GLuint target = 0, target_texture = 0;  // the low-resolution picture the shader draws into
  int target_side = 0;
  GLuint shaders[2] = {0, 0};  // while the program is being built
  bool ready = false;
  bool failed = false;
  bool parallel = false;       // KHR_parallel_shader_compile: the build can be asked about without waiting
};

constexpr GLenum kCompletionStatus = 0x91B1;  // GL_COMPLETION_STATUS_KHR

Renderer& renderer() {
  static Renderer r;
  return r;
}

GLuint compile(GLenum type, const unsigned char* source, unsigned int size) {
  const GLuint shader = glCreateShader(type);
  const auto* text = reinterpret_cast<const GLchar*>(source);
  const GLint length = static_cast<GLint>(size);
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  return shader;
}

void report(GLuint shader) {
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok) return;
  char log[1024];
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  std::fprintf(stderr, "decision surface shader: %s\n", log);
}

// Starts building the program without waiting for the GPU: compiling and linking a shader this size
// takes a driver (or a software renderer) tens to hundreds of milliseconds.
void start_program() {
  Renderer& r = renderer();
  r.parallel = platform::enable_gl_extension("KHR_parallel_shader_compile");
  r.shaders[0] = compile(GL_VERTEX_SHADER, kDecisionSurfaceVert, kDecisionSurfaceVertSize);
  r.shaders[1] = compile(GL_FRAGMENT_SHADER, kDecisionSurfaceFrag, kDecisionSurfaceFragSize);
  r.program = glCreateProgram();
  glAttachShader(r.program, r.shaders[0]);
  glAttachShader(r.program, r.shaders[1]);
  glLinkProgram(r.program);
}

// Asks whether the build finished; a draw callback, so it runs while the frame is rendered. Any WebGL
// query waits until the GPU process has done everything queued before it: asked while the frame is
// built, it waited for the previous frame's drawing (86 ms under headless Chromium's software
// renderer); here the ImGui renderer's own state queries have just waited for that, so this one
// costs nothing more. With KHR_parallel_shader_compile it does not wait for the build either.
void check_program(const ImDrawList*, const ImDrawCmd*) {
  Renderer& r = renderer();
  if (r.ready || r.failed || !r.program) return;
  GLint done = 1;
  if (r.parallel) glGetProgramiv(r.program, kCompletionStatus, &done);
  if (!done) {
    platform::request_frame();
    return;
  }
  GLint ok = 0;
  glGetProgramiv(r.program, GL_LINK_STATUS, &ok);
  if (!ok) {
    report(r.shaders[0]);
    report(r.shaders[1]);
    glDeleteProgram(r.program);
    r.program = 0;
    r.failed = true;
  }
  glDeleteShader(r.shaders[0]);
  glDeleteShader(r.shaders[1]);
  r.shaders[0] = r.shaders[1] = 0;
  if (r.failed) return;
  glGenTextures(1, &r.texture);
  glGenVertexArrays(1, &r.vao);
  r.ready = true;
  platform::request_frame();  // the next frame draws the surface on the GPU
}

// What one queued draw needs; kept alive until the frame is rendered.
struct DrawData {
  ImVec2 lo;
  float size = 0;
  float strength = 1;
  std::vector<float> weights;
  std::vector<int> sizes;
  std::vector<int> features;
  int hidden_activation = 1;
  int output_activation = 1;
};
DrawData g_draw;

int activation_code(nn::Activation a) {
  switch (a) {
    case nn::Activation::kTanh: return 1;
    case nn::Activation::kRelu: return 2;
    case nn::Activation::kSigmoid: return 3;
    case nn::Activation::kSoftmax: return 4;
    default: return 0;
  }
}

// The shader runs one forward pass per pixel of a square at most kTargetSide texels wide, and the square is
// stretched (bilinear) over the surface: a decision surface is smooth, and a full-resolution pass costs a
// software renderer (headless Chromium's, a phone's fallback) 10× more for no visible gain. The pass is
// skipped when the weights and settings are those of the picture already there (a paused network).
constexpr int kTargetSide = 160;

bool operator==(const DrawData& a, const DrawData& b) {
  return a.strength == b.strength && a.weights == b.weights && a.sizes == b.sizes && a.features == b.features &&
         a.hidden_activation == b.hidden_activation && a.output_activation == b.output_activation;
}
DrawData g_drawn;  // what the target holds

void ensure_target(Renderer& r, int side) {
  if (r.target && r.target_side == side) return;
  if (!r.target) glGenFramebuffers(1, &r.target);
  if (!r.target_texture) glGenTextures(1, &r.target_texture);
  glBindTexture(GL_TEXTURE_2D, r.target_texture);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, side, side, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, r.target);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, r.target_texture, 0);
  r.target_side = side;
  g_drawn = DrawData{};  // a new target holds nothing yet
}

// The network's forward pass for every texel of the target.
void evaluate(Renderer& r, const DrawData& d, int side) {
  glBindFramebuffer(GL_FRAMEBUFFER, r.target);
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, side, side);
  glDisable(GL_BLEND);
  glUseProgram(r.program);

  const int width = 1024;
  const int count = static_cast<int>(d.weights.size());
  const int rows = (count + width - 1) / width;
  std::vector<float> padded(static_cast<std::size_t>(width * rows), 0.0f);
  std::copy(d.weights.begin(), d.weights.end(), padded.begin());
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, r.texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, width, rows, 0, GL_RED, GL_FLOAT, padded.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  auto uniform = [&](const char* name) { return glGetUniformLocation(r.program, name); };
  glUniform1i(uniform("u_weights"), 0);
  glUniform1i(uniform("u_weights_width"), width);
  glUniform1i(uniform("u_feature_count"), static_cast<int>(d.features.size()));
  glUniform1iv(uniform("u_features"), static_cast<GLsizei>(d.features.size()), d.features.data());
  glUniform1i(uniform("u_layer_count"), static_cast<int>(d.sizes.size()) - 1);
  glUniform1iv(uniform("u_sizes"), static_cast<GLsizei>(d.sizes.size()), d.sizes.data());
  glUniform1i(uniform("u_hidden_activation"), d.hidden_activation);
  glUniform1i(uniform("u_output_activation"), d.output_activation);
  glUniform1f(uniform("u_strength"), d.strength);
  float colors[3 * nn::kMaxClasses];
  for (int k = 0; k < nn::kMaxClasses; ++k) {
    for (int c = 0; c < 3; ++c) colors[3 * k + c] = static_cast<float>(class_rgb(k)[static_cast<std::size_t>(c)]) / 255;
  }
  glUniform3fv(uniform("u_class_colors"), nn::kMaxClasses, colors);
  glBindVertexArray(r.vao);
  glDrawArrays(GL_TRIANGLES, 0, 6);
  glBindVertexArray(0);
  g_drawn = d;
}

void render(const ImDrawList*, const ImDrawCmd* cmd) {
  Renderer& r = renderer();
  const auto* d = static_cast<const DrawData*>(cmd->UserCallbackData);
  const ImGuiIO& io = ImGui::GetIO();
  const float ratio = io.DisplayFramebufferScale.x;
  const int fb_height = static_cast<int>(io.DisplaySize.y * ratio);
  const int x = static_cast<int>(d->lo.x * ratio), size = static_cast<int>(d->size * ratio);
  const int y = fb_height - static_cast<int>((d->lo.y + d->size) * ratio);  // GL counts rows from the bottom
  if (size <= 0) return;
  const int side = std::min(size, kTargetSide);
  ensure_target(r, side);
  if (!(*d == g_drawn)) evaluate(r, *d, side);
  // Stretched onto the canvas; the clip rectangle ImGui set for this command limits it to the visible part.
  const ImVec4 clip = cmd->ClipRect;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, r.target);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<int>(clip.x * ratio), fb_height - static_cast<int>(clip.w * ratio),
            static_cast<int>((clip.z - clip.x) * ratio), static_cast<int>((clip.w - clip.y) * ratio));
  glBlitFramebuffer(0, 0, side, side, x, y, x + size, y + size, GL_COLOR_BUFFER_BIT, GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace

bool surface_renderer_ready(ImDrawList* draw) {
  static bool registered = false;
  if (!registered) {
    registered = true;
    platform::on_context_restored([] { renderer() = Renderer{}; });  // the old GL objects died with the context
  }
  Renderer& r = renderer();
  if (r.ready || r.failed) return r.ready;
  if (!r.program) start_program();
  draw->AddCallback(check_program, nullptr);
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  return false;
}

void draw_surface_on_gpu(ImDrawList* draw, ImVec2 lo, float size, const nn::Network& network,
                         const std::vector<nn::Feature>& features, float strength) {
  DrawData& d = g_draw;
  d.lo = lo;
  d.size = size;
  d.strength = strength;
  d.weights.clear();
  for (const auto& layer : network.layers()) {
    for (Eigen::Index i = 0; i < layer.W.rows(); ++i) {
      for (Eigen::Index j = 0; j < layer.W.cols(); ++j) d.weights.push_back(static_cast<float>(layer.W(i, j)));
    }
    for (Eigen::Index i = 0; i < layer.b.size(); ++i) d.weights.push_back(static_cast<float>(layer.b(i)));
  }
  d.sizes = network.config().layers;
  d.features.clear();
  for (nn::Feature f : features) d.features.push_back(static_cast<int>(f));
  d.hidden_activation = activation_code(network.config().activation);
  d.output_activation = activation_code(network.config().output_activation);
  draw->AddCallback(render, &d);
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace bp::app
