// The 3-D surface: f over the map's window as a mesh of shaded quads in ImGui's draw list, sorted far to
// near (painter's algorithm: 47 × 47 quads, counting-sorted by depth each frame, no depth buffer needed), with the
// point and its tangent plane on top.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include "imgui_internal.h"  // SetKeyOwner: the focused view's arrow keys rotate it, not the focus
#include "plane/heat_map_renderer.hpp"
#include "plane/views.hpp"
#include "race/race_view.hpp"
#include "platform.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

constexpr int kMeshSize = 48;  // samples per side
constexpr double kDefaultYaw = 35, kDefaultPitch = 30, kDefaultZoom = 1;

struct Vec3 {
  double x, y, z;
};

// Model space: the window maps to [-1, 1]², f's colour range to [-0.6, 0.6] (values beyond it are clamped at
// ±1.08, so a pole does not flatten everything else).
struct Camera {
  double cx, cy, hx, hy, mid, range;
  double cos_yaw, sin_yaw, cos_pitch, sin_pitch;
  ImVec2 centre;
  float scale;

  Vec3 model(double x, double y, double f) const {
    const double z = std::clamp((f - mid) / range, -0.9, 0.9) * 1.2;
    return {(x - cx) / hx, (y - cy) / hy, z};
  }
  // Screen position and depth (larger is nearer).
  ImVec2 screen(const Vec3& p, double* depth = nullptr) const {
    const double x1 = p.x * cos_yaw - p.y * sin_yaw, y1 = p.x * sin_yaw + p.y * cos_yaw;
    const double up = p.z * cos_pitch + y1 * sin_pitch;
    if (depth) *depth = -y1 * cos_pitch + p.z * sin_pitch;
    return ImVec2(centre.x + static_cast<float>(x1) * scale, centre.y - static_cast<float>(up) * scale);
  }
};

void rotate(PlaneState& p, ImGuiID id, bool is_active, bool is_focused) {
  const ImGuiIO& io = ImGui::GetIO();
  if (is_active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
    p.yaw = std::fmod(p.yaw - io.MouseDelta.x * 0.4, 360.0);
    p.pitch = std::clamp(p.pitch + io.MouseDelta.y * 0.3, -89.0, 89.0);
  }
  if (!is_focused) return;
  for (ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow}) {
    ImGui::SetKeyOwner(key, id);
  }
  const auto pressed = [&](ImGuiKey key) { return ImGui::IsKeyPressed(key, id) ? 1.0 : 0.0; };
  p.yaw = std::fmod(p.yaw + 5 * (pressed(ImGuiKey_LeftArrow) - pressed(ImGuiKey_RightArrow)), 360.0);
  p.pitch = std::clamp(p.pitch + 5 * (pressed(ImGuiKey_UpArrow) - pressed(ImGuiKey_DownArrow)), -89.0, 89.0);
}

// A quad and its depth as an unsigned number in the same order as the float (sign-magnitude turned around).
struct DepthKey {
  std::uint32_t key;
  int quad;
};
std::uint32_t ordered_bits(float depth) {
  std::uint32_t bits;
  std::memcpy(&bits, &depth, sizeof bits);
  return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}

// Sorts by key, stably (equal keys keep the quads' order, as std::sort on (depth, quad) pairs did): four
// passes of a counting sort on 8 bits each. std::sort of the 2,209 quads was a tenth of a rotation's frame at
// 4× CPU throttling.
void sort_by_depth(std::vector<DepthKey>& items, std::vector<DepthKey>& scratch) {
  scratch.resize(items.size());
  for (int shift = 0; shift < 32; shift += 8) {
    std::size_t start[257] = {};
    for (const DepthKey& item : items) ++start[((item.key >> shift) & 255u) + 1];
    for (int k = 1; k <= 256; ++k) start[k] += start[k - 1];
    for (const DepthKey& item : items) scratch[start[(item.key >> shift) & 255u]++] = item;
    items.swap(scratch);
  }
}

