// Downloads through a temporary link; the PNG is read from the canvas between frames (the context
// keeps its drawing buffer for this).
#include "widgets/export.hpp"

#include <emscripten.h>

#include "imgui.h"

namespace bp::app {

namespace {
EM_JS(void, js_download_text, (const char* name, const char* text), {
  const blob = new Blob([UTF8ToString(text)], { type: "text/csv" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = UTF8ToString(name);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

EM_JS(void, js_download_png, (const char* name, float x, float y, float w, float h, float ratio), {
  const source = Module.canvas;
  let url = source.toDataURL("image/png");
  if (w > 0) {
    const crop = document.createElement("canvas");
    crop.width = Math.round(w * ratio);
    crop.height = Math.round(h * ratio);
    crop.getContext("2d").drawImage(source, x * ratio, y * ratio, w * ratio, h * ratio, 0, 0, crop.width, crop.height);
    url = crop.toDataURL("image/png");
  }
  const link = document.createElement("a");
  link.href = url;
  link.download = UTF8ToString(name);
  link.click();
});
}  // namespace

void download_text(const std::string& filename, const std::string& text) {
  js_download_text(filename.c_str(), text.c_str());
}

void download_png(const std::string& filename, float x, float y, float w, float h) {
  js_download_png(filename.c_str(), x, y, w, h, ImGui::GetIO().DisplayFramebufferScale.x);
}

}  // namespace bp::app
