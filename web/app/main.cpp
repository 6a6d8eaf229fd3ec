// Backprop Playground: the page's app. One frame reads like the data flow: platform in, the state a
// link or the page set, the panels, the state back out to the page, platform out.
#include <string>

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
#include "widgets/theme.hpp"

namespace {

bp::app::AppState g_state;
std::string g_caption;  // the caption of the gallery example last opened, until dismissed

// At the right end of the tab bar: the gallery, and a link to exactly this view.
void trailing_buttons() {
  if (ImGui::TabItemButton("Gallery…", ImGuiTabItemFlags_Trailing)) ImGui::OpenPopup("gallery");
  if (ImGui::BeginPopup("gallery")) {
    for (const auto& entry : bp::app::gallery()) {
      if (ImGui::Selectable(entry.title.c_str())) {
        g_state = entry.state;
        g_caption = entry.title + ": " + entry.caption;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", entry.caption.c_str());
    }
    ImGui::EndPopup();
  }
  static double copied_at = -10;
  if (ImGui::TabItemButton(ImGui::GetTime() - copied_at < 2 ? "Link copied" : "Copy link",
                           ImGuiTabItemFlags_Trailing)) {
    bp::page::copy_link(bp::app::encode_state(g_state));
    copied_at = ImGui::GetTime();
  }
}

// The caption of the gallery example just opened, above the panels until dismissed.
void gallery_caption() {
  if (g_caption.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(226, 238, 250, 255));
  ImGui::BeginChild("caption", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 3 + 8), ImGuiChildFlags_Border);
  ImGui::TextUnformatted(g_caption.c_str());
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - 40);
  if (ImGui::SmallButton("×")) g_caption.clear();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// Notices about a link's skipped pairs, above the panels until dismissed.
void link_notices() {
  auto& notices = bp::app::state_notices();
  if (notices.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 243, 205, 255));
  const float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(notices.size() + 1) + 12;
  ImGui::BeginChild("notices", ImVec2(0, height), ImGuiChildFlags_Border);
  ImGui::TextUnformatted("Parts of this link were not used:");
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - 60);
  if (ImGui::SmallButton("Dismiss")) notices.clear();
  for (const auto& notice : notices) ImGui::BulletText("%s", notice.c_str());
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// The tabs follow g_state.mode, which a link or setState() may change.
bool mode_tabs() {
  using bp::app::Mode;
  static Mode shown = Mode::kFunction;
  bool animating = false;
  if (!bp::app::embed_options().tabs) {  // an embed that shows one mode only
    link_notices();
    gallery_caption();
    if (g_state.mode == Mode::kFunction) animating = bp::app::function_panel(g_state.function);
    if (g_state.mode == Mode::kGraph) bp::app::graph_panel(g_state.graph);
    if (g_state.mode == Mode::kNetwork) animating = bp::app::network_panel(g_state.network, g_state.function.text);
    shown = g_state.mode;
    return animating;
  }
  if (ImGui::BeginTabBar("modes")) {
    if (bp::app::embed_options().gallery) trailing_buttons();  // may open a gallery example: first
    // The tabs follow g_state.mode when a link, setState() or the gallery changed it.
    const bool follow = shown != g_state.mode;
    const auto flags = [&](Mode m) { return follow && g_state.mode == m ? ImGuiTabItemFlags_SetSelected : 0; };
    if (ImGui::BeginTabItem("Function  f(x)", nullptr, flags(Mode::kFunction))) {
      if (!follow) g_state.mode = Mode::kFunction;
      link_notices();
      gallery_caption();
      animating = bp::app::function_panel(g_state.function);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Graph  ∂L/∂x", nullptr, flags(Mode::kGraph))) {
      if (!follow) g_state.mode = Mode::kGraph;
      link_notices();
      gallery_caption();
      bp::app::graph_panel(g_state.graph);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Network  ∇W", nullptr, flags(Mode::kNetwork))) {
      if (!follow) g_state.mode = Mode::kNetwork;
      link_notices();
      gallery_caption();
      animating = bp::app::network_panel(g_state.network, g_state.function.text);
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
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::Begin("Backprop Playground", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus);
  const bool animating = mode_tabs();
  ImGui::End();
  bp::platform::end_frame();
  bp::app::publish_state(g_state);
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
  for (const auto& notice : bp::app::embed_options().notices) bp::app::state_notices().push_back(notice);
  bp::platform::run(frame);
  return 0;
}
