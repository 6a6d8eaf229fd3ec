// Backprop Playground: the page's app. One frame reads like the data flow: platform in, panels,
// platform out.
#include "app_state.hpp"
#include "function_panel.hpp"
#include "graph_panel.hpp"
#include "imgui.h"
#include "platform.hpp"
#include "theme.hpp"

namespace {

bp::app::AppState g_state;

void frame() {
  bp::platform::begin_frame();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::Begin("Backprop Playground", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus);
  bool animating = false;
  if (ImGui::BeginTabBar("modes")) {
    if (ImGui::BeginTabItem("Function  f(x)")) {
      g_state.mode = bp::app::Mode::kFunction;
      animating = bp::app::function_panel(g_state.function);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Graph  ∂L/∂x")) {
      g_state.mode = bp::app::Mode::kGraph;
      bp::app::graph_panel(g_state.graph);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
  bp::platform::end_frame();
  if (animating) bp::platform::request_frame();
  static bool ready = false;
  if (!ready) {
    ready = true;
    bp::platform::notify_ready();
  }
}

}  // namespace

int main() {
  if (!bp::platform::init("#canvas")) return 1;  // the page explains a missing WebGL2
  bp::app::theme::apply();
  bp::platform::run(frame);
  return 0;
}
