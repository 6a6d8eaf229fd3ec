// Font loading. Glyphs are rasterised at device resolution and scaled back by 1/ratio, so text is
// sharp on high-DPI screens while layouts stay in CSS pixels.
#include "fonts.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"

extern const unsigned char kUiFont[];
extern const unsigned int kUiFontSize;
extern const unsigned char kMonoFont[];
extern const unsigned int kMonoFontSize;

namespace bp::platform {

namespace {
Fonts g_fonts;
DotSprite g_dot;
constexpr float kDotRadius = 5;  // CSS px: data points are drawn at 2.5 to 4.5, so the sprite only shrinks

// Every glyph the app draws, in DejaVu Sans: the build cuts the font down to exactly these ranges
// (scripts/font_ranges.cmake reads both arrays for pyftsubset), and tests/node/glyphs.test.mjs fails on any
// character of the app's texts (its string literals, the gallery, presets, what the lexer reads) outside
// them. Pairs of first and last code point; each glyph costs the page about 16 bytes gzip.
const ImWchar kTextRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF,  // ASCII, Latin-1 (² ³ · × ÷ ¹ ½ °)
    0x0177, 0x0177,                  // ŷ
    0x02B0, 0x02B0, 0x02B2, 0x02B3, 0x02B7, 0x02B8, 0x02E1, 0x02E3,  // superscript h j r w y l s x
    0x0391, 0x03C9, 0x03D1, 0x03D1, 0x03D5, 0x03D5, 0x03F1, 0x03F1, 0x03F5, 0x03F5,  // Greek, ϑ ϕ ϱ ϵ
    0x1D40, 0x1D40, 0x1D43, 0x1D43, 0x1D47, 0x1D49, 0x1D4D, 0x1D4D, 0x1D4F, 0x1D50,  // ᵀ ᵃ ᵇ ᵈ ᵉ ᵍ ᵏ ᵐ
    0x1D52, 0x1D52, 0x1D56, 0x1D58, 0x1D5B, 0x1D5B, 0x1D5D, 0x1D6A,                  // ᵒ ᵖ ᵗ ᵘ ᵛ ᵝ…ᵡ ᵢ…ᵪ
    0x1D9C, 0x1D9C, 0x1DA0, 0x1DA0, 0x1DBB, 0x1DBB,  // superscript c f z
    0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2026, 0x2032, 0x2033,  // dashes, quotes, …, ′ ″
    0x2070, 0x2071, 0x2074, 0x208E, 0x2090, 0x209C,  // superscripts and subscripts: digits, signs, letters
    0x2190, 0x2199, 0x21BA, 0x21BB, 0x21D0, 0x21D4,  // arrows
    0x2202, 0x2202, 0x2207, 0x2208, 0x2211, 0x2213, 0x2219, 0x2219, 0x221A, 0x221E,  // ∂ ∇ ∈ ∑ − ∓ ∙ √ ∛ ∜ ∝ ∞
    0x2248, 0x2248, 0x2260, 0x2261, 0x2264, 0x2265, 0x22C5, 0x22C5,                  // ≈ ≠ ≡ ≤ ≥ ⋅
    0x2308, 0x230B, 0x23F8, 0x23F9, 0x25A0, 0x25A0, 0x25B6, 0x25B6, 0x25C0, 0x25C0,  // ⌈ ⌉ ⌊ ⌋ ⏸ ⏹ ■ ▶ ◀
    0,
};

// DejaVu Sans Mono carries only what numbers and code need; any other glyph in a monospaced text comes
// from DejaVu Sans, merged in behind it (the page downloads each glyph once).
const ImWchar kMonoRanges[] = {
    0x0020, 0x007E, 0x00B7, 0x00B7, 0x00D7, 0x00D7,  // ASCII, · ×
    0x2026, 0x2026, 0x2212, 0x2212, 0x221E, 0x221E,  // … − ∞
    0,
};

ImFont* add(const unsigned char* data, unsigned int size, float pixels, float ratio, const ImWchar* ranges,
            bool merge = false) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the module's static data
  config.OversampleH = 1;               // rasterised at device resolution already
  config.OversampleV = 1;
  config.PixelSnapH = true;
  config.MergeMode = merge;             // into the font added last: only the glyphs it lacks
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                     pixels * ratio, &config, ranges);
}
// Coverage of a disc of `radius` centred in the custom rectangle `index`: 1 inside, 0 outside, linear
// across the edge's pixel, white, so a vertex colour tints it.
void draw_dot(ImFontAtlas& atlas, int index, float radius) {
  const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(index);
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
  const float centre = static_cast<float>(rect->Width) / 2;
  for (int y = 0; y < rect->Height; ++y) {
    for (int x = 0; x < rect->Width; ++x) {
      const float dx = static_cast<float>(x) + 0.5f - centre, dy = static_cast<float>(y) + 0.5f - centre;
      const float coverage = std::clamp(radius + 0.5f - std::sqrt(dx * dx + dy * dy), 0.0f, 1.0f);
      auto* texel = reinterpret_cast<ImU32*>(pixels) + (rect->Y + y) * width + (rect->X + x);
      *texel = IM_COL32(255, 255, 255, static_cast<int>(coverage * 255 + 0.5f));
    }
  }
  atlas.CalcCustomRectUV(rect, &g_dot.uv_min, &g_dot.uv_max);
  g_dot.edge = centre / radius;
}
}  // namespace

const DotSprite& dot_sprite() { return g_dot; }

void load_fonts(float ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  g_fonts.text = add(kUiFont, kUiFontSize, 16, ratio, kTextRanges);
  g_fonts.mono = add(kMonoFont, kMonoFontSize, 15, ratio, kMonoRanges);
  add(kUiFont, kUiFontSize, 15, ratio, kTextRanges, true);
  const float radius = std::ceil(kDotRadius * ratio);  // device px
  const int side = static_cast<int>(2 * radius) + 2;
  const int dot = io.Fonts->AddCustomRectRegular(side, side);
  io.Fonts->Build();
  draw_dot(*io.Fonts, dot, radius);
  io.FontDefault = g_fonts.text;
  io.FontGlobalScale = 1.0f / ratio;
}

const Fonts& fonts() { return g_fonts; }

}  // namespace bp::platform
