// The number field: ImGui's InputText for the typed value, its SliderFloat (with typing switched off,
// so Ctrl+click or Tab never opens a text of the slider's log10) for dragging.
#include "widgets/number_field.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "imgui_internal.h"  // FindRenderedTextEnd: the label up to its "##"
#include "state/description.hpp"
#include "widgets/theme.hpp"
#include "widgets/string_input.hpp"

namespace bp::app {

namespace {

// What one field shows: the text being typed, and the value that text was last written from.
struct FieldText {
  std::string text;
  double shown = NAN;
  std::string error;  // of the last text that did not parse, until the next edit
};

FieldText& field_text(ImGuiID id) {
  static std::unordered_map<ImGuiID, FieldText> fields;
  return fields[id];
}

// The slider: log10 of the value (or the value) as a float, showing the value's own text.
bool slider(double& value, const NumberFieldOptions& o, float width) {
  const bool log = o.log_slider;
  const auto to = [&](double v) { return static_cast<float>(log ? std::log10(v) : v); };
  float t = to(std::clamp(value, o.slider_min, o.slider_max));
  ImGui::SetNextItemWidth(width);
  // No text on the slider: the field beside it says the value (a log10 here would be the old trap).
  const ImGuiSliderFlags flags = ImGuiSliderFlags_NoInput | ImGuiSliderFlags_AlwaysClamp;
  if (!ImGui::SliderFloat("##slider", &t, to(o.slider_min), to(o.slider_max), "", flags)) return false;
  // A round number under the hand: h moves through 1e-6, 2e-6, 5e-6 rather than 1.0471e-6.
  double v = log ? std::pow(10.0, static_cast<double>(t)) : static_cast<double>(t);
  const double scale = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 1);
  if (std::isfinite(scale) && scale > 0) v = std::round(v / scale) * scale;
  v = std::clamp(v, o.slider_min, o.slider_max);
  if (v == value) return false;
  value = v;
  return true;
}

}  // namespace

bool number_field(const char* label, double& value, const NumberFieldOptions& o) {
  ImGui::PushID(label);
  const ImGuiID id = ImGui::GetID("##value");
  FieldText& field = field_text(id);
  const bool is_editing = ImGui::GetActiveID() == id;
  if (!is_editing && !(field.shown == value)) {  // moved elsewhere (slider, link, drag): show it
    field.text = number_text(value);
    field.shown = value;
    field.error.clear();
  }
  const float label_width = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().ItemInnerSpacing.x;
  const float room = std::max(60.0f, o.width - label_width);
  // The field grows to its whole text (h's default 0.31622776601683794 is 19 characters) and the slider
  // takes what is left: a number a learner reads must not be cut. Only a phone-narrow column still cuts,
  // and there the full value shows on hover.
  const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
  const float text_need = ImGui::CalcTextSize(field.text.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x + 2;
  const float field_width =
      o.has_slider ? std::max(70.0f, std::min(std::max(room * 0.42f, text_need), room - 40.0f - spacing)) : room;
  ImGui::SetNextItemWidth(field_width);
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_AutoSelectAll |
                                    (o.read_only ? ImGuiInputTextFlags_ReadOnly : 0);
  bool changed = false;
  // Taken on Enter, Tab or a click away, not per key: "1e-6" typed passes through "1" (h = 1) and "1e-".
  const bool entered = ImGui::InputText("##value", field.text.data(), field.text.capacity() + 1,
                                        flags | ImGuiInputTextFlags_EnterReturnsTrue, resize_string, &field.text);
  if (ImGui::IsItemEdited()) field.error.clear();
  if (entered || ImGui::IsItemDeactivatedAfterEdit()) {
    auto parsed = parse_number(field.text, o.limits);
    if (!parsed) {
      field.error = parsed.error().message;
    } else if (!(*parsed == value)) {
      value = field.shown = *parsed;
      changed = true;
    }
  }
  if (ImGui::IsItemHovered() && !field.error.empty()) {
    ImGui::SetTooltip("%s", field.error.c_str());
  } else if (ImGui::IsItemHovered() && !is_editing && text_need > field_width) {
    ImGui::SetTooltip("%s", field.text.c_str());
  }
  if (o.has_slider) {
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::BeginDisabled(o.read_only);
    if (slider(value, o, std::max(40.0f, room - field_width - spacing))) changed = true;
    ImGui::EndDisabled();
  }
  ImGui::SameLine(0, spacing);
  ImGui::TextUnformatted(label, ImGui::FindRenderedTextEnd(label));
  if (!field.error.empty()) {
    const std::string message = "“" + field.text + "”: " + field.error + "; " + number_text(value) + " kept";
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + o.width);
    ImGui::TextUnformatted(message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    describe_first(message);
  }
  ImGui::PopID();
  return changed;
}

NumberFieldOptions step_field(float width) {
  NumberFieldOptions o;
  o.width = width;
  o.limits = {1e-15, 1, true};
  o.has_slider = o.log_slider = true;
  o.slider_min = 1e-15, o.slider_max = 1;
  return o;
}

NumberFieldOptions learning_rate_field(float width) {
  NumberFieldOptions o;
  o.width = width;
  o.limits = {1e-6, 10, true};
  o.has_slider = o.log_slider = true;
  o.slider_min = 0.001, o.slider_max = 1;
  return o;
}

}  // namespace bp::app
