// page.hpp in the browser: each call is one small piece of JavaScript over the page (location,
// navigator.clipboard, matchMedia, a temporary download link) or over Module, where web/embed.js
// hands over its options and listens (initialState, embedOptions, onStateChange, onDescription, …).
#include "page.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <string>

namespace bp::page {

namespace {

// Strings made in JavaScript arrive malloc'ed; this takes them over.
std::string take(char* text) {
  std::string result = text ? text : "";
  std::free(text);
  return result;
}

EM_JS(char*, js_initial_state, (), {
  const hash = (typeof Module.initialState === 'string') ? Module.initialState : location.hash;
  const bytes = lengthBytesUTF8(hash) + 1;
  const ptr = _malloc(bytes);
  stringToUTF8(hash, ptr, bytes);
  return ptr;
});

EM_JS(void, js_state_changed, (const char* hash, const char* full_state), {
  if (typeof Module.onStateChange === 'function') Module.onStateChange(UTF8ToString(hash), UTF8ToString(full_state));
});

EM_JS(void, js_answered, (const char* json), {
  if (typeof Module.onAnswer === 'function') Module.onAnswer(UTF8ToString(json));
});

EM_JS(void, js_report_notice, (const char* text), {
  console.warn('Backprop Playground link: ' + UTF8ToString(text));
});

EM_JS(void, js_describe, (const char* text), {
  if (typeof Module.onDescription === 'function') Module.onDescription(UTF8ToString(text));
});

EM_JS(void, js_announce, (const char* text), {
  if (typeof Module.onAnnounce === 'function') Module.onAnnounce(UTF8ToString(text));
});

EM_JS(void, js_download_text, (const char* name, const char* text), {
  const blob = new Blob([UTF8ToString(text)], { type: "text/csv" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = UTF8ToString(name);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

EM_JS(void, js_download_png, (const char* name, float x, float y, float w, float h, float ratio), {
  const source = Module.canvas;
  let url = source.toDataURL("image/png");
  if (w > 0) {
    const crop = document.createElement("canvas");
    crop.width = Math.round(w * ratio);
    crop.height = Math.round(h * ratio);
    crop.getContext("2d").drawImage(source, x * ratio, y * ratio, w * ratio, h * ratio,
                                    0, 0, crop.width, crop.height);
    url = crop.toDataURL("image/png");
  }
  const link = document.createElement("a");
  link.href = url;
  link.download = UTF8ToString(name);
  link.click();
});

EM_JS(void, js_copy_link, (const char* hash), {
  const base = location.href.split("#")[0];
  const link = base + "#" + UTF8ToString(hash);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link).catch(() => {});
  if (typeof Module.onCopyLink === 'function') Module.onCopyLink(link);
});

EM_JS(char*, js_canvas_selector, (), {
  const selector = "#" + Module.canvas.id;
  const bytes = lengthBytesUTF8(selector) + 1;
  const ptr = _malloc(bytes);
  stringToUTF8(selector, ptr, bytes);
  return ptr;
});

EM_JS(char*, js_embed_options, (), {
  const text = typeof Module.embedOptions === "string" ? Module.embedOptions : "";
  const bytes = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(bytes);
  stringToUTF8(text, ptr, bytes);
  return ptr;
});

// A change of the system's setting reaches the app through the exported bp_set_dark (exports.cpp).
EM_JS(int, js_prefers_dark, (int follow), {
  const query = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  if (query && follow) {
    const listener = (event) => _bp_set_dark(event.matches ? 1 : 0);
    query.addEventListener("change", listener);
    // Removed by platform::shutdown(): the query would keep the module alive after destroy().
    (Module.bpListeners = Module.bpListeners || []).push([query, "change", listener]);
  }
  return query && query.matches ? 1 : 0;
});

}  // namespace

std::string initial_hash() { return take(js_initial_state()); }

void state_changed(const std::string& hash, const std::string& full_state) {
  js_state_changed(hash.c_str(), full_state.c_str());
}

void answered(const std::string& json) { js_answered(json.c_str()); }

void report_notice(const std::string& text) { js_report_notice(text.c_str()); }

void describe(const std::string& text) { js_describe(text.c_str()); }

void announce(const std::string& text) { js_announce(text.c_str()); }

void download_text(const std::string& filename, const std::string& text) {
  js_download_text(filename.c_str(), text.c_str());
}

void download_png(const std::string& filename, float x, float y, float w, float h, float ratio) {
  js_download_png(filename.c_str(), x, y, w, h, ratio);
}

void copy_link(const std::string& hash) { js_copy_link(hash.c_str()); }

std::string canvas_selector() { return take(js_canvas_selector()); }

std::string embed_options() { return take(js_embed_options()); }

bool prefers_dark(bool follow) { return js_prefers_dark(follow ? 1 : 0) != 0; }

}  // namespace bp::page
