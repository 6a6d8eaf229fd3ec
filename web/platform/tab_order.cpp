// Collects the frame's controls through Dear ImGui's item hook and moves the keyboard focus among them
// (tab_order.hpp says why the platform does this rather than ImGui's own tabbing).
#include "tab_order.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <vector>

namespace bp::platform::tab_order {

namespace {

std::vector<Stop> g_collecting;  // this frame's items, in the order they were submitted
std::vector<Stop> g_stops;       // the last whole frame's stops, in reading order
// Labels as last seen: an item scrolled out of view is added without one (ImGui returns before it).
std::unordered_map<ImGuiID, std::string> g_labels;

// Every item that takes the keyboard: not disabled, not excluded from navigation or tabbing, in the
// main layer of a window that is neither a popup nor a tooltip (a popup keeps ImGui's own tabbing).
bool takes_keyboard(const ImGuiLastItemData& item, const ImGuiWindow* window) {
  const ImGuiItemFlags off = ImGuiItemFlags_Disabled | ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop;
  if (item.InFlags & off) return false;
  if (window == nullptr || window->DC.NavLayerCurrent != ImGuiNavLayer_Main) return false;
  return (window->RootWindow->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) == 0;
}

// Reading order: top to bottom, and left to right along a line, where a panel (a child window) is
// read whole at its place among its window's items. Submission order is not reading order: a tab
// bar submits each tab's contents before the next tab, and its trailing buttons first.
struct Placed {
  ImRect rect;
  int stop = -1;                       // an item, or
  const ImGuiWindow* child = nullptr;  // a panel inside the window
};

void read_window(const ImGuiWindow* window, const std::vector<Stop>& stops, std::vector<Stop>& out) {
  std::vector<Placed> placed;
  for (std::size_t i = 0; i < stops.size(); ++i) {
    if (stops[i].window == window) placed.push_back({stops[i].rect, static_cast<int>(i), nullptr});
  }
  for (const ImGuiWindow* child : window->DC.ChildWindows) {
    if (child->Active && !child->Hidden) placed.push_back({child->Rect(), -1, child});
  }
  // Tops within a few pixels are one line (a check box beside a field sits a pixel or two lower).
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    const float line = 6;
    if (std::fabs(a.rect.Min.y - b.rect.Min.y) > line) return a.rect.Min.y < b.rect.Min.y;
    return a.rect.Min.x < b.rect.Min.x;
  });
  for (const Placed& p : placed) {
    if (p.child) {
      read_window(p.child, stops, out);
    } else {
      out.push_back(stops[static_cast<std::size_t>(p.stop)]);
    }
  }
}

