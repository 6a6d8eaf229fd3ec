// Description hand-off to the page (web/page.js debounces it into #description).
#include "description.hpp"

#include <emscripten.h>

namespace bp::app {

namespace {
std::string g_current, g_published;

EM_JS(void, js_describe, (const char* text), {
  if (typeof Module.onDescription === 'function') Module.onDescription(UTF8ToString(text));
});
}  // namespace

void describe(std::string text) { g_current = std::move(text); }

void publish_description() {
  if (g_current == g_published) return;
  g_published = g_current;
  js_describe(g_published.c_str());
}

}  // namespace bp::app
