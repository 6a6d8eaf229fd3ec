// Graph mode's canvas: the graph's boxes (value, gradient) and edges, and while stepping backward
// the chain rule's products on the current node's edges. Draws what the model computed; ImGui only.
#include "graph/canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_set>

#include "fonts.hpp"
#include "graph/chain_rule.hpp"
#include "platform.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

// Cuts the segment pq to the rectangle [lo, hi] (Liang–Barsky); false when none of it is inside.
bool clip_segment(ImVec2& p, ImVec2& q, ImVec2 lo, ImVec2 hi) {
  float t0 = 0, t1 = 1;
  const float dx = q.x - p.x, dy = q.y - p.y;
  const float edges[4][2] = {{-dx, p.x - lo.x}, {dx, hi.x - p.x}, {-dy, p.y - lo.y}, {dy, hi.y - p.y}};
  for (const auto& [denominator, distance] : edges) {
    if (denominator == 0) {
      if (distance < 0) return false;
      continue;
    }
    const float t = distance / denominator;
    if (denominator < 0) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  q = ImVec2(p.x + t1 * dx, p.y + t1 * dy);
  p = ImVec2(p.x + t0 * dx, p.y + t0 * dy);
  return true;
}

// Where the graph's nodes sit on screen, and what of it the clip rectangle shows. Only what can be
// seen is drawn: a long program's graph runs far beyond the canvas, and its thousands of boxes
// would cost a frame much more than the few on screen.
struct Canvas {
  static constexpr float kBoxWidth = 118, kBoxHeight = 58;
  ImDrawList* draw = nullptr;
  ImVec2 origin, clip_lo, clip_hi;
  float column_width = 0, row_height = 0;
  const GraphLayout* layout = nullptr;

  ImVec2 center(int id) const {
    const NodePlace& p = layout->places[static_cast<std::size_t>(id)];
    return ImVec2(origin.x + column_width * (static_cast<float>(p.column) + 0.5f),
                  origin.y + 30 + row_height * (static_cast<float>(p.row) + 0.5f));
  }
  bool visible(ImVec2 lo, ImVec2 hi) const {
    return hi.x >= clip_lo.x && lo.x <= clip_hi.x && hi.y >= clip_lo.y && lo.y <= clip_hi.y;
  }
};

void draw_edges(const Canvas& canvas, const expr::GraphExport& g) {
  constexpr float w = Canvas::kBoxWidth;
  ImDrawList* draw = canvas.draw;
  std::unordered_set<std::uint64_t> drawn;  // clipped edges, by their ends' pixels
  for (const auto& node : g.nodes) {
    const ImVec2 to = canvas.center(node.id);
    for (int input : node.inputs) {
      const ImVec2 from = canvas.center(input);
      const ImVec2 a(from.x + w / 2, from.y), b(to.x - w / 2, to.y);
      const ImVec2 box_lo(std::min(a.x, b.x) - 30, std::min(a.y, b.y));
      const ImVec2 box_hi(std::max(a.x, b.x) + 30, std::max(a.y, b.y));
      if (!canvas.visible(box_lo, box_hi)) continue;
      if (!canvas.visible(a, a) || !canvas.visible(b, b)) {
        // To or from a node off the canvas: the part in view, straight. A curve thousands of pixels
        // long would be cut into hundreds of segments, and an input of a long chain has thousands
        // of such edges, which in view are mostly the same line: each is drawn once.
        ImVec2 p = a, q = b;
        if (clip_segment(p, q, canvas.clip_lo, canvas.clip_hi)) {
          const auto pixel = [](ImVec2 v) {
            return static_cast<std::uint64_t>(static_cast<std::uint32_t>(std::lround(v.x))) << 32 |
                   static_cast<std::uint32_t>(std::lround(v.y));
          };
          if (drawn.insert(pixel(p) ^ (pixel(q) * 0x9E3779B97F4A7C15ull)).second) {
            draw->AddLine(p, q, theme::colors().axis, 1.5f);
          }
        }
        if (!canvas.visible(b, b)) continue;
      } else {
        draw->AddBezierCubic(a, ImVec2(a.x + 30, a.y), ImVec2(b.x - 30, b.y), b, theme::colors().axis, 1.5f);
      }
      draw->AddTriangleFilled(b, ImVec2(b.x - 8, b.y - 4), ImVec2(b.x - 8, b.y + 4), theme::colors().axis);
    }
  }
}

// Each node's box: its formula, value and (once the backward pass reached it) its gradient.
void draw_boxes(const Canvas& canvas, const GraphState& s, const expr::GraphExport& g, int stepped) {
  constexpr float w = Canvas::kBoxWidth, h = Canvas::kBoxHeight;
  ImDrawList* draw = canvas.draw;
  const int count = static_cast<int>(g.nodes.size());
  const theme::Palette& colors = theme::colors();
  char text[64];
  for (const auto& node : g.nodes) {
    const ImVec2 m = canvas.center(node.id);
    const ImVec2 lo(m.x - w / 2, m.y - h / 2), hi(m.x + w / 2, m.y + h / 2);
    if (!canvas.visible(lo, hi)) continue;
    const bool revealed = is_revealed(s, node.id, count) && node.grad.has_value();
    const bool current = node.id == stepped;
    draw->AddRectFilled(lo, hi, current ? colors.node_current : colors.node_fill, 6);
    draw->AddRect(lo, hi, current ? colors.tangent : IM_COL32(0, 0, 0, 70), 6, 0, current ? 2.5f : 1.0f);
    const std::string title = node.inputs.empty()                ? node.label
                              : is_operator_label(node.label)       ? formula(g, node)
                                                                    : node.label + " = " + formula(g, node);
    draw->AddText(ImVec2(lo.x + 8, lo.y + 4), colors.label, title.c_str());
    std::snprintf(text, sizeof text, std::isnan(node.value) ? "value NaN: undefined" : "value %.4g", node.value);
    if (!std::isfinite(node.value)) draw->AddRect(lo, hi, colors.error, 6, 0, 2.5f);
    const float small = ImGui::GetFontSize() * 0.9f;
    draw->AddText(platform::fonts().mono, small, ImVec2(lo.x + 8, lo.y + 22), colors.curve, text);
    if (node.grad) {
      if (revealed) {
        std::snprintf(text, sizeof text, "grad  %.4g", *node.grad);
      } else {
        std::snprintf(text, sizeof text, "grad  ?");
      }
      const ImU32 color = revealed ? colors.tangent : colors.muted;
      draw->AddText(platform::fonts().mono, small, ImVec2(lo.x + 8, lo.y + 38), color, text);
    }
  }
}

// On each edge out of the node being stepped: upstream gradient × local derivative, over the boxes.
void draw_products(const Canvas& canvas, const expr::GraphExport& g, int current) {
  constexpr float w = Canvas::kBoxWidth;
  ImDrawList* draw = canvas.draw;
  char text[64];
  for (const auto& user : g.nodes) {
    for (std::size_t k = 0; k < user.inputs.size(); ++k) {
      if (user.inputs[k] != current) continue;
      const ImVec2 a = canvas.center(current), b = canvas.center(user.id);
      const ImVec2 mid((a.x + w / 2 + b.x - w / 2) / 2, (a.y + b.y) / 2 - 22);  // over the edge
      if (!canvas.visible(ImVec2(mid.x - 200, mid.y - 20), ImVec2(mid.x + 200, mid.y + 40))) continue;
      std::snprintf(text, sizeof text, "%g × %g = %g", user.grad.value_or(0), user.local[k],
                    user.grad.value_or(0) * user.local[k]);
      const ImVec2 extent = ImGui::CalcTextSize(text);
      draw->AddRectFilled(ImVec2(mid.x - extent.x / 2 - 4, mid.y - 2),
                          ImVec2(mid.x + extent.x / 2 + 4, mid.y + extent.y + 2), theme::colors().highlight, 4);
      draw->AddText(ImVec2(mid.x - extent.x / 2, mid.y), theme::colors().tangent, text);
    }
  }
}

}  // namespace

void draw_graph(const GraphState& s, const GraphSnapshot& c, ImVec2 size) {
  const auto& g = *c.graph;
  Canvas canvas;
  canvas.origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("graph_canvas", size);
  canvas.draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = canvas.origin;
  canvas.draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), theme::colors().plot_background);
  const float columns = static_cast<float>(std::max(1, c.layout.columns));
  const float rows = static_cast<float>(std::max(1, c.layout.rows));
  canvas.column_width = std::max(Canvas::kBoxWidth + 40, size.x / columns);
  canvas.row_height = std::max(Canvas::kBoxHeight + 24, std::min(120.0f, size.y / rows));
  canvas.layout = &c.layout;
  canvas.clip_lo = canvas.draw->GetClipRectMin();
  canvas.clip_hi = canvas.draw->GetClipRectMax();
  const int stepped = current_node(s, static_cast<int>(g.nodes.size()));  // -1 unless stepping
  draw_edges(canvas, g);  // first, under the boxes
  draw_boxes(canvas, s, g, stepped);
  if (stepped >= 0) draw_products(canvas, g, stepped);
}

}  // namespace bp::app
