// GPU heat map: one shader pair, f's samples in a float texture, drawn through an ImGui callback into a
// texture that is copied onto the canvas, and kept while the map does not change.
#include "plane/heat_map_renderer.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "platform.hpp"
#include "widgets/render_target.hpp"
#include "widgets/shader_build.hpp"

extern const unsigned char kHeatMapVert[];
extern const unsigned int kHeatMapVertSize;
extern const unsigned char kHeatMapFrag[];
extern const unsigned int kHeatMapFragSize;

namespace bp::app {

namespace {

constexpr float kUndefined = 1e30f;           // what the shader draws grey (NaN does not survive every GPU)

ShaderBuild fresh_build() {
  return ShaderBuild{"heat map", kHeatMapVert, kHeatMapVertSize, kHeatMapFrag, kHeatMapFragSize};
}
ShaderBuild& renderer() {
  static ShaderBuild r = fresh_build();
  return r;
}

// What one queued draw needs; kept until the frame is rendered. The texels change only with the grid.
struct DrawData {
  ImVec2 lo, hi;
  int n = 0;
  float uv_min[2] = {0, 0}, uv_max[2] = {1, 1};
  float low = 0, high = 1, level_step = 1;
  std::vector<float> texels;
  bool is_uploaded = false;
  // The grid the texels were made from: its generation and window.
  std::uint64_t generation = 0;
  double window[4] = {0, 0, 0, 0};
};
DrawData g_draw;

// The map as last drawn, in a texture of its size in pixels: dragging the point, a racer's steps and the
// read-outs change the frame but not the map, and then the map is copied (a blit) instead of shaded again.
// Under a software renderer the shader's pass over the map (a texture read, colour and contour widths per
// pixel) was most of the GPU thread's frame, on the cores the app's own frames run on.
struct Picture {
  RenderTarget target;
  // What it shows: the grid, the part of it in view, the colour range and contour step, the pixel ratio.
  std::uint64_t generation = 0;
  float view[4] = {0, 0, 0, 0};
  float low = 0, high = 0, level_step = 0, ratio = 0;
  bool is_valid = false;
};
Picture g_picture;

bool shows(const Picture& p, const DrawData& d, int width, int height, float ratio) {
  return p.is_valid && p.target.width == width && p.target.height == height && p.generation == d.generation &&
         p.view[0] == d.uv_min[0] && p.view[1] == d.uv_min[1] && p.view[2] == d.uv_max[0] &&
         p.view[3] == d.uv_max[1] && p.low == d.low && p.high == d.high && p.level_step == d.level_step &&
         p.ratio == ratio;
}

// Shades the map into the picture's texture (width × height pixels).
void shade(ShaderBuild& r, DrawData& d, Picture& p, int width, int height, float ratio) {
  p.target.bind(width, height, GL_NEAREST);
  glDisable(GL_BLEND);
  glUseProgram(r.program);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, r.texture);
  if (!d.is_uploaded) {
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, d.n, d.n, 0, GL_RED, GL_FLOAT, d.texels.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    d.is_uploaded = true;
  }
  auto uniform = [&](const char* name) { return glGetUniformLocation(r.program, name); };
  glUniform1i(uniform("u_values"), 0);
  glUniform1i(uniform("u_n"), d.n);
  glUniform2f(uniform("u_uv_min"), d.uv_min[0], d.uv_min[1]);
  glUniform2f(uniform("u_uv_max"), d.uv_max[0], d.uv_max[1]);
  glUniform1f(uniform("u_low"), d.low);
  glUniform1f(uniform("u_high"), d.high);
  glUniform1f(uniform("u_level_step"), d.level_step);
  glUniform1f(uniform("u_pixel_ratio"), ratio);
  glBindVertexArray(r.vao);
  glDrawArrays(GL_TRIANGLES, 0, 6);
  glBindVertexArray(0);
  p.generation = d.generation;
  p.view[0] = d.uv_min[0], p.view[1] = d.uv_min[1], p.view[2] = d.uv_max[0], p.view[3] = d.uv_max[1];
  p.low = d.low, p.high = d.high, p.level_step = d.level_step, p.ratio = ratio;
  p.is_valid = true;
}

void render(const ImDrawList*, const ImDrawCmd* cmd) {
  DrawData& d = *static_cast<DrawData*>(cmd->UserCallbackData);
  const ImGuiIO& io = ImGui::GetIO();
  const float ratio = io.DisplayFramebufferScale.x;
  const int fb_height = static_cast<int>(io.DisplaySize.y * ratio);
  const int x = static_cast<int>(d.lo.x * ratio), y = fb_height - static_cast<int>(d.hi.y * ratio);
  const int width = static_cast<int>((d.hi.x - d.lo.x) * ratio), height = static_cast<int>((d.hi.y - d.lo.y) * ratio);
  if (width <= 0 || height <= 0) return;
  if (!shows(g_picture, d, width, height, ratio)) shade(renderer(), d, g_picture, width, height, ratio);
  // Copied onto the canvas; the clip rectangle ImGui set for this command limits it to the visible part.
  g_picture.target.copy_to_canvas(cmd->ClipRect, ratio, x, y, width, height, GL_NEAREST);
}

}  // namespace

