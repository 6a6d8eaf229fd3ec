// Backprop Playground: the page's app. One frame reads like the data flow: platform in, the state a
// link or the page set, the panels, the state back out to the page, platform out.
#include <cstring>
#include <string>

#include "clock.hpp"
#include "exercise/author_panel.hpp"
#include "exercise/results.hpp"
#include "state/app_state.hpp"
#include "state/description.hpp"
#include "state/embed_options.hpp"
#include "state/gallery.hpp"
#include "state/link_codec.hpp"
#include "function/panel.hpp"
#include "graph/panel.hpp"
#include "engine_warm_up.hpp"
#include "network/panel.hpp"
#include "imgui.h"
#include "page.hpp"
#include "page_hooks.hpp"
#include "platform.hpp"
#include "link_sync.hpp"
#include "widgets/compact_button.hpp"
#include "widgets/panel_layout.hpp"
#include "widgets/theme.hpp"

namespace {

bp::app::AppState g_state;
// The caption of the gallery example last opened, shown in its mode until dismissed or the mode changes.
struct Caption {
  std::string text;
  bp::app::Mode mode = bp::app::Mode::kFunction;
};
Caption g_caption;

// A tab's label, with the part before "###" as shown; reports whether the tab bar had to shorten it.
void report_tab_fit(const char* label) {
  const char* end = std::strstr(label, "###");
  const float needed = ImGui::CalcTextSize(label, end).x + 2 * ImGui::GetStyle().FramePadding.x;
  bp::app::report_tab(std::string(label, end ? end : label + std::strlen(label)).c_str(),
                      ImGui::GetItemRectSize().x + 0.5f < needed);
}

// At the right end of the tab bar: the gallery, and a link to exactly this view.
void trailing_buttons(bool is_narrow) {
  const char* gallery_label = is_narrow ? "Gallery###gallery" : "Gallery…###gallery";
  const bool open = ImGui::TabItemButton(gallery_label, ImGuiTabItemFlags_Trailing);
  report_tab_fit(gallery_label);
  if (open) ImGui::OpenPopup("gallery");
  if (ImGui::BeginPopup("gallery")) {
    for (const auto& entry : bp::app::gallery()) {
      if (ImGui::Selectable(entry.title.c_str())) {
        g_state = entry.state;
        g_caption = {entry.title + ": " + entry.caption, entry.state.mode};
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", entry.caption.c_str());
    }
    ImGui::EndPopup();
  }
  // "Link copied" for two seconds: a frame is asked for when they are over, or it would stay until the next input.
  // The page's clock, not ImGui's: ImGui's time advances at most 0.1 s per frame after an idle spell.
  static double copied_at = -1e9;
  const bool is_copied = bp::app::now_ms() - copied_at < 2000;
  const char* link_label = is_copied ? (is_narrow ? "Copied###link" : "Link copied###link")
                                     : (is_narrow ? "Link###link" : "Copy link###link");
  const bool copy = ImGui::TabItemButton(link_label, ImGuiTabItemFlags_Trailing);
  report_tab_fit(link_label);
  if (copy) {
    bp::page::copy_link(bp::app::encode_state(g_state));
    copied_at = bp::app::now_ms();
    bp::platform::run_later([] { bp::platform::wake(); }, 2050);
  }
}

// The caption of the gallery example just opened, above its mode's panel until dismissed.
void gallery_caption() {
  if (g_caption.mode != g_state.mode) g_caption.text.clear();  // it speaks of another mode's example
  if (g_caption.text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, bp::app::theme::colors().highlight);
  // Wrapped: as tall as its text at this width, so a phone shows it whole.
  const float wrap = ImGui::GetContentRegionAvail().x - 60;
  const float height = ImGui::CalcTextSize(g_caption.text.c_str(), nullptr, false, wrap).y;
  ImGui::BeginChild("caption", ImVec2(0, height + ImGui::GetStyle().WindowPadding.y * 2 + 4), ImGuiChildFlags_Border);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(g_caption.text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - 40);
  if (bp::app::compact_button("×")) g_caption.text.clear();
  ImGui::EndChild();
  bp::app::report_last_item("gallery caption");
  ImGui::PopStyleColor();
}

// Notices about a link's skipped pairs, above the panels until dismissed.
void link_notices() {
  auto& notices = bp::app::state_notices();
  if (notices.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, bp::app::theme::colors().highlight);
  const float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(notices.size() + 1) + 12;
  ImGui::BeginChild("notices", ImVec2(0, height), ImGuiChildFlags_Border);
  ImGui::TextUnformatted("Parts of this link were not used:");
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - 60);
  if (bp::app::compact_button("Dismiss")) notices.clear();
  for (const auto& notice : notices) ImGui::BulletText("%s", notice.c_str());
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// One mode's panel under its notices and caption, in the scrolling column when the widget is narrow.
bool mode_panel(bp::app::Mode mode) {
  using bp::app::Mode;
  bool animating = false;
  bp::app::begin_mode_column();
  link_notices();
  gallery_caption();
  bp::app::author_panel(g_state);
  if (mode == Mode::kFunction) animating = bp::app::function_panel(g_state.function);
  if (mode == Mode::kGraph) bp::app::graph_panel(g_state.graph);
  if (mode == Mode::kNetwork) animating = bp::app::network_panel(g_state.network, g_state.function.text);
  bp::app::end_mode_column();
  return animating;
}

const char* mode_name(bp::app::Mode mode) {
  using bp::app::Mode;
  return mode == Mode::kFunction ? "function" : mode == Mode::kGraph ? "graph" : "network";
}

// The tabs follow g_state.mode, which a link or setState() may change.
bool mode_tabs() {
  using bp::app::Mode;
  static Mode shown = Mode::kFunction;
  bool animating = false;
  if (!bp::app::embed_options().tabs || bp::app::is_hidden("tabs")) {  // an embed that shows one mode only
    animating = mode_panel(g_state.mode);
    shown = g_state.mode;
    return animating;
  }
  // Narrow: the tabs' names alone, so all five fit a phone's width without "Func…".
  const bool is_narrow = bp::app::is_one_column();
  struct Tab {
    Mode mode;
    const char* wide;
    const char* narrow;
  };
  static const Tab kTabs[] = {{Mode::kFunction, "Function  f(x)###function", "Function###function"},
                              {Mode::kGraph, "Graph  ∂L/∂x###graph", "Graph###graph"},
                              {Mode::kNetwork, "Network  ∇W###network", "Network###network"}};
  if (ImGui::BeginTabBar("modes", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
    if (bp::app::embed_options().gallery) trailing_buttons(is_narrow);  // may open a gallery example: first
    // The tabs follow g_state.mode when a link, setState() or the gallery changed it.
    const bool follow = shown != g_state.mode;
    for (const Tab& tab : kTabs) {
      const char* label = is_narrow ? tab.narrow : tab.wide;
      const bool is_open =
          ImGui::BeginTabItem(label, nullptr, follow && g_state.mode == tab.mode ? ImGuiTabItemFlags_SetSelected : 0);
      report_tab_fit(label);
      if (!is_open) continue;
      if (!follow) g_state.mode = tab.mode;
      animating = mode_panel(tab.mode);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  shown = g_state.mode;
  return animating;
}

void frame() {
  bp::platform::begin_frame();
  ImGui::GetIO().FontGlobalScale = bp::app::embed_options().zoom / bp::platform::pixel_ratio();
  bp::app::begin_layout_report(mode_name(g_state.mode));
  bp::app::begin_results_frame(g_state.exercise);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  // A phone's few pixels go to the pictures: a narrower margin round the window.
  const bool is_narrow = bp::app::is_one_column();
  if (is_narrow) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
  // No background: the frame starts with a clear in the window's colour (see widgets/opaque_fill.hpp).
  ImGui::Begin("Backprop Playground", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoBackground);
  if (is_narrow) ImGui::PopStyleVar();
  const bool animating = mode_tabs() || bp::app::take_truths_changed();  // the panels above read them next frame
  ImGui::End();
  bp::platform::end_frame();
  bp::app::publish_state(g_state, animating);
  bp::app::publish_description();
  if (animating) bp::platform::request_frame();
  static bool ready = false;
  if (!ready) {
    ready = true;
    bp::platform::notify_ready();
    bp::app::schedule_engine_warm_up(300);
  }
}

}  // namespace

int main() {
  bp::app::connect_page_hooks();
  static const std::string selector = bp::page::canvas_selector();
  if (!bp::platform::init(selector.c_str())) return 1;  // the page explains a missing WebGL2
  bp::app::set_embed_options(bp::app::parse_embed_options(bp::page::embed_options()));
  const std::string& theme = bp::app::embed_options().theme;
  bp::app::theme::set_more_contrast(bp::platform::prefers_more_contrast());
  bp::app::theme::apply(theme == "dark" || (theme == "auto" && bp::page::prefers_dark(true)));
  ImGui::GetStyle().ScaleAllSizes(bp::app::embed_options().zoom);
  bp::platform::fit_style_to_pointer(ImGui::GetStyle(), 16 * bp::app::embed_options().zoom);  // fonts.cpp: 16 px
  bp::app::load_initial_state(g_state);
  bp::app::set_exercise(g_state.exercise);  // hide= and lock= of the link join the embed options
  for (const auto& notice : bp::app::embed_options().notices) bp::app::state_notices().push_back(notice);
  bp::platform::run(frame);
  return 0;
}
