// The light theme.
#include "theme.hpp"

namespace bp::app::theme {

void apply() {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 7);
  style.WindowPadding = ImVec2(14, 12);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
  style.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
  style.Colors[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.15f);
  style.FrameBorderSize = 1;
  style.Colors[ImGuiCol_Tab] = ImVec4(0.90f, 0.90f, 0.88f, 1);
  style.Colors[ImGuiCol_TabActive] = ImVec4(0.13f, 0.40f, 0.67f, 1);
  style.Colors[ImGuiCol_TabHovered] = ImVec4(0.30f, 0.55f, 0.80f, 1);
  style.Colors[ImGuiCol_Text] = ImVec4(0.12f, 0.12f, 0.12f, 1);
}

}  // namespace bp::app::theme
