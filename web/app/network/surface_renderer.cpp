// GPU decision surface: one shader pair, weights in a float texture, drawn through an ImGui callback.
#include "network/surface_renderer.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "network/class_palette.hpp"
#include "platform.hpp"
#include "widgets/shader_build.hpp"

extern const unsigned char kDecisionSurfaceVert[];
extern const unsigned int kDecisionSurfaceVertSize;
extern const unsigned char kDecisionSurfaceFrag[];
extern const unsigned int kDecisionSurfaceFragSize;

namespace bp::app {

namespace {

struct Renderer {
  ShaderBuild build{"decision surface", kDecisionSurfaceVert, kDecisionSurfaceVertSize, kDecisionSurfaceFrag,
                    kDecisionSurfaceFragSize};
  GLuint target = 0, target_texture = 0;  // the low-resolution picture the shader draws into
  int target_side = 0;
};

Renderer& renderer() {
  static Renderer r;
  return r;
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
  glUseProgram(r.build.program);

  const int width = 1024;
  const int count = static_cast<int>(d.weights.size());
  const int rows = (count + width - 1) / width;
  std::vector<float> padded(static_cast<std::size_t>(width * rows), 0.0f);
  std::copy(d.weights.begin(), d.weights.end(), padded.begin());
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, r.build.texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, width, rows, 0, GL_RED, GL_FLOAT, padded.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  auto uniform = [&](const char* name) { return glGetUniformLocation(r.build.program, name); };
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
  glBindVertexArray(r.build.vao);
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
  return shader_ready(renderer().build, draw);
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
