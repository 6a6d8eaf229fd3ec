// Graph mode's canvas: the graph's boxes (value, gradient) and edges, and while stepping backward
// the chain rule's products on the current node's edges. Draws what the model computed; ImGui only.
#include "graph/canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cfloat>
#include <cstdio>
#include <string>
#include <unordered_set>

#include "fonts.hpp"
#include "graph/chain_rule.hpp"
#include "imgui_internal.h"  // SetKeyOwner: the focused canvas's arrow keys step through its nodes
#include "platform.hpp"
#include "state/embed_options.hpp"
#include "widgets/opaque_fill.hpp"
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
// would cost a frame much more than the few on screen. The layout's columns run left to right, or
// top to bottom on a narrow canvas (a phone, a tablet, a course column), and the whole is scaled by
// `zoom` and moved by `pan`.
struct Canvas {
  static constexpr float kBoxWidth = 118, kBoxHeight = 58;    // at zoom 1
  static constexpr float kColumnStep = kBoxWidth + 44, kRowStep = kBoxHeight + 30;
  ImDrawList* draw = nullptr;
  ImVec2 origin, clip_lo, clip_hi;
  float zoom = 1;
  ImVec2 pan{0, 0};
  bool is_top_down = false;
  const GraphLayout* layout = nullptr;

  // The graph's extent at zoom 1.
  ImVec2 world_size() const {
    const float columns = static_cast<float>(std::max(1, layout->columns));
    const float rows = static_cast<float>(std::max(1, layout->rows));
    return is_top_down ? ImVec2(kColumnStep * rows, kRowStep * columns) : ImVec2(kColumnStep * columns, kRowStep * rows);
  }
  ImVec2 center(int id) const {
    const NodePlace& p = layout->places[static_cast<std::size_t>(id)];
    const float c = static_cast<float>(p.column) + 0.5f, r = static_cast<float>(p.row) + 0.5f;
    const ImVec2 world = is_top_down ? ImVec2(kColumnStep * r, kRowStep * c) : ImVec2(kColumnStep * c, kRowStep * r);
    return ImVec2(origin.x + pan.x + world.x * zoom, origin.y + pan.y + world.y * zoom);
  }
  float box_width() const { return kBoxWidth * zoom; }
  float box_height() const { return kBoxHeight * zoom; }
  // Where an edge leaves its input's box and enters its user's.
  ImVec2 exit_of(ImVec2 c) const { return is_top_down ? ImVec2(c.x, c.y + box_height() / 2) : ImVec2(c.x + box_width() / 2, c.y); }
  ImVec2 entry_of(ImVec2 c) const { return is_top_down ? ImVec2(c.x, c.y - box_height() / 2) : ImVec2(c.x - box_width() / 2, c.y); }
  bool visible(ImVec2 lo, ImVec2 hi) const {
    return hi.x >= clip_lo.x && lo.x <= clip_hi.x && hi.y >= clip_lo.y && lo.y <= clip_hi.y;
  }
};

void draw_edges(const Canvas& canvas, const expr::GraphExport& g) {
  ImDrawList* draw = canvas.draw;
  const float bend = 30 * canvas.zoom, tip = 8 * canvas.zoom;
  std::unordered_set<std::uint64_t> drawn;  // clipped edges, by their ends' pixels
  for (const auto& node : g.nodes) {
    const ImVec2 to = canvas.center(node.id);
    for (int input : node.inputs) {
      const ImVec2 from = canvas.center(input);
      const ImVec2 a = canvas.exit_of(from), b = canvas.entry_of(to);
      const ImVec2 box_lo(std::min(a.x, b.x) - bend, std::min(a.y, b.y) - bend);
      const ImVec2 box_hi(std::max(a.x, b.x) + bend, std::max(a.y, b.y) + bend);
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
      } else if (canvas.is_top_down) {
        draw->AddBezierCubic(a, ImVec2(a.x, a.y + bend), ImVec2(b.x, b.y - bend), b, theme::colors().axis, 1.5f);
      } else {
        draw->AddBezierCubic(a, ImVec2(a.x + bend, a.y), ImVec2(b.x - bend, b.y), b, theme::colors().axis, 1.5f);
      }
      if (canvas.is_top_down) {
        draw->AddTriangleFilled(b, ImVec2(b.x - tip / 2, b.y - tip), ImVec2(b.x + tip / 2, b.y - tip), theme::colors().axis);
      } else {
        draw->AddTriangleFilled(b, ImVec2(b.x - tip, b.y - tip / 2), ImVec2(b.x - tip, b.y + tip / 2), theme::colors().axis);
      }
    }
  }
}

