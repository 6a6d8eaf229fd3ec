// Network mode drawings with ImGui's draw list. The surface is sampled on a grid by the engine
// (one batched forward pass) and drawn as cells with per-corner colours, so it shades smoothly.
#include "network/view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "clock.hpp"
#include "fonts.hpp"
#include "network/class_palette.hpp"
#include "network/surface_renderer.hpp"
#include "state/embed_options.hpp"
#include "widgets/dot.hpp"
#include "widgets/kept_drawing.hpp"
#include "widgets/opaque_fill.hpp"
#include "widgets/pixel_texture.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

ImU32 value_color(double v, float alpha) {
  if (!std::isfinite(v)) return IM_COL32(120, 120, 120, 255);
  const double t = std::clamp(v, -1.0, 1.0);
  const ImVec4 orange(245 / 255.0f, 147 / 255.0f, 34 / 255.0f, 1), blue(8 / 255.0f, 119 / 255.0f, 189 / 255.0f, 1);
  const ImVec4& end = t < 0 ? orange : blue;
  const float k = static_cast<float>(std::fabs(t));
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(1 + (end.x - 1) * k, 1 + (end.y - 1) * k, 1 + (end.z - 1) * k, alpha));
}

ImU32 class_color(int k, float alpha) {
  const auto rgb = class_rgb(k);
  return IM_COL32(rgb[0], rgb[1], rgb[2], static_cast<int>(alpha * 255));
}

ImU32 point_color(double label, int classes) {
  return classes > 2 ? class_color(nn::class_of(label)) : value_color(label);
}

ImU32 class_surface_color(const Eigen::Ref<const Eigen::VectorXd>& p, float strength) {
  if (!p.allFinite()) return IM_COL32(120, 120, 120, 255);
  Eigen::Index best = 0;
  const double top = p.maxCoeff(&best), even = 1.0 / static_cast<double>(p.size());
  const float sure = static_cast<float>(std::clamp((top - even) / (1 - even), 0.0, 1.0)) * strength;
  const auto rgb = class_rgb(static_cast<int>(best));
  auto channel = [&](int c) { return static_cast<int>(255.0f + static_cast<float>(c - 255) * sure + 0.5f); };
  return IM_COL32(channel(rgb[0]), channel(rgb[1]), channel(rgb[2]), 255);
}

void draw_probability_strip(const Eigen::VectorXd& p, float width) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetTextLineHeight(), bar_height = 2 * line;
  ImGui::Dummy(ImVec2(width, bar_height + line + 2));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto k = static_cast<int>(p.size());
  const float cell = width / static_cast<float>(std::max(k, 1));
  for (int i = 0; i < k; ++i) {
    const float x = origin.x + cell * static_cast<float>(i), h = bar_height * static_cast<float>(p(i));
    const float left = x + cell * 0.2f, right = x + cell * 0.8f;
    draw->AddRect(ImVec2(left, origin.y), ImVec2(right, origin.y + bar_height), IM_COL32(0, 0, 0, 50));
    draw->AddRectFilled(ImVec2(left, origin.y + bar_height - h), ImVec2(right, origin.y + bar_height), class_color(i));
    char text[16];
    std::snprintf(text, sizeof text, "%.0f%%", 100 * p(i));
    const float w = ImGui::CalcTextSize(text).x;
    draw->AddText(ImVec2(x + (cell - w) / 2, origin.y + bar_height + 1), theme::colors().label, text);
  }
}

void probability_rows(const Eigen::VectorXd& p, const std::vector<std::string>& names) {
  const float line = ImGui::GetTextLineHeight();
  float name_width = 0;
  for (const auto& name : names) name_width = std::max(name_width, ImGui::CalcTextSize(name.c_str()).x);
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    const std::string& name = names[static_cast<std::size_t>(i)];
    ImGui::TextUnformatted(name.c_str());
    ImGui::SameLine(name_width + 2 * ImGui::GetStyle().ItemSpacing.x);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    constexpr float kBar = 120;
    ImGui::Dummy(ImVec2(kBar, line));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(at, ImVec2(at.x + kBar, at.y + line), IM_COL32(0, 0, 0, 50));
    draw->AddRectFilled(at, ImVec2(at.x + kBar * static_cast<float>(p(i)), at.y + line),
                        class_color(static_cast<int>(i)));
    ImGui::SameLine();
    ImGui::Text("%5.1f %%", 100 * p(i));
  }
}

