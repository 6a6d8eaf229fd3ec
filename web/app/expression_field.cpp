// Expression field with error underline.
#include "expression_field.hpp"

#include <algorithm>

#include "imgui.h"
#include "theme.hpp"

namespace bp::app {

namespace {
int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

// Screen x of byte offset `at` within `line` as the field draws it.
float text_x(const std::string& text, std::size_t line_start, std::size_t at) {
  return ImGui::CalcTextSize(text.data() + line_start, text.data() + at).x;
}
}  // namespace

bool expression_field(const char* id, std::string& text, const bp::expr::Error* error, float width, bool multiline,
                      int lines, bool read_only) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | (read_only ? ImGuiInputTextFlags_ReadOnly : 0);
  bool changed;
  if (multiline) {
    const float height = ImGui::GetTextLineHeight() * static_cast<float>(lines) + padding.y * 2;
    changed = ImGui::InputTextMultiline("##text", text.data(), text.capacity() + 1, ImVec2(width, height), flags,
                                        resize_callback, &text);
  } else {
    ImGui::SetNextItemWidth(width);
    changed = ImGui::InputText("##text", text.data(), text.capacity() + 1, flags, resize_callback, &text);
  }
  if (error) {
    const std::size_t start = std::min(error->span.start, text.size());
    const std::size_t end = std::min(std::max(error->span.end, start), text.size());
    std::size_t line_start = 0;
    if (start > 0 && text.rfind('\n', start - 1) != std::string::npos) line_start = text.rfind('\n', start - 1) + 1;
    const auto line = static_cast<float>(std::count(text.begin(), text.begin() + static_cast<long>(line_start), '\n'));
    const float x0 = origin.x + padding.x + text_x(text, line_start, start);
    float x1 = origin.x + padding.x + text_x(text, line_start, end);
    if (x1 < x0 + 6) x1 = x0 + 6;  // an empty span (end of input) still gets a visible mark
    const float y = origin.y + padding.y + ImGui::GetTextLineHeight() * (line + 1) + 1;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (float x = x0; x < x1; x += 4) {  // a zig-zag underline, as spell checkers draw
      draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + 2, x1), y + 2), theme::colors().error, 1.5f);
      draw->AddLine(ImVec2(std::min(x + 2, x1), y + 2), ImVec2(std::min(x + 4, x1), y), theme::colors().error, 1.5f);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(error->message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::PopID();
  return changed;
}

}  // namespace bp::app