// Each node's box: its formula, value and (once the backward pass reached it) its gradient.
void draw_boxes(const Canvas& canvas, const GraphState& s, const expr::GraphExport& g, int stepped, int selected) {
  const float w = canvas.box_width(), h = canvas.box_height(), z = canvas.zoom;
  ImDrawList* draw = canvas.draw;
  const float font = ImGui::GetFontSize() * z, small = font * 0.9f;
  const bool has_text = font >= 6;  // below that, letters are noise: boxes and edges only
  const int count = static_cast<int>(g.nodes.size());
  const theme::Palette& colors = theme::colors();
  char text[64];
  for (const auto& node : g.nodes) {
    const ImVec2 m = canvas.center(node.id);
    const ImVec2 lo(m.x - w / 2, m.y - h / 2), hi(m.x + w / 2, m.y + h / 2);
    if (!canvas.visible(lo, hi)) continue;
    const bool revealed = is_revealed(s, node.id, count) && node.grad.has_value();
    const bool current = node.id == stepped;
    draw->AddRectFilled(lo, hi, current ? colors.node_current : colors.node_fill, 6 * z);
    draw->AddRect(lo, hi, current ? colors.tangent : IM_COL32(0, 0, 0, 70), 6 * z, 0, current ? 2.5f : 1.0f);
    if (node.id == selected) {  // the keyboard's node: a focus ring
      draw->AddRect(ImVec2(lo.x - 3, lo.y - 3), ImVec2(hi.x + 3, hi.y + 3), ImGui::GetColorU32(ImGuiCol_NavHighlight),
                    8 * z, 0, 2.5f);
    }
    if (!std::isfinite(node.value)) draw->AddRect(lo, hi, colors.error, 6 * z, 0, 2.5f);
    if (!has_text) continue;
    const std::string title = node.inputs.empty()                ? node.label
                              : is_operator_label(node.label)       ? formula(g, node)
                                                                    : node.label + " = " + formula(g, node);
    const ImVec4 clip(lo.x, lo.y, hi.x - 4 * z, hi.y);  // a long formula stops at the box's edge
    draw->AddText(nullptr, font, ImVec2(lo.x + 8 * z, lo.y + 4 * z), colors.label, title.c_str(), nullptr, 0, &clip);
    std::snprintf(text, sizeof text, std::isnan(node.value) ? "value NaN: undefined" : "value %.4g", node.value);
    if (is_value_hidden(node)) std::snprintf(text, sizeof text, "value ?");  // an exercise asks for it
    draw->AddText(platform::fonts().mono, small, ImVec2(lo.x + 8 * z, lo.y + 22 * z), colors.curve, text);
    if (node.grad) {
      if (revealed && !is_grad_hidden(node)) {
        std::snprintf(text, sizeof text, "grad  %.4g", *node.grad);
      } else {
        std::snprintf(text, sizeof text, "grad  ?");
      }
      const ImU32 color = revealed ? colors.tangent : colors.muted;
      draw->AddText(platform::fonts().mono, small, ImVec2(lo.x + 8 * z, lo.y + 38 * z), color, text);
    }
  }
}

// On each edge out of the node being stepped: upstream gradient × local derivative, over the boxes.
void draw_products(const Canvas& canvas, const expr::GraphExport& g, int current) {
  ImDrawList* draw = canvas.draw;
  const float font = ImGui::GetFontSize() * std::max(canvas.zoom, 0.7f);
  char text[64];
  for (const auto& user : g.nodes) {
    for (std::size_t k = 0; k < user.inputs.size(); ++k) {
      if (user.inputs[k] != current) continue;
      const ImVec2 a = canvas.exit_of(canvas.center(current)), b = canvas.entry_of(canvas.center(user.id));
      const ImVec2 mid((a.x + b.x) / 2, (a.y + b.y) / 2 - font * 1.3f);  // over the edge
      if (!canvas.visible(ImVec2(mid.x - 200, mid.y - 20), ImVec2(mid.x + 200, mid.y + 40))) continue;
      std::snprintf(text, sizeof text, "%g × %g = %g", user.grad.value_or(0), user.local[k],
                    user.grad.value_or(0) * user.local[k]);
      const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(font, FLT_MAX, 0, text);
      draw->AddRectFilled(ImVec2(mid.x - extent.x / 2 - 4, mid.y - 2),
                          ImVec2(mid.x + extent.x / 2 + 4, mid.y + extent.y + 2), theme::colors().highlight, 4);
      draw->AddText(nullptr, font, ImVec2(mid.x - extent.x / 2, mid.y), theme::colors().tangent, text);
    }
  }
}


