// Exports for the learner: a PNG of the canvas, CSV files of what is plotted or learnt.
#pragma once

#include <string>

namespace bp::app {

// Saves `text` as a file (the browser's download) named `filename`.
void download_text(const std::string& filename, const std::string& text);
// Saves the canvas as a PNG, or just the rectangle [x, y, w, h] (CSS pixels) when w > 0.
void download_png(const std::string& filename, float x = 0, float y = 0, float w = 0, float h = 0);

}  // namespace bp::app
