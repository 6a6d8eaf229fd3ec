// Downloads through the page (page.hpp); the PNG is read from the canvas between frames (the context
// keeps its drawing buffer for this).
#include "widgets/export.hpp"

#include "imgui.h"
#include "page.hpp"

namespace bp::app {

void download_text(const std::string& filename, const std::string& text) { page::download_text(filename, text); }

void download_png(const std::string& filename, float x, float y, float w, float h) {
  page::download_png(filename, x, y, w, h, ImGui::GetIO().DisplayFramebufferScale.x);
}

}  // namespace bp::app
