// GPU decision surface: one shader pair, weights in a float texture, drawn through an ImGui callback.
#include "network/surface_renderer.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "clock.hpp"
#include "network/class_palette.hpp"
#include "platform.hpp"
#include "widgets/render_target.hpp"
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
  RenderTarget target;  // the low-resolution picture the shader draws into
  GLuint weights = 0;  // the uniform buffer behind the shader's Weights block
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
  std::vector<float> weights;  // as decision_surface.frag reads them: rows of W and b padded to 4 numbers
  std::vector<int> sizes;
  int skips = 0;  // bit l: layer l has a skip connection
  std::vector<int> features;
  int hidden_activation = 1;
  int output_activation = 1;
  bool is_training = false;
  int side = 0;  // the target's side in texels
  bool redraw = false;  // the target's picture is not this one's
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
// While training, a coarser square: under a software renderer a 160² pass of a [2, 16, 16, 4] network took
// 42 ms of the GPU thread (23 ms for the default [2, 4, 2, 1]: about 1 µs a texel), 96² a third of that; the
// frame after training stops draws the full square.
constexpr int kTargetSide = 160, kTrainingTargetSide = 96;

// The vec4s of decision_surface.frag's Weights block (its kMaxWeightVectors): the largest network the page
// offers needs 538.
constexpr int kMaxWeightVectors = 768;

// The same network and colouring, weights aside.
bool same_shape(const DrawData& a, const DrawData& b) {
  return a.strength == b.strength && a.sizes == b.sizes && a.skips == b.skips && a.features == b.features &&
         a.hidden_activation == b.hidden_activation && a.output_activation == b.output_activation;
}
bool operator==(const DrawData& a, const DrawData& b) { return same_shape(a, b) && a.weights == b.weights; }
DrawData g_drawn;  // what the target holds
double g_drawn_ms = -1e9;  // and when it was drawn

// The network's forward pass for every texel of the target.
void evaluate(Renderer& r, const DrawData& d, int side) {
  r.target.bind(side, side, GL_LINEAR);
  glDisable(GL_BLEND);
  glUseProgram(r.build.program);

  if (!r.weights) {
    glGenBuffers(1, &r.weights);
    glUniformBlockBinding(r.build.program, glGetUniformBlockIndex(r.build.program, "Weights"), 0);
  }
  // The whole block is given (std140: vec4s, no padding between them); past the network's numbers, zeros.
  static std::vector<float> block;
  block.assign(4 * kMaxWeightVectors, 0.0f);
  std::copy(d.weights.begin(), d.weights.end(), block.begin());
  glBindBuffer(GL_UNIFORM_BUFFER, r.weights);
  glBufferData(GL_UNIFORM_BUFFER, static_cast<GLsizeiptr>(block.size() * sizeof(float)), block.data(),
               GL_DYNAMIC_DRAW);
  glBindBufferBase(GL_UNIFORM_BUFFER, 0, r.weights);
  auto uniform = [&](const char* name) { return glGetUniformLocation(r.build.program, name); };
  glUniform1i(uniform("u_feature_count"), static_cast<int>(d.features.size()));
  glUniform1iv(uniform("u_features"), static_cast<GLsizei>(d.features.size()), d.features.data());
  glUniform1i(uniform("u_layer_count"), static_cast<int>(d.sizes.size()) - 1);
  glUniform1i(uniform("u_skips"), d.skips);
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
  glBindBuffer(GL_UNIFORM_BUFFER, 0);
  g_drawn = d;
  g_drawn_ms = now_ms();
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
  // A target of another size (a context restored) holds nothing yet.
  if (r.target.width != d->side || d->redraw) evaluate(r, *d, d->side);
  // Stretched onto the canvas; the clip rectangle ImGui set for this command limits it to the visible part.
  r.target.copy_to_canvas(cmd->ClipRect, ratio, x, y, size, size, GL_LINEAR);
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

bool draw_surface_on_gpu(ImDrawList* draw, ImVec2 lo, float size, const nn::Network& network,
                         const std::vector<nn::Feature>& features, float strength, bool is_training) {
  // The shader's bounds: 16 numbers a layer (4 vec4s), 9 weight layers, kMaxWeightVectors in all.
  const std::vector<int>& sizes = network.config().layers;
  int vectors = 0;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    vectors += sizes[l + 1] * ((sizes[l] + 3) / 4) + (sizes[l + 1] + 3) / 4;  // rows of W, then b
  }
  const bool fits = sizes.size() <= 10 && vectors <= kMaxWeightVectors &&
                    std::all_of(sizes.begin(), sizes.end(), [](int n) { return n <= 16; });
  if (!fits) return false;
  DrawData& d = g_draw;
  d.is_training = is_training;
  d.lo = lo;
  d.size = size;
  d.strength = strength;
  d.side = std::min(static_cast<int>(size * ImGui::GetIO().DisplayFramebufferScale.x),
                    is_training ? kTrainingTargetSide : kTargetSide);
  d.skips = 0;
  for (std::size_t l = 0; l < network.layers().size(); ++l) {
    if (network.has_skip(l)) d.skips |= 1 << l;
  }
  d.sizes = network.config().layers;
  d.features.clear();
  for (nn::Feature f : features) d.features.push_back(static_cast<int>(f));
  d.hidden_activation = activation_code(network.config().activation);
  d.output_activation = activation_code(network.config().output_activation);
  // A training network's picture is kept while it is younger than kTrainingPictureMs, and its weights are not
  // even gathered: gathered every frame (and compared with the picture's), they were 0.3 ms of a 4-class
  // network's training frame at 4× CPU throttling.
  const bool kept = is_training && same_shape(d, g_drawn) && d.side == g_drawn.side &&
                    now_ms() - g_drawn_ms < kTrainingPictureMs;
  d.redraw = false;
  if (!kept) {
    // Per layer: each row of W padded with zeros to a multiple of 4 inputs, then b padded to a multiple of 4.
    const auto padded_to_4 = [](Eigen::Index n) { return (n + 3) / 4 * 4; };
    d.weights.clear();
    for (const auto& layer : network.layers()) {
      for (Eigen::Index i = 0; i < layer.W.rows(); ++i) {
        for (Eigen::Index j = 0; j < padded_to_4(layer.W.cols()); ++j) {
          d.weights.push_back(j < layer.W.cols() ? static_cast<float>(layer.W(i, j)) : 0.0f);
        }
      }
      for (Eigen::Index i = 0; i < padded_to_4(layer.b.size()); ++i) {
        d.weights.push_back(i < layer.b.size() ? static_cast<float>(layer.b(i)) : 0.0f);
      }
    }
    d.redraw = !(d == g_drawn && d.side == g_drawn.side);
  }
  draw->AddCallback(render, &d);
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  return true;
}

}  // namespace bp::app