// What the mesh's picture keeps between frames: the model-space points and each quad's lit colour depend on f and
// the window, not on the camera, so a rotation only projects, sorts and fills.
struct MeshPicture {
  std::uint64_t generation = 0;
  int n = 0;
  double window[4] = {0, 0, 0, 0};
  std::vector<Vec3> model;
  std::vector<ImU32> colors;  // per quad (j * (n − 1) + i); 0: not drawn (a corner undefined)
  std::vector<ImVec2> screen;
  std::vector<double> depth;
  std::vector<DepthKey> order, scratch;  // the quads far to near, and room for sorting them
};

void light(MeshPicture& p, const SampledGrid& g, const Camera& cam) {
  const double window[4] = {g.x_min, g.x_max, g.y_min, g.y_max};
  if (p.generation == g.generation && p.n == g.n && std::equal(window, window + 4, p.window)) return;
  p.generation = g.generation, p.n = g.n;
  std::copy(window, window + 4, p.window);
  const int n = g.n;
  p.model.resize(static_cast<std::size_t>(n * n));
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < n; ++i) {
      const std::size_t k = static_cast<std::size_t>(j * n + i);
      p.model[k] = cam.model(g.x_at(i), g.y_at(j), g.values[k]);
    }
  }
  const double light[3] = {-0.35, -0.45, 0.82};  // from the viewer's upper left, in model space
  p.colors.assign(static_cast<std::size_t>((n - 1) * (n - 1)), 0);
  for (int j = 0; j + 1 < n; ++j) {
    for (int i = 0; i + 1 < n; ++i) {
      const std::size_t a = static_cast<std::size_t>(j * n + i), b = a + 1, c = a + static_cast<std::size_t>(n) + 1,
                        d = a + static_cast<std::size_t>(n);
      const float fa = g.values[a], fb = g.values[b], fc = g.values[c], fd = g.values[d];
      if (!std::isfinite(fa) || !std::isfinite(fb) || !std::isfinite(fc) || !std::isfinite(fd)) continue;
      // The normal from the two diagonals; lit on both sides (the underside shows when the camera is below).
      const std::vector<Vec3>& m = p.model;
      const Vec3 u{m[c].x - m[a].x, m[c].y - m[a].y, m[c].z - m[a].z};
      const Vec3 v{m[d].x - m[b].x, m[d].y - m[b].y, m[d].z - m[b].z};
      const double nx = u.y * v.z - u.z * v.y, ny = u.z * v.x - u.x * v.z, nz = u.x * v.y - u.y * v.x;
      const double norm = std::sqrt(nx * nx + ny * ny + nz * nz);
      const double lambert = norm > 0 ? std::fabs(nx * light[0] + ny * light[1] + nz * light[2]) / norm : 1;
      const double t = ((fa + fb + fc + fd) / 4 - g.low) / std::max(g.high - g.low, 1e-300);
      p.colors[static_cast<std::size_t>(j * (n - 1) + i)] = heat_color(t, static_cast<float>(0.45 + 0.55 * lambert));
    }
  }
}

