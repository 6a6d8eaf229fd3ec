// Description hand-off to the page (page.hpp; web/page.js debounces it into #description).
#include "state/description.hpp"

#include "page.hpp"

namespace bp::app {

namespace {
std::string g_current, g_first, g_published;
}  // namespace

void describe(std::string text) { g_current = std::move(text); }

void describe_first(const std::string& text) { g_first += text + " "; }

void publish_description() {
  std::string text = g_first + g_current;
  g_first.clear();
  if (text == g_published) return;
  g_published = std::move(text);
  page::describe(g_published);
}

}  // namespace bp::app