namespace {
constexpr float kSurfaceStrength = 0.7f;  // the surface is paler than the points drawn on it

// An n×n grid of cells over [origin, origin + size], each shaded between its four corners' colours (row by row
// from the top); cells overlap by half a pixel so their edges leave no seams.
void shade_cells(ImDrawList* draw, ImVec2 origin, float size, const std::vector<ImU32>& colors, int corners) {
  const int n = corners - 1;
  const float cell = size / static_cast<float>(n);
  auto at = [&](int r, int c) { return colors[static_cast<std::size_t>(r * corners + c)]; };
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n; ++col) {
      const ImVec2 lo(origin.x + static_cast<float>(col) * cell, origin.y + static_cast<float>(row) * cell);
      draw->AddRectFilledMultiColor(lo, ImVec2(lo.x + cell + 0.5f, lo.y + cell + 0.5f), at(row, col), at(row, col + 1),
                                    at(row + 1, col + 1), at(row + 1, col));
    }
  }
}

// Corner values of an n×n cell grid: (n+1)² samples over [-6, 6]², row by row from the top.
// `strength` < 1 pales the colours towards white; cells are opaque, so their overlaps leave no seams.
void draw_field(ImDrawList* draw, ImVec2 origin, float size, const Eigen::MatrixXd& values, int corners,
                float strength) {
  static std::vector<ImU32> colors;  // each corner's colour once, not once per cell that shares it
  colors.resize(static_cast<std::size_t>(corners) * static_cast<std::size_t>(corners));
  for (std::size_t k = 0; k < colors.size(); ++k) {
    colors[k] = value_color(strength * values(0, static_cast<Eigen::Index>(k)));
  }
  shade_cells(draw, origin, size, colors, corners);
}

// draw_field for a softmax output: class probabilities (classes × corners²) in class colours.
void draw_class_field(ImDrawList* draw, ImVec2 origin, float size, const Eigen::MatrixXd& p, int corners,
                      float strength) {
  std::vector<ImU32> colors(static_cast<std::size_t>(corners) * static_cast<std::size_t>(corners));
  for (std::size_t k = 0; k < colors.size(); ++k) {
    colors[k] = class_surface_color(p.col(static_cast<Eigen::Index>(k)), strength);
  }
  shade_cells(draw, origin, size, colors, corners);
}

// The network's outputs (or one layer's activations) at the corners of an n-cell grid.
// The network's inputs at corners × corners points over the input square, kept for the features they were made
// for: the same every frame while training (remade each time, a column at a time, they were a tenth of a 4-class
// network's picture work at 4× CPU throttling).
const Eigen::MatrixXd& corner_inputs(const Trainer& trainer, int corners) {
  struct Made {
    int corners = 0;
    std::vector<nn::Feature> features;
    Eigen::MatrixXd inputs;
  };
  static Made made[2];  // the surface's grid and the thumbnails'
  Made* slot = nullptr;
  for (Made& one : made) {
    if (one.corners == corners) slot = &one;
  }
  for (Made& one : made) {
    if (!slot && one.corners == 0) slot = &one;
  }
  Made& m = slot ? *slot : made[0];
  if (m.corners == corners && m.features == trainer.features()) return m.inputs;
  m.corners = corners;
  m.features = trainer.features();
  m.inputs.resize(static_cast<Eigen::Index>(trainer.features().size()), static_cast<Eigen::Index>(corners) * corners);
  for (int row = 0; row < corners; ++row) {
    for (int col = 0; col < corners; ++col) {
      const double x1 = -6 + 12.0 * col / (corners - 1), x2 = 6 - 12.0 * row / (corners - 1);
      m.inputs.col(static_cast<Eigen::Index>(row) * corners + col) = trainer.inputs_for(x1, x2);
    }
  }
  return m.inputs;
}

ImVec2 to_screen(ImVec2 origin, float size, double x1, double x2) {
  return ImVec2(origin.x + static_cast<float>((x1 + 6) / 12 * size),
                origin.y + static_cast<float>((6 - x2) / 12 * size));
}
// The square the surface (or the points alone) is drawn in: a button for left and right clicks.
struct SurfaceArea {
  ImVec2 origin;
  SurfaceClick click;
  ImDrawList* draw;
};

