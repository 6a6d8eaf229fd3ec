// Confusion matrix as an ImGui table: a swatch per class heads its row (true) and its column (predicted).
#include "network/confusion_view.hpp"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "network/class_palette.hpp"
#include "network/view.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {
constexpr float kCell = 46;        // "100%" and a count of up to 4 digits
constexpr float kHead = 74;        // the row headers: a swatch and a short name
constexpr float kNarrowHead = 24;  // ... or the swatch alone

float column_extra() { return 2 * ImGui::GetStyle().CellPadding.x + 1; }
// In a narrow column (a phone, a tablet's pictures) the cells are as wide as "100" (rates without their %
// sign, which the title gives), so six classes fit a phone.
float narrow_cell() { return ImGui::CalcTextSize("100").x + 2; }

// A swatch and the class's name, cut to the header's width.
void class_header(int k, const std::vector<std::string>& names, float width) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + 2), ImVec2(at.x + line - 4, at.y + line - 2),
                                            class_color(k));
  ImGui::Dummy(ImVec2(line - 2, line));
  ImGui::SameLine(0, 2);
  std::string name = class_name(k, names);
  while (name.size() > 1 && ImGui::CalcTextSize(name.c_str()).x > width - line) name.pop_back();
  ImGui::TextUnformatted(name.c_str());
}
}  // namespace

float confusion_matrix_width(int classes) {
  return kHead + static_cast<float>(classes + 1) * (kCell + column_extra()) + 8;
}

void draw_confusion_matrix(const Trainer& trainer, bool& show_test, const std::vector<std::string>& label_names) {
  const int classes = std::max(trainer.classes(), 2);
  const Eigen::MatrixXi& m = show_test ? trainer.test_confusion() : trainer.train_confusion();
  // Narrower than the full table (a phone): swatches alone head the rows, and the cells shrink.
  const bool narrow = ImGui::GetContentRegionAvail().x < confusion_matrix_width(classes);
  ImGui::TextUnformatted(narrow ? "Confusion (rates in %):" : "Confusion:");
  ImGui::SameLine();
  if (ImGui::RadioButton("train##confusion", !show_test)) show_test = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("test##confusion", show_test)) show_test = true;
  if (m.rows() != classes) return;
  const float head = narrow ? kNarrowHead : kHead, cell = narrow ? narrow_cell() : kCell;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (!ImGui::BeginTable("confusion", classes + 2, flags)) return;
  ImGui::TableSetupColumn("true \\ predicted", ImGuiTableColumnFlags_WidthFixed, head);
  for (int k = 0; k <= classes; ++k) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, cell);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled(narrow ? "" : "true\\pred");
  for (int k = 0; k < classes; ++k) {
    ImGui::TableNextColumn();
    class_header(k, label_names, cell);
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted("acc.");
  for (int t = 0; t < classes; ++t) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    class_header(t, label_names, head);
    const int total = m.row(t).sum();
    for (int p = 0; p < classes; ++p) {
      ImGui::TableNextColumn();
      const double rate = total ? static_cast<double>(m(t, p)) / total : 0;
      // The cell's tint grows with its rate: the diagonal dark where the class is learnt.
      const float alpha = static_cast<float>(0.1 + 0.5 * rate);
      const ImU32 tint = p == t ? class_color(t, alpha) : IM_COL32(120, 120, 120, static_cast<int>(alpha * 120));
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, tint);
      ImGui::Text("%d", m(t, p));
      ImGui::Text(narrow ? "%.0f" : "%.0f%%", 100 * rate);
    }
    ImGui::TableNextColumn();
    if (total) {
      ImGui::Text(narrow ? "%.0f" : "%.0f%%", 100.0 * m(t, t) / total);
    } else {
      ImGui::TextDisabled("none");
    }
  }
  ImGui::EndTable();
}

}  // namespace bp::app
