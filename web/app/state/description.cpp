// Description hand-off to the page (web/page.js debounces it into #description).
#include "state/description.hpp"

#include <emscripten.h>

namespace bp::app {

namespace {
std::string g_current, g_first, g_published;

EM_JS(void, js_describe, (const char* text), {
  if (typeof Module.onDescription === 'function') Module.onDescription(UTF8ToString(text));
});
}  // namespace

void describe(std::string text) { g_current = std::move(text); }

void describe_first(const std::string& text) { g_first += text + " "; }

void publish_description() {
  std::string text = g_first + g_current;
  g_first.clear();
  if (text == g_published) return;
  g_published = std::move(text);
  js_describe(g_published.c_str());
}

}  // namespace bp::app