SurfaceArea surface_area(float size) {
  SurfaceArea area{ImGui::GetCursorScreenPos(), {}, nullptr};
  ImGui::InvisibleButton("surface", ImVec2(size, size),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  area.click.right = ImGui::IsItemClicked(ImGuiMouseButton_Right);
  area.click.clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left) || area.click.right;
  area.draw = ImGui::GetWindowDrawList();
  return area;
}
}  // namespace

SurfaceClick draw_surface(Trainer& trainer, float size, bool show_test, bool is_training) {
  SurfaceArea area = surface_area(size);
  const ImVec2 origin = area.origin;  // named copies: lambdas below capture them (no structured bindings)
  SurfaceClick& click = area.click;
  ImDrawList* draw = area.draw;
  // On the GPU at full resolution once the shaders compiled; on a CPU grid until then or otherwise.
  const bool sigmoid = trainer.network().config().output_activation == nn::Activation::kSigmoid;
  const bool on_gpu = surface_renderer_ready(draw) && draw_surface_on_gpu(draw, origin, size, trainer.network(),
                                                                          trainer.features(), kSurfaceStrength,
                                                                          is_training);
  if (on_gpu) {
    // queued: drawn as the frame is rendered
  } else if (trainer.is_softmax()) {
    constexpr int kCorners = 61;
    draw_class_field(draw, origin, size, trainer.network().forward(corner_inputs(trainer, kCorners)), kCorners,
                     kSurfaceStrength);
  } else {
    constexpr int kCorners = 61;
    Eigen::MatrixXd out = trainer.network().forward(corner_inputs(trainer, kCorners));
    if (sigmoid) out = (2 * out.array() - 1).matrix();  // 0 … 1 shown as -1 … 1
    draw_field(draw, origin, size, out, kCorners, kSurfaceStrength);
  }
  for (int v = -6; v <= 6; v += 2) {  // ticks every 2 units
    const ImVec2 p = to_screen(origin, size, v, -6);
    char text[8];
    std::snprintf(text, sizeof text, "%d", v);
    // Centred under its tick, but inside the square: at a phone's edge "-6" would lose its sign.
    const float w = ImGui::CalcTextSize(text).x;
    const float x = std::clamp(p.x - w / 2, origin.x, origin.x + size - w);
    draw->AddText(ImVec2(x, p.y + 2), theme::colors().label, text);
  }
  const int classes = trainer.classes();
  auto dots = [&](const std::vector<nn::Point>& points, ImU32 outline) {
    for (const auto& p : points) {
      const ImVec2 c = to_screen(origin, size, p.x1, p.x2);
      // The outline as a larger dot beneath: two quads per point per frame.
      add_dot(draw, c, 4.5f, outline);
      add_dot(draw, c, 3.5f, point_color(p.label, classes));
    }
  };
  dots(trainer.train_points(), IM_COL32(255, 255, 255, 255));
  if (show_test) dots(trainer.test_points(), IM_COL32(0, 0, 0, 255));
  draw->AddRect(origin, ImVec2(origin.x + size, origin.y + size), IM_COL32(0, 0, 0, 60));
  // The mouse itself over the square: ImGui also calls the square hovered while Tab's focus is on it, and the
  // probability bars then read a spot from a mouse position that is nowhere (x₁ ≈ −1e40 with no mouse at all).
  const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_NoNavOverride) && ImGui::IsMousePosValid();
  if (!click.clicked && !hovered) return click;
  const ImVec2 m = ImGui::GetIO().MousePos;  // the nearest training point to the click
  click.x1 = -6 + 12.0 * (m.x - origin.x) / size;
  click.x2 = 6 - 12.0 * (m.y - origin.y) / size;
  int best = -1;
  float best_d = 12 * 12;
  for (std::size_t i = 0; i < trainer.train_points().size(); ++i) {
    const auto& p = trainer.train_points()[i];
    const ImVec2 c = to_screen(origin, size, p.x1, p.x2);
    const float d = (c.x - m.x) * (c.x - m.x) + (c.y - m.y) * (c.y - m.y);
    if (d < best_d) best_d = d, best = static_cast<int>(i);
  }
  if (best >= 0 && click.clicked) click.point = best;
  if (hovered || click.clicked) {
    if (best >= 0) {
      const auto& p = trainer.train_points()[static_cast<std::size_t>(best)];
      click.hovered = std::array<double, 2>{p.x1, p.x2};
    } else {
      click.hovered = std::array<double, 2>{click.x1, click.x2};
    }
  }
  return click;
}

