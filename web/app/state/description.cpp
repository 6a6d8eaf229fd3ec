// Description hand-off to the page (page.hpp; embed.js writes it into #description), once it stands still.
#include "state/description.hpp"

#include "clock.hpp"
#include "page.hpp"
#include "platform.hpp"

namespace bp::app {

namespace {
std::string g_current, g_first, g_also, g_published;
}  // namespace

void describe(std::string text) { g_current = std::move(text); }

void describe_first(const std::string& text) { g_first += text + " "; }

void describe_also(const std::string& text) { g_also += " " + text; }

namespace {
constexpr double kStillMs = 1000;
std::string g_pending;  // the latest text, handed over once it has stood still for kStillMs
double g_changed_ms = 0;
bool g_is_check_due = false;

// Hands the pending text over when it has stood still long enough; otherwise checks again when it will have.
// Run from a timer, not a frame: an idle page draws nothing, and the text of its last frame still arrives.
void hand_over_when_still() {
  if (g_pending == g_published) return;
  const double wait = kStillMs - (now_ms() - g_changed_ms);
  if (wait > 0) {
    if (g_is_check_due) return;
    g_is_check_due = true;
    platform::run_later([] {
      g_is_check_due = false;
      hand_over_when_still();
    }, static_cast<int>(wait) + 1);
    return;
  }
  g_published = g_pending;
  page::describe(g_published);
}
}  // namespace

void publish_description() {
  // Handed over once it has stood still for a second, as a screen reader should hear it: while training or
  // dragging the text changes every frame, and handing each frame's text to the page (a string decoded, the
  // page's timer reset) cost 0.5–0.8 ms of every frame at 4× CPU throttling for text nobody was read.
  std::string text = g_first + g_current + g_also;
  g_first.clear();
  g_also.clear();
  if (text != g_pending) {
    g_pending = std::move(text);
    g_changed_ms = now_ms();
  }
  hand_over_when_still();
}

}  // namespace bp::app