void draw_mesh(ImDrawList* draw, const SampledGrid& g, const Camera& cam) {
  static MeshPicture p;
  light(p, g, cam);
  const int n = g.n;
  p.screen.resize(p.model.size());
  p.depth.resize(p.model.size());
  for (std::size_t k = 0; k < p.model.size(); ++k) p.screen[k] = cam.screen(p.model[k], &p.depth[k]);
  const std::vector<double>& depth = p.depth;
  p.order.clear();
  for (int j = 0; j + 1 < n; ++j) {
    for (int i = 0; i + 1 < n; ++i) {
      const int quad = j * (n - 1) + i;
      if (p.colors[static_cast<std::size_t>(quad)] == 0) continue;
      const std::size_t a = static_cast<std::size_t>(j * n + i), c = a + static_cast<std::size_t>(n) + 1;
      // The sum of the corners' depths: four times their mean, the same order.
      const double sum = depth[a] + depth[a + 1] + depth[c] + depth[c - 1];
      p.order.push_back({ordered_bits(static_cast<float>(sum)), quad});
    }
  }
  sort_by_depth(p.order, p.scratch);
  // Without anti-aliased fills neighbouring quads meet exactly: no seams of half-transparent fringes.
  const ImDrawListFlags flags = draw->Flags;
  draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (const DepthKey& item : p.order) {
    const int quad = item.quad;
    const std::size_t a = static_cast<std::size_t>((quad / (n - 1)) * n + quad % (n - 1)), b = a + 1,
                      c = a + static_cast<std::size_t>(n) + 1, d = a + static_cast<std::size_t>(n);
    const ImU32 color = p.colors[static_cast<std::size_t>(quad)];
    draw->AddTriangleFilled(p.screen[a], p.screen[b], p.screen[c], color);
    draw->AddTriangleFilled(p.screen[a], p.screen[c], p.screen[d], color);
  }
  draw->Flags = flags;
}

// The floor's square and the names of the axes.
void draw_box(ImDrawList* draw, const Camera& cam, const PlaneModel& m) {
  const ImU32 ink = theme::colors().axis;
  const double floor = -1.2;
  const Vec3 corners[4] = {{-1, -1, floor}, {1, -1, floor}, {1, 1, floor}, {-1, 1, floor}};
  for (int k = 0; k < 4; ++k) draw->AddLine(cam.screen(corners[k]), cam.screen(corners[(k + 1) % 4]), ink, 1.0f);
  draw->AddText(cam.screen({1.15, -1, floor}), theme::colors().label, m.horizontal().c_str());
  draw->AddText(cam.screen({-1, 1.15, floor}), theme::colors().label, m.vertical().c_str());
  draw->AddLine(cam.screen({-1, -1, floor}), cam.screen({-1, -1, 1.2}), ink, 1.0f);
  draw->AddText(cam.screen({-1, -1, 1.3}), theme::colors().label, "f");
}

// The plane z = f(x₀, y₀) + ∂f/∂x·(x − x₀) + ∂f/∂y·(y − y₀), over a square a third of the window wide.
void draw_point(ImDrawList* draw, const Camera& cam, const FunctionState& s, const PlaneReading& r) {
  if (!std::isfinite(r.value)) return;
  const double ax = cam.hx / 3, ay = cam.hy / 3;
  const double signs[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
  ImVec2 corners[4];
  for (int k = 0; k < 4; ++k) {
    const double dx = signs[k][0] * ax, dy = signs[k][1] * ay;
    corners[k] = cam.screen(cam.model(s.x0 + dx, s.plane.y0 + dy, r.value + r.dfdx * dx + r.dfdy * dy));
  }
  draw->AddQuadFilled(corners[0], corners[1], corners[2], corners[3], IM_COL32(255, 255, 255, 90));
  draw->AddQuad(corners[0], corners[1], corners[2], corners[3], IM_COL32(255, 255, 255, 230), 1.5f);
  const ImVec2 at = cam.screen(cam.model(s.x0, s.plane.y0, r.value));
  const Vec3 top = cam.model(s.x0, s.plane.y0, r.value);
  const ImVec2 base = cam.screen({top.x, top.y, -1.2});  // a stem down to the floor
  draw->AddLine(base, at, IM_COL32(255, 255, 255, 160), 1.0f);
  draw->AddCircleFilled(at, 6, theme::colors().point);
  draw->AddCircle(at, 6, IM_COL32(255, 255, 255, 255), 0, 1.5f);
}

}  // namespace