SurfaceClick draw_points_only(const std::vector<std::array<double, 3>>& points, float size) {
  SurfaceArea area = surface_area(size);
  const ImVec2 origin = area.origin;  // named copies: lambdas below capture them (no structured bindings)
  SurfaceClick& click = area.click;
  ImDrawList* draw = area.draw;
  fill_opaque(draw, origin, ImVec2(origin.x + size, origin.y + size), IM_COL32(255, 255, 255, 255));
  draw->AddRect(origin, ImVec2(origin.x + size, origin.y + size), IM_COL32(0, 0, 0, 60));
  const int classes = std::max(2, [&] {
    std::vector<nn::Point> as_points;
    for (const auto& p : points) as_points.push_back({p[0], p[1], p[2]});
    return nn::class_count(as_points);
  }());
  for (const auto& p : points) {
    const ImVec2 c = to_screen(origin, size, p[0], p[1]);
    add_dot(draw, c, 4.5f, IM_COL32(0, 0, 0, 120));
    add_dot(draw, c, 3.5f, point_color(p[2], classes));
  }
  if (click.clicked) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    click.x1 = -6 + 12.0 * (m.x - origin.x) / size;
    click.x2 = 6 - 12.0 * (m.y - origin.y) / size;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const ImVec2 c = to_screen(origin, size, points[i][0], points[i][1]);
      if ((c.x - m.x) * (c.x - m.x) + (c.y - m.y) * (c.y - m.y) < 144) click.point = static_cast<int>(i);
    }
  }
  return click;
}

void draw_fit(Trainer& trainer, float size) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size, size));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  fill_opaque(draw, origin, ImVec2(origin.x + size, origin.y + size), theme::colors().plot_background);
  draw->AddRect(origin, ImVec2(origin.x + size, origin.y + size), IM_COL32(0, 0, 0, 60));
  auto at = [&](double x, double y) {
    return ImVec2(origin.x + static_cast<float>((x + 6) / 12 * size),
                  origin.y + static_cast<float>((1.1 - std::clamp(y, -1.2, 1.2)) / 2.2 * size));
  };
  draw->AddLine(at(-6, 0), at(6, 0), theme::colors().axis);
  draw->AddLine(at(0, -1.1), at(0, 1.1), theme::colors().axis);
  for (const auto& p : trainer.train_points())
    add_dot(draw, at(p.x1, p.label), 2.5f, IM_COL32(150, 150, 150, 255));
  for (const auto& p : trainer.test_points()) add_dot(draw, at(p.x1, p.label), 2.5f, IM_COL32(40, 40, 40, 255));
  constexpr int kSamples = 200;
  Eigen::MatrixXd inputs(static_cast<Eigen::Index>(trainer.features().size()), kSamples);
  for (int i = 0; i < kSamples; ++i) inputs.col(i) = trainer.inputs_for(-6 + 12.0 * i / (kSamples - 1), 0);
  const Eigen::MatrixXd out = trainer.network().forward(inputs);
  std::vector<ImVec2> curve;
  for (int i = 0; i < kSamples; ++i) curve.push_back(at(-6 + 12.0 * i / (kSamples - 1), out(0, i)));
  draw->AddPolyline(curve.data(), kSamples, theme::colors().curve, ImDrawFlags_None, 2.5f);
  char text[80];
  std::snprintf(text, sizeof text, "f(x) / %.4g (dots) and the network's fit (line)", trainer.function_scale());
  draw->AddText(ImVec2(origin.x + 6, origin.y + 4), theme::colors().label, text);
}

// A skip connection: an arc over the layer it skips, from the top of one column to the top of the next, with
// an arrowhead where the input is added (h + f(W·h + b)). top_node(column) is that column's first node's centre.
template <class TopNode>
void draw_skip_arcs(ImDrawList* draw, const nn::Network& net, TopNode top_node, float box, float col_w, float room) {
  const ImU32 color = theme::colors().label;
  for (std::size_t l = 0; l < net.layers().size(); ++l) {
    if (!net.has_skip(l)) continue;
    const ImVec2 a = top_node(static_cast<int>(l)), b = top_node(static_cast<int>(l) + 1);
    const ImVec2 from(a.x, a.y - box / 2 - 2), to(b.x, b.y - box / 2 - 2);
    const float lift = std::min(from.y, to.y) - room + 2;
    draw->AddBezierCubic(from, ImVec2(from.x + col_w * 0.2f, lift), ImVec2(to.x - col_w * 0.2f, lift), to, color, 2.0f);
    draw->AddTriangleFilled(ImVec2(to.x - 5, to.y - 7), ImVec2(to.x + 3, to.y - 6), to, color);
  }
}