ImU32 heat_color(double t, float shade) {
  static const float kStops[5][3] = {
      {0.267f, 0.005f, 0.329f}, {0.231f, 0.322f, 0.545f}, {0.129f, 0.569f, 0.549f},
      {0.369f, 0.788f, 0.384f}, {0.992f, 0.906f, 0.145f}};
  const double s = std::clamp(std::isfinite(t) ? t : 0.5, 0.0, 1.0) * 4;
  const int k = std::min(3, static_cast<int>(s));
  const float u = static_cast<float>(s - k);
  float c[3];
  for (int i = 0; i < 3; ++i) c[i] = (kStops[k][i] + (kStops[k + 1][i] - kStops[k][i]) * u) * shade;
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c[0], c[1], c[2], 1));
}

bool heat_map_renderer_ready(ImDrawList* draw) {
  static bool registered = false;
  if (!registered) {
    registered = true;
    platform::on_context_restored([] {  // the old GL objects died with the context
      renderer() = fresh_build();
      g_draw.is_uploaded = false;
      g_picture = Picture{};
    });
  }
  return shader_ready(renderer(), draw);
}

void draw_heat_map_on_gpu(ImDrawList* draw, ImVec2 lo, ImVec2 hi, const SampledGrid& grid, double x_min,
                          double x_max, double y_min, double y_max) {
  DrawData& d = g_draw;
  const double window[4] = {grid.x_min, grid.x_max, grid.y_min, grid.y_max};
  if (d.generation != grid.generation || d.n != grid.n || !std::equal(window, window + 4, d.window)) {
    d.generation = grid.generation, d.n = grid.n;
    std::copy(window, window + 4, d.window);
    d.texels.resize(grid.values.size());
    for (std::size_t k = 0; k < grid.values.size(); ++k) {
      d.texels[k] = std::isfinite(grid.values[k]) ? grid.values[k] : kUndefined;
    }
    d.is_uploaded = false;
  }
  d.lo = lo, d.hi = hi;
  const double w = grid.x_max - grid.x_min, h = grid.y_max - grid.y_min;
  d.uv_min[0] = static_cast<float>((x_min - grid.x_min) / w);
  d.uv_max[0] = static_cast<float>((x_max - grid.x_min) / w);
  d.uv_min[1] = static_cast<float>((y_min - grid.y_min) / h);
  d.uv_max[1] = static_cast<float>((y_max - grid.y_min) / h);
  d.low = static_cast<float>(grid.low), d.high = static_cast<float>(grid.high);
  d.level_step = static_cast<float>(grid.level_step);
  draw->AddCallback(render, &d);
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void draw_heat_map_on_cpu(ImDrawList* draw, ImVec2 lo, ImVec2 hi, const SampledGrid& grid) {
  if (grid.n <= 0) return;
  constexpr int kCells = 64;
  const int cells = std::min(kCells, grid.n);
  const float cw = (hi.x - lo.x) / static_cast<float>(cells), ch = (hi.y - lo.y) / static_cast<float>(cells);
  const double range = std::max(grid.high - grid.low, 1e-300);
  for (int j = 0; j < cells; ++j) {
    const int gj = (j * grid.n + grid.n / 2) / cells;
    for (int i = 0; i < cells; ++i) {
      const int gi = (i * grid.n + grid.n / 2) / cells;
      const float v = grid.values[static_cast<std::size_t>(gj * grid.n + gi)];
      const ImU32 color = std::isfinite(v) ? heat_color((v - grid.low) / range) : IM_COL32(158, 158, 158, 255);
      const ImVec2 a(lo.x + static_cast<float>(i) * cw, hi.y - static_cast<float>(j + 1) * ch);
      draw->AddRectFilled(a, ImVec2(a.x + cw + 0.5f, a.y + ch + 0.5f), color);
    }
  }
}

}  // namespace bp::app
