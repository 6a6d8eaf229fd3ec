// Font loading. Glyphs are rasterised at device resolution and scaled back by 1/ratio, so text is
// sharp on high-DPI screens while layouts stay in CSS pixels.
#include "fonts.hpp"

#include "imgui.h"

extern const unsigned char kUiFont[];
extern const unsigned int kUiFontSize;
extern const unsigned char kMonoFont[];
extern const unsigned int kMonoFontSize;

namespace bp::platform {

namespace {
Fonts g_fonts;

// The ranges must match the --unicodes list in web/platform/CMakeLists.txt.
const ImWchar kRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF,  // ASCII, Latin-1 (² ³ · × ÷ ¹)
    0x0391, 0x03C9,                  // Greek (σ θ π η ∆)
    0x2013, 0x2014, 0x2026, 0x2026, 0x2032, 0x2032,  // dashes, …, ′
    0x2070, 0x207B, 0x2080, 0x2089,  // superscripts and subscripts
    0x2190, 0x2193, 0x21BA, 0x21BB,  // arrows
    0x2202, 0x2202, 0x2207, 0x2207, 0x2211, 0x2212, 0x221A, 0x221A, 0x221E, 0x221E,  // ∂ ∇ ∑ − √ ∞
    0x2248, 0x2248, 0x2260, 0x2260, 0x2264, 0x2265, 0x22C5, 0x22C5,                  // ≈ ≠ ≤ ≥ ⋅
    0x23F8, 0x23F9, 0x25A0, 0x25A0, 0x25B6, 0x25B6, 0x25C0, 0x25C0,                  // ⏸ ⏹ ■ ▶ ◀
    0,
};

ImFont* add(const unsigned char* data, unsigned int size, float pixels, float ratio) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the module's static data
  config.OversampleH = 1;               // rasterised at device resolution already
  config.OversampleV = 1;
  config.PixelSnapH = true;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                     pixels * ratio, &config, kRanges);
}
}  // namespace

void load_fonts(float ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  g_fonts.text = add(kUiFont, kUiFontSize, 16, ratio);
  g_fonts.mono = add(kMonoFont, kMonoFontSize, 15, ratio);
  io.Fonts->Build();
  io.FontDefault = g_fonts.text;
  io.FontGlobalScale = 1.0f / ratio;
}

const Fonts& fonts() { return g_fonts; }

}  // namespace bp::platform