namespace {
// The neurons' thumbnails: each neuron's activation at the 13 × 13 corners of a grid over the input square,
// one 13 × 13 block of texels per neuron (column: layer, row: neuron) in a texture drawn with one quad per
// neuron, the texels' bilinear blend being the shaded grid. While a network trains they are recomputed every
// kTrainingPictureMs, with the surface: the 169-point forward pass and the colours were a fifth of a training frame at 4× CPU
// throttling, and shading them as ~5,500 cells each frame (copied, uploaded, rasterised) as much again.
constexpr int kThumbnailCorners = 13;

struct Thumbnails {
  PixelTexture texture;
  std::vector<ImU32> texels;
  std::vector<int> layers;  // the network's shape when computed
  double made_ms = -1e9;
};
Thumbnails g_thumbnails;

void compute_thumbnails(Trainer& trainer, const Eigen::MatrixXd& inputs) {
  nn::Network& net = trainer.network();
  const auto& layers = net.config().layers;
  constexpr int n = kThumbnailCorners;
  int tallest = 0;
  for (int size : layers) tallest = std::max(tallest, size);
  const int width = n * static_cast<int>(layers.size()), height = n * tallest;
  Thumbnails& t = g_thumbnails;
  t.texels.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
  for (std::size_t l = 0; l < layers.size(); ++l) {
    for (int i = 0; i < layers[l]; ++i) {
      for (int k = 0; k < n * n; ++k) {
        // Features scaled into view; a layer's activations as they are.
        const double v = l == 0 ? inputs(i, k) / 6.0 : net.layers()[l - 1].a(i, k);
        const int x = static_cast<int>(l) * n + k % n, y = i * n + k / n;
        t.texels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
            value_color(v);
      }
    }
  }
  t.texture.upload(width, height, t.texels);
  t.layers = layers;
  t.made_ms = now_ms();
}

void draw_thumbnail(ImDrawList* draw, ImVec2 lo, float box, int layer, int neuron) {
  const PixelTexture& texture = g_thumbnails.texture;
  constexpr float n = kThumbnailCorners;
  const float x = static_cast<float>(layer) * n, y = static_cast<float>(neuron) * n;
  draw->AddImage(texture.id(), lo, ImVec2(lo.x + box, lo.y + box), texture.texel_centre(x, y),
                 texture.texel_centre(x + n - 1, y + n - 1));
}
}  // namespace