// The view of the graph: refitted when the graph, the canvas's size or the orientation change,
// kept while the learner pans and zooms in between.
struct GraphView {
  float zoom = 1;
  ImVec2 pan{0, 0};
  std::string fitted_text;
  ImVec2 fitted_size{0, 0};
  bool fitted_top_down = false;
  int selected = -1;  // the node the keyboard reached, or -1
};

// The whole graph in the canvas, centred; never magnified past 1, never shrunk past where its
// letters stop being letters (a long program's graph then starts at its first column).
void fit(GraphView& view, const Canvas& canvas, ImVec2 size) {
  constexpr float kMinZoom = 0.35f, kMargin = 16;
  const ImVec2 world = canvas.world_size();
  const float zoom = std::min({1.0f, (size.x - kMargin) / world.x, (size.y - kMargin - 30) / world.y});
  view.zoom = std::max(kMinZoom, zoom);
  view.pan = ImVec2(std::max(0.0f, (size.x - world.x * view.zoom) / 2),
                    30 + std::max(0.0f, (size.y - 30 - world.y * view.zoom) / 2));
}

// Drag pans, the wheel zooms about the pointer, two fingers pinch; returns true when the view moved.
bool pan_and_zoom(GraphView& view, ImVec2 origin, ImVec2 size) {
  bool moved = false;
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
    view.pan = ImVec2(view.pan.x + io.MouseDelta.x, view.pan.y + io.MouseDelta.y);
    moved = true;
  }
  const auto zoom_about = [&](ImVec2 at, float factor) {
    const float zoom = std::clamp(view.zoom * factor, 0.1f, 3.0f);
    const ImVec2 local(at.x - origin.x, at.y - origin.y);
    view.pan = ImVec2(local.x - (local.x - view.pan.x) * zoom / view.zoom, local.y - (local.y - view.pan.y) * zoom / view.zoom);
    view.zoom = zoom;
    moved = true;
  };
  if (ImGui::IsItemHovered() && io.MouseWheel != 0) zoom_about(io.MousePos, std::pow(1.15f, io.MouseWheel));
  const platform::Gesture& g = platform::gesture();
  const bool inside = g.center.x >= origin.x && g.center.x <= origin.x + size.x && g.center.y >= origin.y &&
                      g.center.y <= origin.y + size.y;
  if (g.happened() && inside) {
    zoom_about(g.center, g.zoom);
    view.pan = ImVec2(view.pan.x + g.pan.x, view.pan.y + g.pan.y);
  }
  return moved;
}

// ← ↑ and → ↓ step through the nodes in topological order (the order they were computed in); each
// step brings the node into view.
void keyboard_nodes(GraphView& view, const Canvas& canvas, ImGuiID id, int count, ImVec2 size) {
  if (!ImGui::IsItemFocused()) {
    view.selected = -1;
    return;
  }
  for (ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow}) {
    ImGui::SetKeyOwner(key, id);
  }
  const bool next = ImGui::IsKeyPressed(ImGuiKey_RightArrow, id) || ImGui::IsKeyPressed(ImGuiKey_DownArrow, id);
  const bool previous = ImGui::IsKeyPressed(ImGuiKey_LeftArrow, id) || ImGui::IsKeyPressed(ImGuiKey_UpArrow, id);
  if (view.selected < 0 || view.selected >= count) view.selected = 0;
  if (next) view.selected = std::min(count - 1, view.selected + 1);
  if (previous) view.selected = std::max(0, view.selected - 1);
  if (!next && !previous) return;
  const ImVec2 c = canvas.center(view.selected);
  const float half_w = canvas.box_width() / 2 + 12, half_h = canvas.box_height() / 2 + 12;
  const ImVec2 lo(canvas.origin.x, canvas.origin.y), hi(canvas.origin.x + size.x, canvas.origin.y + size.y);
  if (c.x - half_w < lo.x) view.pan.x += lo.x - (c.x - half_w);
  if (c.x + half_w > hi.x) view.pan.x -= (c.x + half_w) - hi.x;
  if (c.y - half_h < lo.y) view.pan.y += lo.y - (c.y - half_h);
  if (c.y + half_h > hi.y) view.pan.y -= (c.y + half_h) - hi.y;
  platform::request_frame();
}

}  // namespace