int index_of(ImGuiID id) {
  for (std::size_t i = 0; i < g_stops.size(); ++i) {
    if (g_stops[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

void collect(ImGuiContext* context, ImGuiID id, const ImGuiLastItemData* item) {
  if (item == nullptr || id == 0) return;
  ImGuiWindow* window = context->CurrentWindow;
  if (!takes_keyboard(*item, window)) return;
  // A table's column headers do nothing the keyboard needs (the app's tables do not sort).
  const ImGuiTable* table = context->CurrentTable;
  if (table && (table->RowFlags & ImGuiTableRowFlags_Headers) && !(table->Flags & ImGuiTableFlags_Sortable)) return;
  Stop stop;
  stop.id = id;
  stop.window = window;
  stop.focus_scope = context->CurrentFocusScopeId;
  stop.rect = item->NavRect;
  stop.inputable = (item->InFlags & ImGuiItemFlags_Inputable) != 0;
  g_collecting.push_back(stop);
}

void name(ImGuiID id, const char* label) {
  if (label == nullptr) return;
  if (g_labels.size() > 4096) g_labels.clear();  // ids of controls long gone
  g_labels[id] = label;  // a tab names itself before it is added
  // Usually the item just added; a field's step buttons come after it.
  const std::size_t n = g_collecting.size();
  for (std::size_t back = 1; back <= std::min<std::size_t>(n, 4); ++back) {
    if (g_collecting[n - back].id == id) {
      g_collecting[n - back].label = label;
      return;
    }
  }
}

void begin_frame() {
  g_collecting.clear();
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void end_frame() {
  // A child window is an item of its parent too (ImGui's "Enter a panel"): its controls are the stops.
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  std::vector<ImGuiID> children;
  std::vector<const ImGuiWindow*> roots;
  for (const ImGuiWindow* window : g.Windows) {
    if (window->Flags & ImGuiWindowFlags_ChildWindow) children.push_back(window->ChildId);
  }
  std::vector<Stop> kept;
  for (const Stop& stop : g_collecting) {
    const ImGuiWindow* window = stop.window;
    if (!window->Active || window->Hidden) continue;  // e.g. ImGui's implicit "Debug" window
    const bool panel = std::find(children.begin(), children.end(), stop.id) != children.end();
    if (panel && !stop.inputable) continue;  // a multi-line text field is a child window, and a stop
    if (std::any_of(kept.begin(), kept.end(), [&](const Stop& s) { return s.id == stop.id; })) continue;
    kept.push_back(stop);
    if (kept.back().label.empty()) {
      const auto known = g_labels.find(stop.id);
      if (known != g_labels.end()) kept.back().label = known->second;
    }
    if (std::find(roots.begin(), roots.end(), window->RootWindow) == roots.end()) roots.push_back(window->RootWindow);
  }
  g_stops.clear();
  for (const ImGuiWindow* root : roots) read_window(root, kept, g_stops);
}

const Stop* end(int dir) {
  if (g_stops.empty()) return nullptr;
  return dir > 0 ? &g_stops.front() : &g_stops.back();
}

const Stop* step(ImGuiID from, int dir) {
  const int at = from == 0 ? -1 : index_of(from);
  if (at < 0) return end(dir);
  const int next = at + (dir > 0 ? 1 : -1);
  if (next < 0 || next >= static_cast<int>(g_stops.size())) return nullptr;
  return &g_stops[static_cast<std::size_t>(next)];
}

void focus(const Stop& stop) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.ActiveId != 0 && g.ActiveId != stop.id) ImGui::ClearActiveID();
  ImGui::FocusWindow(stop.window);
  ImGui::SetNavID(stop.id, ImGuiNavLayer_Main, stop.focus_scope, ImGui::WindowRectAbsToRel(stop.window, stop.rect));
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = g.NavMousePosDirty = true;
  if (stop.inputable) {
    g.NavNextActivateId = stop.id;
    g.NavNextActivateFlags =
        ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState | ImGuiActivateFlags_FromTabbing;
  }
  ImGui::ScrollToRectEx(stop.window, stop.rect, ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
}

void clear_focus() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGui::ClearActiveID();
  g.NavId = 0;
  g.NavDisableHighlight = true;
}

std::string json() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  std::string out = "[";
  for (const Stop& stop : g_stops) {
    std::string label;
    for (const char c : stop.label) {
      if (c == '"' || c == '\\') label += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) label += c;
    }
    char numbers[160];
    std::snprintf(numbers, sizeof numbers, R"(,"x":%.1f,"y":%.1f,"w":%.1f,"h":%.1f,"focused":%s,"active":%s})",
                  stop.rect.Min.x, stop.rect.Min.y, stop.rect.GetWidth(), stop.rect.GetHeight(),
                  g.NavId == stop.id && !g.NavDisableHighlight ? "true" : "false",
                  g.ActiveId == stop.id ? "true" : "false");
    out += (out.size() > 1 ? ",{\"label\":\"" : "{\"label\":\"") + label + "\"" + numbers;
  }
  return out + "]";
}

}  // namespace bp::platform::tab_order

// Dear ImGui's item hooks (imgui_internal.h, IMGUI_ENABLE_TEST_ENGINE): only ItemAdd is used.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* context, ImGuiID id, const ImRect&, const ImGuiLastItemData* item) {
  bp::platform::tab_order::collect(context, id, item);
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  bp::platform::tab_order::name(id, label);
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
