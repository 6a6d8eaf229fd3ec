// Description hand-off to the page (page.hpp; web/page.js debounces it into #description).
#include "state/description.hpp"

#include "page.hpp"

namespace bp::app {

namespace {
std::string g_current, g_first, g_also, g_published;
}  // namespace

void describe(std::string text) { g_current = std::move(text); }

void describe_first(const std::string& text) { g_first += text + " "; }

void describe_also(const std::string& text) { g_also += " " + text; }

void publish_description() {
  std::string text = g_first + g_current + g_also;
  g_first.clear();
  g_also.clear();
  if (text == g_published) return;
  g_published = std::move(text);
  page::describe(g_published);
}

}  // namespace bp::app
