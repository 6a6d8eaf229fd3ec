#include "function/step_controls.hpp"

#include <string>

#include "imgui.h"
#include "state/choices.hpp"
#include "state/embed_options.hpp"
#include "widgets/number_field.hpp"

namespace bp::app {

void step_controls(FunctionState& s, float width) {
  ImGui::BeginDisabled(is_hidden("h"));
  NumberFieldOptions h_field = step_field(width);
  h_field.read_only = is_locked("h");
  number_field("h", s.h, h_field);
  ImGui::BeginDisabled(is_locked("scheme"));
  bool is_first = true;
  for (const auto& choice : scheme_choices()) {
    if (!is_first) ImGui::SameLine();
    is_first = false;
    const std::string label(choice.name);
    if (ImGui::RadioButton(label.c_str(), s.scheme == choice.value)) s.scheme = choice.value;
  }
  ImGui::EndDisabled();
  ImGui::EndDisabled();
}

}  // namespace bp::app
