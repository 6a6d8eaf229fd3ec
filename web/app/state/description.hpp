// A text description of what the canvas shows, for screen readers: each panel says what matters
// (expression, point, slopes; graph values and gradients; epoch, loss, accuracy) and the page keeps
// it in an aria-live region outside the canvas.
#pragma once

#include <string>

namespace bp::app {

// Called by the visible panel once per frame.
void describe(std::string text);
// A message shown this frame that comes before the panel's description (a refused paste).
void describe_first(const std::string& text);
// A sentence after the panel's description this frame (function mode's race, paused, says where each
// racer stands).
void describe_also(const std::string& text);
// Called once per frame after the panels: hands the description to the page once it has stood still for a
// second.
void publish_description();

}  // namespace bp::app