bool surface_view(FunctionState& s, PlaneModel& m, ImVec2 size, ImVec4& rect) {
  PlaneState& p = s.plane;
  const ImVec2 lo = ImGui::GetCursorScreenPos(), hi(lo.x + size.x, lo.y + size.y);
  ImGui::InvisibleButton("plane_surface", size);
  const ImGuiID id = ImGui::GetItemID();
  const bool hovered = ImGui::IsItemHovered();
  rotate(p, id, ImGui::IsItemActive(), ImGui::IsItemFocused());
  const float wheel = ImGui::GetIO().MouseWheel;
  if (hovered && wheel != 0) p.zoom = std::clamp(p.zoom * std::pow(1.1, wheel), 0.1, 10.0);
  const platform::Gesture& gesture = platform::gesture();
  if (gesture.happened() && gesture.center.x >= lo.x && gesture.center.x <= hi.x && gesture.center.y >= lo.y &&
      gesture.center.y <= hi.y) {
    p.zoom = std::clamp(p.zoom * gesture.zoom, 0.1, 10.0);
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    p.yaw = kDefaultYaw, p.pitch = kDefaultPitch, p.zoom = kDefaultZoom;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(lo, hi, theme::colors().plot_background);
  draw->PushClipRect(lo, hi, true);
  const SampledGrid& g = m.mesh(s.view_x_min, s.view_x_max, p.view_y_min, p.view_y_max, kMeshSize);
  const double yaw = p.yaw * M_PI / 180, pitch = p.pitch * M_PI / 180;
  const Camera cam{(s.view_x_min + s.view_x_max) / 2, (p.view_y_min + p.view_y_max) / 2,
                   (s.view_x_max - s.view_x_min) / 2, (p.view_y_max - p.view_y_min) / 2,
                   (g.low + g.high) / 2, std::max(g.high - g.low, 1e-300),
                   std::cos(yaw), std::sin(yaw), std::cos(pitch), std::sin(pitch),
                   ImVec2((lo.x + hi.x) / 2, (lo.y + hi.y) / 2 - size.y * 0.03f),
                   std::min(size.x, size.y) * 0.27f * static_cast<float>(p.zoom)};
  draw_box(draw, cam, m);
  draw_mesh(draw, g, cam);
  draw_race_trails(draw, [&](double x, double y) { return cam.screen(cam.model(x, y, m.value(x, y))); });
  draw_point(draw, cam, s, m.reading(s));
  if (!ImGui::GetCurrentContext()->NavDisableHighlight && ImGui::IsItemFocused()) {
    draw->AddRect(ImVec2(lo.x + 1, lo.y + 1), ImVec2(hi.x - 1, hi.y - 1), ImGui::GetColorU32(ImGuiCol_NavHighlight), 3,
                  0, 2.5f);
  }
  draw->PopClipRect();
  char text[96];
  std::snprintf(text, sizeof text, "drag to rotate, %s to zoom · yaw %.0f°, pitch %.0f°",
                platform::coarse_pointer() ? "pinch" : "wheel", p.yaw, p.pitch);
  const ImVec2 text_size = ImGui::CalcTextSize(text);
  draw->AddRectFilled(ImVec2(lo.x + 4, lo.y + 4), ImVec2(lo.x + 12 + text_size.x, lo.y + 8 + text_size.y),
                      (theme::colors().plot_background & 0x00FFFFFF) | 0xCC000000, 3);  // readable over the surface
  draw->AddText(ImVec2(lo.x + 8, lo.y + 6), theme::colors().label, text);
  rect = ImVec4(lo.x, lo.y, size.x, size.y);
  report_rect("plane surface", lo, hi);
  // A finger on the middle of the view turns the surface whichever way it moves; on the outer fifths a swipe
  // up or down scrolls the page, so a reader can always scroll past.
  platform::claim_touch(ImVec2(lo.x + size.x * 0.2f, lo.y), ImVec2(hi.x - size.x * 0.2f, hi.y));
  return ImGui::IsItemActive();
}

}  // namespace bp::app
