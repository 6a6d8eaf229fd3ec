// The seed's table: a field for its points and the rows the model computed for them.
#include "function/seed_table.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "expr/printer.hpp"
#include "fonts.hpp"
#include "imgui.h"
#include "platform.hpp"
#include "state/embed_options.hpp"
#include "widgets/number_text.hpp"

namespace bp::app {

namespace {

// "2, 6, -2" ⇄ the table's points; a typo keeps the last good list.
void table_points_field(FunctionState& s, float width) {
  static std::string text;
  static std::vector<double> shown;
  if (shown != s.table_points) {
    text.clear();
    for (double x : s.table_points) text += (text.empty() ? "" : ", ") + expr::format_number(x);
    shown = s.table_points;
  }
  ImGui::SetNextItemWidth(width - 60);
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%s", text.c_str());
  const ImGuiInputTextFlags flags = is_locked("table") ? ImGuiInputTextFlags_ReadOnly : 0;
  if (ImGui::InputText("points", buffer, sizeof buffer, flags)) {
    text = buffer;
    std::vector<double> points;
    const char* p = buffer;
    char* end = nullptr;
    while (*p && points.size() < 12) {
      const double x = std::strtod(p, &end);
      if (end == p || !std::isfinite(x)) break;
      points.push_back(x);
      p = end;
      while (*p == ',' || *p == ' ' || *p == ';') ++p;
    }
    if (!points.empty() && *p == '\0') s.table_points = shown = points;
  }
}

// One cell: every digit (the seed's 21.000002000448603, not a 16-digit cut), the full value on hover.
void cell(double v, bool is_hidden = false) {
  ImGui::TableNextColumn();
  if (is_hidden) return ImGui::TextDisabled("hidden");  // an exercise asks for it (hide=table:…)
  const std::string text = number_text(v);
  ImGui::TextUnformatted(text.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace

void seed_table(FunctionState& s, FunctionModel& m) {
  table_points_field(s, ImGui::GetContentRegionAvail().x);
  // Columns as wide as their numbers; a narrow panel scrolls the table sideways rather than cut them.
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
  const float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(s.table_points.size() + 1) +
                       ImGui::GetStyle().ScrollbarSize + 2;
  if (!ImGui::BeginTable("seed", 4, flags, ImVec2(0, height))) return;
  ImGui::TableSetupColumn("x");
  ImGui::TableSetupColumn("f(x)");
  ImGui::TableSetupColumn("f(x+h)");
  ImGui::TableSetupColumn("(f(x+h)−f(x))/h");
  ImGui::TableHeadersRow();
  ImGui::PushFont(platform::fonts().mono);
  for (const TableRow& row : m.snapshot(s).table) {
    ImGui::TableNextRow();
    cell(row.x);
    cell(row.value, is_hidden("table:fx"));
    cell(row.value_after_step, is_hidden("table:fxh"));
    cell(row.forward_difference, is_hidden("table:fd"));
  }
  ImGui::PopFont();
  ImGui::EndTable();
}

}  // namespace bp::app
