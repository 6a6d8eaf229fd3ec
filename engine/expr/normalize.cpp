// Character-by-character rewriting; anything that depends on neighbours (superscripts, subscripts,
// fractions, LaTeX) is left to the lexer.
#include "expr/normalize.hpp"

#include <cstdint>
#include <cstring>

#include "expr/unicode_forms.hpp"

namespace bp::expr {

namespace {

bool is_invisible(long cp) {
  switch (cp) {
    case 0x00AD:  // soft hyphen
    case 0x200B: case 0x200C: case 0x200D:  // zero width space, non-joiner, joiner
    case 0x200E: case 0x200F:  // left-to-right and right-to-left marks
    case 0x2060: case 0xFEFF:  // word joiner, byte order mark
      return true;
    default: return false;
  }
}

bool is_space(long cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0x1680 || cp == 0x2061 || cp == '\f' || cp == '\v';  // U+2061 FUNCTION APPLICATION: sin⁡x
}

// The ASCII text a character stands for wherever it appears, or nullptr.
const char* ascii_for(long cp) {
  switch (cp) {
    case 0x2212: case 0x2013: case 0x2014: case 0x2010: case 0x2011: case 0x2012: case 0xFE63:
      return "-";  // minus sign, en and em dash, hyphen, non-breaking hyphen, figure dash, small hyphen-minus
    case 0x00D7: case 0x00B7: case 0x22C5: case 0x2219: case 0x2022: case 0x2217: case 0x2062:
      return "*";  // × · ⋅ ∙ • ∗ and U+2062 INVISIBLE TIMES
    case 0x2064: return "+";                                    // INVISIBLE PLUS
    case 0x00F7: case 0x2215: case 0x2044: return "/";          // ÷ ∕ ⁄
    case 0x2264: case 0x2A7D: return "<=";                      // ≤ ⩽
    case 0x2265: case 0x2A7E: return ">=";                      // ≥ ⩾
    case 0x2260: return "!=";                                   // ≠
    case 0x2032: case 0x2019: return "'";                       // ′ and ’ (a word processor's f’)
    case 0x2033: return "''";                                   // ″ f″(x)
    default: return nullptr;
  }
}

}  // namespace

Span Normalized::original(Span span) const {
  if (span.start >= span.end) return {source[span.start].start, source[span.start].start};
  return {source[span.start].start, source[span.end - 1].end};
}

bool is_plain_ascii(std::string_view text) {
  // Eight bytes at a time: the lexer asks this of every input, most of them long ASCII programs.
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & kHighBits) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

Normalized normalize(std::string_view text) {
  Normalized out;
  out.text.reserve(text.size());
  out.source.reserve(text.size() + 1);
  std::size_t i = 0;
  auto emit = [&](std::string_view bytes, std::size_t len) {
    out.text += bytes;
    out.source.insert(out.source.end(), bytes.size(), Span{i, i + len});
  };
  while (i < text.size()) {
    std::size_t ascii_end = i;  // copy a run of plain ASCII at once
    while (ascii_end < text.size() && static_cast<unsigned char>(text[ascii_end]) < 0x80) ++ascii_end;
    if (ascii_end > i) {
      out.text.append(text.substr(i, ascii_end - i));
      for (; i < ascii_end; ++i) out.source.push_back(Span{i, i + 1});
      continue;
    }
    const unicode::CodePoint p = unicode::decode(text, i);
    if (p.cp < 0x80) {
      emit(text.substr(i, p.len), p.len);
    } else if (is_invisible(p.cp)) {
      // dropped: written nowhere
    } else if (is_space(p.cp)) {
      emit(" ", p.len);
    } else if (const char* ascii = ascii_for(p.cp)) {
      emit(ascii, p.len);
    } else if (p.cp == 0x00B5) {
      emit("\u03BC", p.len);  // micro sign reads as the Greek letter mu
    } else if (const long plain = unicode::plain_form(p.cp); plain >= 0) {
      std::string bytes;
      unicode::encode(plain, bytes);
      emit(bytes, p.len);
    } else {
      emit(text.substr(i, p.len), p.len);
    }
    i += p.len;
  }
  out.source.push_back(Span{text.size(), text.size()});
  return out;
}

}  // namespace bp::expr
