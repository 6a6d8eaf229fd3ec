// A frame asked for a while from now, once: for work held back until its time comes (a link report), so that
// it still happens when nothing else draws a frame. Each Purpose (any tag type)
// keeps its own pending request; the frame that comes re-checks whether the work is due.
#pragma once

#include "platform.hpp"

namespace bp::app {

template <class Purpose>
void ask_frame_after(double wait_ms) {
  static bool is_asked = false;
  if (is_asked) return;
  is_asked = true;
  platform::run_later([] {
    is_asked = false;
    platform::request_frame();
  }, static_cast<int>(wait_ms) + 1);
}

}  // namespace bp::app
