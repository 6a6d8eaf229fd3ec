// The two themes. Curve colours keep their hue in both (blue f, red tangent, green secant) so that
// captions and docs can name them.
#include "widgets/theme.hpp"

namespace bp::app::theme {

namespace {
constexpr Palette kLight{
    IM_COL32(33, 102, 172, 255), IM_COL32(120, 120, 120, 255), IM_COL32(214, 96, 77, 255),
    IM_COL32(27, 158, 119, 255), IM_COL32(214, 96, 77, 255),   IM_COL32(0, 0, 0, 22),
    IM_COL32(0, 0, 0, 110),      IM_COL32(70, 70, 70, 255),    IM_COL32(255, 255, 255, 255),
    IM_COL32(117, 112, 179, 255), IM_COL32(200, 30, 30, 255),  IM_COL32(150, 150, 150, 255),
    IM_COL32(246, 248, 252, 255), IM_COL32(255, 243, 205, 255), IM_COL32(255, 243, 205, 255)};
constexpr Palette kDark{
    IM_COL32(100, 170, 240, 255), IM_COL32(170, 170, 170, 255), IM_COL32(240, 120, 100, 255),
    IM_COL32(60, 200, 150, 255),  IM_COL32(240, 120, 100, 255), IM_COL32(255, 255, 255, 26),
    IM_COL32(255, 255, 255, 120), IM_COL32(200, 200, 200, 255), IM_COL32(28, 30, 34, 255),
    IM_COL32(170, 160, 240, 255), IM_COL32(255, 110, 110, 255), IM_COL32(130, 130, 130, 255),
    IM_COL32(44, 48, 56, 255),    IM_COL32(90, 74, 30, 255),    IM_COL32(60, 56, 40, 255)};
bool g_dark = false;
bool g_more_contrast = false;
Palette g_colors = kLight;

// More contrast: grid, axes, labels and muted text at least 7:1 against their background (WCAG AAA),
// the derivative's grey as dark as a label.
Palette with_more_contrast(Palette p, bool dark) {
  p.grid = dark ? IM_COL32(255, 255, 255, 70) : IM_COL32(0, 0, 0, 60);
  p.axis = dark ? IM_COL32(255, 255, 255, 255) : IM_COL32(0, 0, 0, 255);
  p.label = dark ? IM_COL32(245, 245, 245, 255) : IM_COL32(15, 15, 15, 255);
  p.muted = dark ? IM_COL32(215, 215, 215, 255) : IM_COL32(60, 60, 60, 255);
  p.derivative = dark ? IM_COL32(215, 215, 215, 255) : IM_COL32(60, 60, 60, 255);
  return p;
}
}  // namespace

bool is_dark() { return g_dark; }
const Palette& colors() { return g_colors; }

void set_more_contrast(bool more) { g_more_contrast = more; }
bool is_more_contrast() { return g_more_contrast; }
float line_scale() { return g_more_contrast ? 1.75f : 1.0f; }

void apply(bool dark) {
  g_dark = dark;
  g_colors = g_more_contrast ? with_more_contrast(dark ? kDark : kLight, dark) : dark ? kDark : kLight;
  ImGuiStyle& style = ImGui::GetStyle();
  if (dark) {
    ImGui::StyleColorsDark();
  } else {
    ImGui::StyleColorsLight();
  }
  // Popups, menus, tooltips and modals are opaque: the default's 2-6% transparency let the panel show through.
  style.Colors[ImGuiCol_PopupBg].w = 1;
  static bool sized = false;  // sizes once: a later switch of theme (or a zoom) keeps them
  if (!sized) {
    sized = true;
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.WindowPadding = ImVec2(14, 12);
    style.FrameBorderSize = 1;
  }
  if (dark) {
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.13f, 1);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.14f, 0.15f, 0.17f, 1);
    style.Colors[ImGuiCol_NavHighlight] = ImVec4(1.00f, 0.78f, 0.25f, 1);  // the focus ring: amber, 9:1 on the panels
  } else {
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.15f);
    style.Colors[ImGuiCol_Tab] = ImVec4(0.90f, 0.90f, 0.88f, 1);
    style.Colors[ImGuiCol_TabActive] = ImVec4(0.13f, 0.40f, 0.67f, 1);
    style.Colors[ImGuiCol_TabHovered] = ImVec4(0.30f, 0.55f, 0.80f, 1);
    style.Colors[ImGuiCol_Text] = ImVec4(0.12f, 0.12f, 0.12f, 1);
    style.Colors[ImGuiCol_NavHighlight] = ImVec4(0.00f, 0.33f, 0.75f, 1);  // the focus ring: 6.5:1 on the panels
  }
  if (g_more_contrast) {  // hints and disabled text as readable as text; frames outlined in full
    const float ink = dark ? 1.0f : 0.0f;
    style.Colors[ImGuiCol_Text] = ImVec4(ink, ink, ink, 1);
    style.Colors[ImGuiCol_TextDisabled] = dark ? ImVec4(0.82f, 0.82f, 0.82f, 1) : ImVec4(0.25f, 0.25f, 0.25f, 1);
    style.Colors[ImGuiCol_Border] = ImVec4(ink, ink, ink, 0.75f);
    style.Colors[ImGuiCol_Separator] = ImVec4(ink, ink, ink, 0.6f);
    style.FrameBorderSize = 1.5f;
  }
}

}  // namespace bp::app::theme
