// First step of lexing: rewrites the characters that stand for one plain character (dashes, bullets,
// fullwidth and mathematical letters, unusual spaces, invisible characters, ≤ ≥ ≠) into that plain
// text, remembering for every byte written the bytes of the original it came from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/expected.hpp"

namespace bp::expr {

struct Normalized {
  std::string text;
  std::vector<Span> source;  // source[i]: the original bytes of text[i]; one more entry for the end

  // The original bytes a span of text covers (an empty span maps to an empty span at its place).
  Span original(Span span) const;
};

// True when text has only ASCII bytes, so normalize would copy it unchanged (the common case; the lexer
// then skips the copy).
bool is_plain_ascii(std::string_view text);

// Always succeeds: characters it does not know are copied as they are for the lexer to refuse.
Normalized normalize(std::string_view text);

}  // namespace bp::expr
