// Text as a JSON string literal, for what the app hands the page as JSON (page_hooks, exercise results).
#pragma once

#include <string>

namespace bp::app {

inline std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace bp::app
