// What the app answers when the page's scripts ask (window.playground, embedders, the browser tests):
// the hooks behind the platform's exports (page.hpp's AppHooks).
#pragma once

namespace bp::app {

// Registers every hook with the page; call once at start, before the platform starts.
void connect_page_hooks();

}  // namespace bp::app