int draw_graph(const GraphState& s, const GraphSnapshot& c, ImVec2 size) {
  static GraphView view;
  const auto& g = *c.graph;
  Canvas canvas;
  canvas.origin = ImGui::GetCursorScreenPos();
  ImGui::SetNextItemAllowOverlap();  // the fit button over it takes its own clicks
  ImGui::InvisibleButton("graph_canvas", size, ImGuiButtonFlags_MouseButtonLeft);
  const ImGuiID id = ImGui::GetItemID();
  canvas.draw = ImGui::GetWindowDrawList();
  canvas.layout = &c.layout;
  // Narrow canvases (phones, tablets, course columns) lay the graph out top-down: its long side is
  // the number of steps from the inputs to the output, which then runs down the page.
  canvas.is_top_down = size.x < 700 && size.x < size.y * 1.2f && c.layout.columns > 1;
  const bool refit = view.fitted_text != c.text || view.fitted_size.x != size.x || view.fitted_size.y != size.y ||
                     view.fitted_top_down != canvas.is_top_down;
  const bool double_clicked = ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  if (refit || double_clicked) {
    fit(view, canvas, size);
    view.fitted_text = c.text;
    view.fitted_size = size;
    view.fitted_top_down = canvas.is_top_down;
  }
  if (pan_and_zoom(view, canvas.origin, size)) platform::request_frame();
  canvas.zoom = view.zoom;
  canvas.pan = view.pan;
  const int count = static_cast<int>(g.nodes.size());
  keyboard_nodes(view, canvas, id, count, size);
  canvas.pan = view.pan;
  const ImVec2 origin = canvas.origin;
  fill_opaque(canvas.draw, origin, ImVec2(origin.x + size.x, origin.y + size.y), theme::colors().plot_background);
  if (ImGui::IsItemFocused() && !ImGui::GetCurrentContext()->NavDisableHighlight) {
    canvas.draw->AddRect(ImVec2(origin.x + 1, origin.y + 1), ImVec2(origin.x + size.x - 1, origin.y + size.y - 1),
                         ImGui::GetColorU32(ImGuiCol_NavHighlight), 3, 0, 2.0f);
  }
  canvas.draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  canvas.clip_lo = canvas.draw->GetClipRectMin();
  canvas.clip_hi = canvas.draw->GetClipRectMax();
  const int stepped = current_node(s, count);  // -1 unless stepping
  draw_edges(canvas, g);  // first, under the boxes
  draw_boxes(canvas, s, g, stepped, view.selected);
  if (stepped >= 0 && !is_hidden("steps") && !is_hidden("grads")) draw_products(canvas, g, stepped);
  // The full value and gradient of the box under the pointer (the boxes show four digits).
  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    for (const auto& node : g.nodes) {
      const ImVec2 at = canvas.center(node.id);
      if (std::fabs(m.x - at.x) > canvas.box_width() / 2 || std::fabs(m.y - at.y) > canvas.box_height() / 2) continue;
      ImGui::SetTooltip("%s", node_description(s, g, node.id).c_str());
      break;
    }
  }
  canvas.draw->PopClipRect();
  // The fit control, over the canvas's top right corner.
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const float width = ImGui::CalcTextSize("fit").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorScreenPos(ImVec2(origin.x + size.x - width - 6, origin.y + 6));
  if (ImGui::Button("fit##graph")) {
    fit(view, canvas, size);
    platform::request_frame();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fit the whole graph in view (or double-click the canvas)");
  ImGui::SetCursorScreenPos(cursor);
  return view.selected;
}

}  // namespace bp::app
