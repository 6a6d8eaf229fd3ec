// The app's fonts: DejaVu Sans and DejaVu Sans Mono (Debian's fonts-dejavu-core), cut down at build
// time to the glyphs we show and embedded in the WebAssembly module.
#pragma once

struct ImFont;

namespace bp::platform {

struct Fonts {
  ImFont* text = nullptr;    // 16 px: labels, fields
  ImFont* mono = nullptr;    // 15 px: numbers in tables and matrices
};

// Rebuilds the atlas rasterised at `pixel_ratio` device pixels per CSS pixel (crisp at 1, 2, 3).
void load_fonts(float pixel_ratio);
const Fonts& fonts();

}  // namespace bp::platform
