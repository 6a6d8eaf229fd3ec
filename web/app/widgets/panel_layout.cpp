// The panels' split (side by side or one scrolling column) and the layout report the browser tests read.
#include "widgets/panel_layout.hpp"
#include "widgets/opaque_fill.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace bp::app {

namespace {
struct ReportedRect {
  std::string name;
  ImVec2 min, max, clip_min, clip_max;
};
struct ReportedTab {
  std::string label;
  bool is_cut;
  ImVec2 min, max;
};
struct Report {
  std::string mode;
  std::vector<ReportedRect> rects;
  std::vector<ReportedTab> tabs;
};
Report g_report;
float g_column_view_height = 0;
bool g_column_open = false;  // begin_mode_column began a child that end_mode_column must end

// The widget's width in CSS px at zoom 1: the default font is 16 px times the embed's zoom.
float unzoomed_width() {
  const ImGuiIO& io = ImGui::GetIO();
  const float font = io.FontDefault ? io.FontDefault->FontSize * io.FontGlobalScale : 16.0f;
  return ImGui::GetMainViewport()->Size.x * 16.0f / std::max(font, 1.0f);
}

std::string json_text(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string json_box(ImVec2 min, ImVec2 max) {
  char text[96];
  std::snprintf(text, sizeof text, "%.1f,%.1f,%.1f,%.1f", min.x, min.y, max.x - min.x, max.y - min.y);
  return text;
}
}  // namespace

bool is_one_column() { return unzoomed_width() < kOneColumnBelow; }

float one_column_view_height() { return g_column_view_height; }

// bp::app::is_one_column(): the free function; inside the class the name is the member's, not yet set.
PanelSplit::PanelSplit(const char* id, const PanelSplitOptions& options)
    : id_(id), one_column_(bp::app::is_one_column()), controls_width_(0) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (one_column_) {
    controls_width_ = std::max(avail.x - options.controls_margin, 120.0f);
    const float view = g_column_view_height > 0 ? g_column_view_height : avail.y;
    pictures_ = ImVec2(avail.x, options.pictures_height > 0 ? options.pictures_height : view * 0.85f);
  } else {
    controls_width_ = std::clamp(avail.x * options.controls_share, options.controls_min, options.controls_max);
    pictures_ = ImVec2(controls_width_ + options.controls_margin, avail.y);  // the controls' child, until begun
  }
}

void PanelSplit::begin_controls() {
  if (!one_column_) {
    begin_opaque_child(id_, pictures_);
    return;
  }
  // The pictures come first on screen but are drawn second: the controls start below their room.
  // Two spacings and a rule: room for the pictures' axis labels, which may hang below their rectangle.
  top_ = ImGui::GetCursorPos();
  ImGui::SetCursorPos(ImVec2(top_.x, top_.y + pictures_.y + 2 * ImGui::GetStyle().ItemSpacing.y));
  ImGui::BeginGroup();
  ImGui::Separator();
}

void PanelSplit::end_controls() {
  if (!one_column_) {
    ImGui::EndChild();
    ImGui::SameLine();
    return;
  }
  ImGui::EndGroup();
  controls_bottom_ = ImGui::GetCursorPosY();
}

ImVec2 PanelSplit::begin_pictures() {
  if (one_column_) ImGui::SetCursorPos(top_);
  ImGui::BeginGroup();
  return one_column_ ? pictures_ : ImGui::GetContentRegionAvail();
}

void PanelSplit::end_pictures() {
  ImGui::EndGroup();
  report_last_item(std::string(id_) + " pictures");
  if (one_column_) ImGui::SetCursorPos(ImVec2(top_.x, std::max(controls_bottom_, ImGui::GetCursorPosY())));
}

void begin_mode_column() {
  g_column_open = is_one_column();
  if (!g_column_open) return;
  begin_opaque_child("mode_column", ImVec2(0, 0));
  g_column_view_height = ImGui::GetContentRegionAvail().y;
}

void end_mode_column() {
  if (g_column_open) ImGui::EndChild();
  g_column_open = false;
}

void begin_layout_report(const char* mode) {
  g_report = Report{};
  g_report.mode = mode;
}

void report_last_item(const std::string& name) { report_rect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void report_rect(const std::string& name, ImVec2 min, ImVec2 max) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  g_report.rects.push_back({name, min, max, draw->GetClipRectMin(), draw->GetClipRectMax()});
}

void report_tab(const char* label, bool is_cut) {
  g_report.tabs.push_back({label, is_cut, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

std::string layout_json() {
  const ImVec2 size = ImGui::GetMainViewport()->Size;
  char head[160];
  std::snprintf(head, sizeof head, "{\"width\":%.1f,\"height\":%.1f,\"one_column\":%s,\"mode\":", size.x, size.y,
                is_one_column() ? "true" : "false");
  std::string json = head + json_text(g_report.mode) + ",\"rects\":[";
  for (std::size_t i = 0; i < g_report.rects.size(); ++i) {
    const ReportedRect& r = g_report.rects[i];
    json += (i ? "," : "") + std::string("{\"name\":") + json_text(r.name) + ",\"box\":[" + json_box(r.min, r.max) +
            "],\"clip\":[" + json_box(r.clip_min, r.clip_max) + "]}";
  }
  json += "],\"tabs\":[";
  for (std::size_t i = 0; i < g_report.tabs.size(); ++i) {
    json += (i ? "," : "") + std::string("{\"label\":") + json_text(g_report.tabs[i].label) +
            ",\"cut\":" + (g_report.tabs[i].is_cut ? "true" : "false") + ",\"box\":[" +
            json_box(g_report.tabs[i].min, g_report.tabs[i].max) + "]}";
  }
  return json + "]}";
}

}  // namespace bp::app
