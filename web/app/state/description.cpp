// Description hand-off to the page (page.hpp; web/page.js debounces it into #description).
#include "state/description.hpp"

#include "clock.hpp"
#include "frame_later.hpp"
#include "page.hpp"

namespace bp::app {

namespace {
std::string g_current, g_first, g_also, g_published;
}  // namespace

void describe(std::string text) { g_current = std::move(text); }

void describe_first(const std::string& text) { g_first += text + " "; }

void describe_also(const std::string& text) { g_also += " " + text; }

void publish_description() {
  // Handed over once it has stood still for a second, as a screen reader should hear it: while training or
  // dragging the text changes every frame, and handing each frame's text to the page (a string decoded, the
  // page's timer reset) cost 0.5–0.8 ms of every frame at 4× CPU throttling for text nobody was read. A frame
  // is asked for when the second is up, so the last text arrives even when nothing else draws.
  constexpr double kStillMs = 1000;
  static std::string pending;
  static double changed_ms = 0;
  std::string text = g_first + g_current + g_also;
  g_first.clear();
  g_also.clear();
  if (text != pending) {
    pending = std::move(text);
    changed_ms = now_ms();
  }
  if (pending == g_published) return;
  const double wait = kStillMs - (now_ms() - changed_ms);
  if (wait > 0) return ask_frame_after<struct DescriptionHandOver>(wait);
  g_published = pending;
  page::describe(g_published);
}

}  // namespace bp::app
