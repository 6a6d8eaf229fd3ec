#include "widgets/opaque_fill.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>

#include "imgui_internal.h"

namespace bp::app {

namespace {

struct Fill {
  ImVec2 lo, hi;
  ImVec4 colour;
};
// This frame's fills, each where its draw command points until the frame is rendered; beyond the last
// slot a fill is an ordinary rectangle.
Fill g_fills[64];
std::size_t g_fill_count = 0;
int g_fills_frame = -1;

// Runs while the frame is rendered. ImGui's renderer sets the scissor box before each of its own draws,
// so nothing needs restoring.
void clear_rectangle(const ImDrawList*, const ImDrawCmd* cmd) {
  const Fill& fill = *static_cast<const Fill*>(cmd->UserCallbackData);
  const ImGuiIO& io = ImGui::GetIO();
  const float ratio = io.DisplayFramebufferScale.x;
  const ImVec4 clip = cmd->ClipRect;  // the window's visible part: a scrolled panel paints no further
  const long x0 = std::lround(std::max(clip.x, fill.lo.x) * ratio), x1 = std::lround(std::min(clip.z, fill.hi.x) * ratio);
  const long y0 = std::lround(std::max(clip.y, fill.lo.y) * ratio), y1 = std::lround(std::min(clip.w, fill.hi.y) * ratio);
  if (x1 <= x0 || y1 <= y0) return;
  const long height = std::lround(io.DisplaySize.y * ratio);
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<GLint>(x0), static_cast<GLint>(height - y1), static_cast<GLsizei>(x1 - x0),
            static_cast<GLsizei>(y1 - y0));
  glClearColor(fill.colour.x, fill.colour.y, fill.colour.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

void fill_opaque(ImDrawList* draw, ImVec2 lo, ImVec2 hi, ImU32 colour) {
  if (g_fills_frame != ImGui::GetFrameCount()) {
    g_fill_count = 0;
    g_fills_frame = ImGui::GetFrameCount();
  }
  if ((colour >> IM_COL32_A_SHIFT) != 255 || g_fill_count == std::size(g_fills)) {
    draw->AddRectFilled(lo, hi, colour);
    return;
  }
  Fill& fill = g_fills[g_fill_count++];
  fill = {lo, hi, ImGui::ColorConvertU32ToFloat4(colour)};
  draw->AddCallback(clear_rectangle, &fill);
}

bool begin_opaque_child(const char* id, ImVec2 size, ImGuiChildFlags child_flags, ImGuiWindowFlags window_flags) {
  const ImU32 background = ImGui::GetColorU32(ImGuiCol_ChildBg);
  const bool opaque = (background >> IM_COL32_A_SHIFT) == 255;
  const bool open = ImGui::BeginChild(id, size, child_flags, window_flags | (opaque ? ImGuiWindowFlags_NoBackground : 0));
  if (!opaque) return open;
  // Inside the border and beside the scrollbar, which ImGui has already drawn on this child's list.
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float border = window->WindowBorderSize;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(window->OuterRectClipped.Min, window->OuterRectClipped.Max);  // as ImGui's own background
  const ImRect inner = window->InnerRect;
  fill_opaque(draw, ImVec2(std::max(inner.Min.x, window->Pos.x + border), std::max(inner.Min.y, window->Pos.y + border)),
              ImVec2(std::min(inner.Max.x, window->Pos.x + window->Size.x - border),
                     std::min(inner.Max.y, window->Pos.y + window->Size.y - border)),
              background);
  draw->PopClipRect();
  return open;
}

}  // namespace bp::app
