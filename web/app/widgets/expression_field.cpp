// Expression field with error underline.
#include "widgets/expression_field.hpp"

#include <algorithm>
#include <cstdio>

#include "state/description.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ImGuiInputTextState: a refused paste leaves nothing to undo
#include "widgets/theme.hpp"

namespace bp::app {

namespace {
struct Edit {
  std::string* text;     // the field's text before this frame's edit
  bool refused = false;  // the edit would have made it longer than kMaxFieldLength
};

int edit_callback(ImGuiInputTextCallbackData* data) {
  auto* edit = static_cast<Edit*>(data->UserData);
  const bool too_long = static_cast<std::size_t>(data->BufTextLen) > kMaxFieldLength;
  if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit && too_long) {
    // Put the text back as it was before the edit (a paste, most likely) and the cursor where the
    // edit ended, before ImGui draws it: a megabyte on one line is more than its text drawing takes.
    const std::string& before = *edit->text;
    const int tail = data->BufTextLen - data->CursorPos;  // unchanged text after the cursor
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, before.data(), before.data() + before.size());
    data->CursorPos = std::clamp(static_cast<int>(before.size()) - tail, 0, static_cast<int>(before.size()));
    data->SelectionStart = data->SelectionEnd = data->CursorPos;
    edit->refused = true;
  }
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    std::string* text = edit->text;
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

bool expression_field(const char* id, std::string& text, const bp::expr::Error* error,
                      const ExpressionFieldOptions& options) {
  const float width = options.width;
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackEdit |
                                    (options.read_only ? ImGuiInputTextFlags_ReadOnly : 0);
  Edit edit{&text};
  bool changed;
  if (options.lines > 1) {
    const float height = ImGui::GetTextLineHeight() * static_cast<float>(options.lines) + padding.y * 2;
    changed = ImGui::InputTextMultiline("##text", text.data(), text.capacity() + 1, ImVec2(width, height), flags,
                                        edit_callback, &edit);
  } else {
    ImGui::SetNextItemWidth(width);
    changed = ImGui::InputText("##text", text.data(), text.capacity() + 1, flags, edit_callback, &edit);
  }
  // A refused edit says so under the field until the next edit that is taken.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID refused_id = ImGui::GetID("refused");
  if (edit.refused) {
    if (ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetActiveID())) {
      state->Stb.undostate = {};  // its undo record would cut the text where the paste was
      state->Stb.undostate.redo_point = IMSTB_TEXTEDIT_UNDOSTATECOUNT;
      state->Stb.undostate.redo_char_point = IMSTB_TEXTEDIT_UNDOCHARCOUNT;
    }
    storage->SetBool(refused_id, true);
  } else if (changed) {
    storage->SetBool(refused_id, false);
  }
  if (storage->GetBool(refused_id)) {
    char message[128];
    std::snprintf(message, sizeof message,
                  "Not pasted: the text would be longer than %zu,%03zu characters, the most a field "
                  "(and a link) holds.",
                  kMaxFieldLength / 1000, kMaxFieldLength % 1000);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(message);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    describe_first(message);
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
    x1 = std::min(x1, origin.x + width);  // no zig-zag beyond the field, however long the span
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
