// ImGui's InputText on a std::string: the callback that grows the string as the learner types.
#pragma once

#include <string>

#include "imgui.h"

namespace bp::app {

// Pass with ImGuiInputTextFlags_CallbackResize and the std::string* as user data.
inline int resize_string(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

}  // namespace bp::app
