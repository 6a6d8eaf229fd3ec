// A text field for an expression that underlines the span of a parse error and shows its message.
#pragma once

#include <cstddef>
#include <string>

#include "expr/expected.hpp"

namespace bp::app {

// The longest text a field takes, in bytes of UTF-8: what a link carries (state/link_codec.cpp). A paste
// that would make it longer is refused with a message under the field.
inline constexpr std::size_t kMaxFieldLength = 20000;

struct ExpressionFieldOptions {
  float width = 200;       // pixels
  int lines = 1;           // 1: a one-line field; more: a box of that many lines (programs)
  bool read_only = false;  // an embed locked the text
};

// Returns true when the text changed. `error` (if any) is drawn as a red underline below its span
// and the message under the field.
bool expression_field(const char* id, std::string& text, const bp::expr::Error* error,
                      const ExpressionFieldOptions& options);

}  // namespace bp::app
