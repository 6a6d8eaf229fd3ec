// A field for a number the learner types as they think of it ("1e-6", "0.001", "10^-6"), with an
// optional slider beside it that drags the same value (on a log scale for steps and rates). Tab reaches
// the field first and edits the value itself, never its logarithm; the slider takes no typing.
#pragma once

#include "imgui.h"
#include "widgets/number_text.hpp"

namespace bp::app {

struct NumberFieldOptions {
  float width = 200;         // pixels: field, slider and label together
  NumberLimits limits;       // what a typed value must keep (a refused one says why under the field)
  bool has_slider = false;   // a slider beside the field over [slider_min, slider_max]
  bool log_slider = false;   // the slider moves log10 of the value (both ends must be > 0)
  double slider_min = 0, slider_max = 1;
  bool read_only = false;    // an embed locked the value
};

// Draws "label [text][slider]". Returns true when `value` changed (a text that parses, or the slider).
// A text that does not parse keeps `value` and shows its error under the field until the next edit.
bool number_field(const char* label, double& value, const NumberFieldOptions& options);

// The options of a finite difference's step h: typed from 1e-15 to 1, a log slider over the same.
NumberFieldOptions step_field(float width);
// The options of a learning rate: typed from 1e-6 to 10, a log slider from 0.001 to 1 (network mode
// calls it too: `number_field("learning rate", s.learning_rate, learning_rate_field(width))`).
NumberFieldOptions learning_rate_field(float width);

}  // namespace bp::app