bool draw_network(Trainer& trainer, ImVec2 size, bool is_training) {
  nn::Network& net = trainer.network();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("network", size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto& layers = net.config().layers;
  const int columns = static_cast<int>(layers.size());
  int tallest = 0;
  for (int n : layers) tallest = std::max(tallest, n);
  // The inputs' names stand left of the first column: room for the longest ("sin(x1)") is kept there.
  float label_width = 0;
  for (nn::Feature f : trainer.features()) {
    label_width = std::max(label_width, ImGui::CalcTextSize(std::string(nn::feature_name(f)).c_str()).x);
  }
  const float left = label_width + 6;
  const float col_w = (size.x - left) / static_cast<float>(columns);
  const float arc_room = net.has_skips() ? std::min(20.0f, size.y * 0.1f) : 0.0f;  // the skip arcs, above the nodes
  const float box = std::clamp(std::min((size.y - 10 - arc_room) / static_cast<float>(tallest) - 8, col_w * 0.45f),
                               6.0f, 40.0f);  // small rather than overlapping in narrow embeds
  auto node_pos = [&](int layer, int i) {
    const float x = origin.x + left + col_w * (static_cast<float>(layer) + 0.5f);
    const float total = static_cast<float>(layers[static_cast<std::size_t>(layer)]) * (box + 8);
    const float top = origin.y + arc_room + (size.y - arc_room - total) / 2;
    const float y = top + static_cast<float>(i) * (box + 8) + box / 2 + 4;
    return ImVec2(x, y);
  };
  // Each neuron's own small surface: its activation over the input square (TensorFlow Playground's thumbnails).
  Thumbnails& thumbnails = g_thumbnails;
  const bool pictures_due = !is_training || now_ms() - thumbnails.made_ms >= kTrainingPictureMs ||
                            thumbnails.layers != layers || !thumbnails.texture.id();
  if (pictures_due) {
    const Eigen::MatrixXd& inputs = corner_inputs(trainer, kThumbnailCorners);
    net.forward(inputs);
    compute_thumbnails(trainer, inputs);
  }
  const bool weights_hidden = is_hidden("weights");  // an exercise hides them: every edge alike
  // Edges first: width and colour by the weight; the edge nearest the mouse is remembered for hover. While
  // the network trains, the edges' vertices are built with the thumbnails, every kTrainingPictureMs, and
  // copied on the frames between: with a [2, 16, 16, 4] network's 352 anti-aliased lines built every frame,
  // the diagram took 1.7 ms of an average training frame at 4× CPU throttling, 0.8 ms with them kept.
  static KeptDrawing edges;
  static std::vector<int> edges_layers;
  static ImVec2 edges_size;
  static bool edges_hidden = false;
  int edge_count = 0;
  for (std::size_t l = 0; l + 1 < layers.size(); ++l) edge_count += layers[l] * layers[l + 1];
  const bool is_kept = edge_count < 8192;  // at most 8 vertices a line: within one 16-bit vertex range
  const bool rebuild = !is_kept || pictures_due || !edges.is_current() || edges_layers != layers ||
                       edges_size.x != size.x || edges_size.y != size.y || edges_hidden != weights_hidden;
  ImDrawList* edge_list = !is_kept ? draw : rebuild ? &edges.begin(draw, origin) : nullptr;
  if (rebuild) edges_layers = layers, edges_size = size, edges_hidden = weights_hidden;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hover_layer = -1, hover_i = -1, hover_j = -1;
  float hover_d = 5;
  for (int l = 0; l + 1 < columns; ++l) {
    const auto& dense = net.layers()[static_cast<std::size_t>(l)];
    for (int i = 0; i < layers[static_cast<std::size_t>(l) + 1]; ++i) {
      for (int j = 0; j < layers[static_cast<std::size_t>(l)]; ++j) {
        const ImVec2 a = node_pos(l, j), b = node_pos(l + 1, i);
        const ImVec2 a2(a.x + box / 2, a.y), b2(b.x - box / 2, b.y);
        if (edge_list) {
          const double w = weights_hidden ? 0.5 : dense.W(i, j);
          const float width = static_cast<float>(std::clamp(std::fabs(w) * 2.0, 0.5, 6.0));
          const float strength = static_cast<float>(std::clamp(0.25 + std::fabs(w), 0.25, 1.0));
          edge_list->AddLine(a2, b2, value_color(w > 0 ? 1 : -1, strength), width);
        }
        // Distance from the mouse to the segment.
        const float dx = b2.x - a2.x, dy = b2.y - a2.y;
        const float t = std::clamp(((mouse.x - a2.x) * dx + (mouse.y - a2.y) * dy) / (dx * dx + dy * dy), 0.0f, 1.0f);
        const float px = a2.x + t * dx - mouse.x, py = a2.y + t * dy - mouse.y;
        const float d = std::sqrt(px * px + py * py);
        if (d < hover_d) hover_d = d, hover_layer = l, hover_i = i, hover_j = j;
      }
    }
  }
  if (is_kept) edges.append_to(draw, origin);  // else drawn straight into `draw` above
  draw_skip_arcs(draw, net, [&](int layer) { return node_pos(layer, 0); }, box, col_w, arc_room);
  for (int l = 0; l < columns; ++l) {
    for (int i = 0; i < layers[static_cast<std::size_t>(l)]; ++i) {
      const ImVec2 c = node_pos(l, i);
      const ImVec2 lo(c.x - box / 2, c.y - box / 2);
      draw_thumbnail(draw, lo, box, l, i);
      draw->AddRect(lo, ImVec2(lo.x + box, lo.y + box), IM_COL32(0, 0, 0, 90));
      if (l == 0) {
        const std::string name(nn::feature_name(trainer.features()[static_cast<std::size_t>(i)]));
        draw->AddText(ImVec2(lo.x - ImGui::CalcTextSize(name.c_str()).x - 4, c.y - 8), theme::colors().label,
                      name.c_str());
      }
    }
  }
  bool edited = false;
  static int edit_layer = -1, edit_i = -1, edit_j = -1;
  if (ImGui::IsItemHovered() && hover_layer >= 0 && !weights_hidden) {
    const auto& dense = net.layers()[static_cast<std::size_t>(hover_layer)];
    ImGui::SetTooltip("weight W%d[%d][%d] = %.6g\n∂L/∂w (last batch) = %.6g\nclick to edit", hover_layer + 1, hover_i,
                      hover_j, dense.W(hover_i, hover_j), dense.grad_W(hover_i, hover_j));
    if (ImGui::IsItemClicked() && !is_locked("weights")) {
      edit_layer = hover_layer, edit_i = hover_i, edit_j = hover_j;
      ImGui::OpenPopup("edit_weight");
    }
  }
  if (ImGui::BeginPopup("edit_weight")) {
    if (edit_layer >= 0 && edit_layer < static_cast<int>(net.layers().size())) {
      auto& dense = net.layers()[static_cast<std::size_t>(edit_layer)];
      if (edit_i < dense.W.rows() && edit_j < dense.W.cols()) {
        double w = dense.W(edit_i, edit_j);
        ImGui::Text("W%d[%d][%d]", edit_layer + 1, edit_i, edit_j);
        ImGui::SetNextItemWidth(140);
        if (ImGui::InputDouble("##w", &w, 0.1, 1.0, "%.6g")) {
          dense.W(edit_i, edit_j) = w;
          edited = true;
        }
      }
    }
    ImGui::EndPopup();
  }
  return edited;
}

void draw_loss_curve(const Trainer& trainer, ImVec2 size, bool log_scale) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  fill_opaque(draw, origin, ImVec2(origin.x + size.x, origin.y + size.y), theme::colors().plot_background);
  draw->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(0, 0, 0, 40));
  const auto& train = trainer.train_history();
  const auto& test = trainer.test_history();
  const auto is_shown = [&](double v) { return std::isfinite(v) && (!log_scale || v > 0); };
  // One value in `step` is drawn (a pixel's worth), and the scale is fitted to those drawn.
  const auto step_of = [&](std::size_t n) { return std::max<std::size_t>(1, n / static_cast<std::size_t>(size.x)); };
  double top = -INFINITY, bottom = INFINITY;
  for (const auto* values : {&train, &test}) {
    const std::size_t step = step_of(values->size());
    for (std::size_t i = 0; i < values->size(); i += step) {
      const double v = (*values)[i];
      if (!is_shown(v)) continue;
      top = std::max(top, v);
      bottom = std::min(bottom, v);
    }
  }
  if (train.size() < 2 || !(top > 0)) {
    draw->AddText(ImVec2(origin.x + 6, origin.y + 4), theme::colors().muted, "the loss appears here while training");
    return;
  }
  auto axis = [&](double v) { return log_scale ? std::log10(v) : v; };
  const double hi = axis(top), lo = log_scale ? std::min(axis(bottom), hi - 1) : 0.0;  // at least a decade
  const float pad = 4;
  auto curve = [&](const std::vector<double>& values, ImU32 color) {
    std::vector<ImVec2> points;
    const std::size_t n = values.size(), step = step_of(n);
    for (std::size_t i = 0; i < n; i += step) {
      if (!is_shown(values[i])) break;
      const float t = static_cast<float>((axis(values[i]) - lo) / (hi - lo));
      points.emplace_back(origin.x + size.x * static_cast<float>(i) / static_cast<float>(n - 1),
                          origin.y + pad + (size.y - 2 * pad) * (1 - t));
    }
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), color, ImDrawFlags_None, 1.5f);
  };
  curve(train, IM_COL32(150, 150, 150, 255));
  curve(test, IM_COL32(20, 20, 20, 255));
  char text[48];
  std::snprintf(text, sizeof text, "%.3g", top);
  draw->AddText(ImVec2(origin.x + 4, origin.y + 2), theme::colors().label, text);
  std::snprintf(text, sizeof text, "%.3g", log_scale ? std::pow(10.0, lo) : 0.0);
  draw->AddText(ImVec2(origin.x + 4, origin.y + size.y - ImGui::GetTextLineHeight() - 2), theme::colors().label, text);
}

}  // namespace bp::app
