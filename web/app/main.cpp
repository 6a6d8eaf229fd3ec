// Backprop Playground: the page's app. One frame reads like the data flow: platform in, the state a
// link or the page set, the panels, the state back out to the page, platform out.
#include <emscripten.h>

#include <cstdlib>
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
#include "platform.hpp"
#include "state/link_sync.hpp"
#include "widgets/theme.hpp"

namespace {

bp::app::AppState g_state;
std::string g_caption;  // the caption of the gallery example last opened, until dismissed

EM_JS(void, js_copy_link, (const char* hash), {
  const base = location.href.split("#")[0];
  const link = base + "#" + UTF8ToString(hash);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link).catch(() => {});
  if (typeof Module.onCopyLink === 'function') Module.onCopyLink(link);
});

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
  if (ImGui::TabItemButton(ImGui::GetTime() - copied_at < 2 ? "Link copied" : "Copy link", ImGuiTabItemFlags_Trailing)) {
    js_copy_link(bp::app::encode_state(g_state).c_str());
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

// The gallery as JSON for window.playground.gallery(): [{ title, caption, hash }, ...].
extern "C" EMSCRIPTEN_KEEPALIVE const char* bp_gallery() {
  static std::string json;
  auto quote = [](const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\n') {
        out += "\\n";
        continue;
      }
      out += c;
    }
    return out + "\"";
  };
  json = "[";
  for (const auto& entry : bp::app::gallery()) {
    json += (json.size() > 1 ? "," : "") + std::string("{\"title\":") + quote(entry.title) + ",\"caption\":" +
            quote(entry.caption) + ",\"hash\":" + quote(bp::app::encode_state(entry.state)) + "}";
  }
  json += "]";
  return json.c_str();
}

// The canvas the page handed us (Module.canvas), as a selector: several instances may share a page.
EM_JS(char*, js_canvas_selector, (), {
  const selector = "#" + Module.canvas.id;
  const bytes = lengthBytesUTF8(selector) + 1;
  const ptr = _malloc(bytes);
  stringToUTF8(selector, ptr, bytes);
  return ptr;
});

// The embedding page's options (Module.embedOptions: "embed=1&hide=…"), or "".
EM_JS(char*, js_embed_options, (), {
  const text = typeof Module.embedOptions === "string" ? Module.embedOptions : "";
  const bytes = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(bytes);
  stringToUTF8(text, ptr, bytes);
  return ptr;
});

// Whether the reader's system asks for dark colours; with theme=auto the app follows changes too.
EM_JS(int, js_prefers_dark, (int follow), {
  const query = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  if (query && follow) query.addEventListener("change", (event) => _bp_set_dark(event.matches ? 1 : 0));
  return query && query.matches ? 1 : 0;
});

extern "C" EMSCRIPTEN_KEEPALIVE void bp_set_dark(int dark) {
  bp::app::theme::apply(dark != 0);
  bp::platform::wake();
}

int main() {
  static std::string selector;
  char* chosen = js_canvas_selector();
  selector = chosen;
  free(chosen);
  if (!bp::platform::init(selector.c_str())) return 1;  // the page explains a missing WebGL2
  char* options = js_embed_options();
  bp::app::set_embed_options(bp::app::parse_embed_options(options));
  free(options);
  const std::string& theme = bp::app::embed_options().theme;
  bp::app::theme::apply(theme == "dark" || (theme == "auto" && js_prefers_dark(1)));
  ImGui::GetStyle().ScaleAllSizes(bp::app::embed_options().zoom);
  bp::app::load_initial_state(g_state);
  for (const auto& notice : bp::app::embed_options().notices) bp::app::state_notices().push_back(notice);
  bp::platform::run(frame);
  return 0;
}
