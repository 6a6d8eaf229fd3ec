// Code-point tables for the lexer. Values checked against Python's unicodedata (NFKC) in the tests.
#include "expr/unicode_forms.hpp"

#include <cstdio>

namespace bp::expr::unicode {

CodePoint decode(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {b0, 1};
  const std::size_t len = b0 >= 0xF8 ? 0 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > text.size()) return {-1, 1};
  long cp = b0 & (0x3F >> (len - 1));
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return {-1, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

void encode(long cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_greek_letter(long cp) {
  if (cp == 0x03D1 || cp == 0x03D5 || cp == 0x03F5 || cp == 0x03F1) return true;  // ϑ ϕ ϵ ϱ
  return cp >= 0x0391 && cp <= 0x03C9 && cp != 0x03C0 && cp != 0x03A2;
}

int superscript_digit(long cp) {
  switch (cp) {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default: return (cp >= 0x2074 && cp <= 0x2079) ? static_cast<int>(cp - 0x2070) : -1;
  }
}

char superscript_ascii(long cp) {
  if (const int d = superscript_digit(cp); d >= 0) return static_cast<char>('0' + d);
  switch (cp) {
    case 0x207A: return '+';
    case 0x207B: return '-';
    case 0x207D: return '(';
    case 0x207E: return ')';
    case 0x1D43: return 'a';
    case 0x1D47: return 'b';
    case 0x1D9C: return 'c';
    case 0x1D48: return 'd';
    case 0x1D49: return 'e';
    case 0x1DA0: return 'f';
    case 0x1D4D: return 'g';
    case 0x02B0: return 'h';
    case 0x2071: return 'i';
    case 0x02B2: return 'j';
    case 0x1D4F: return 'k';
    case 0x02E1: return 'l';
    case 0x1D50: return 'm';
    case 0x207F: return 'n';
    case 0x1D52: return 'o';
    case 0x1D56: return 'p';
    case 0x02B3: return 'r';
    case 0x02E2: return 's';
    case 0x1D57: return 't';
    case 0x1D58: return 'u';
    case 0x1D5B: return 'v';
    case 0x02B7: return 'w';
    case 0x02E3: return 'x';
    case 0x02B8: return 'y';
    case 0x1DBB: return 'z';
    default: return '\0';
  }
}

char subscript_ascii(long cp) {
  if (cp >= 0x2080 && cp <= 0x2089) return static_cast<char>('0' + (cp - 0x2080));
  switch (cp) {
    case 0x2090: return 'a';
    case 0x2091: return 'e';
    case 0x2092: return 'o';
    case 0x2093: return 'x';
    case 0x2095: return 'h';
    case 0x2096: return 'k';
    case 0x2097: return 'l';
    case 0x2098: return 'm';
    case 0x2099: return 'n';
    case 0x209A: return 'p';
    case 0x209B: return 's';
    case 0x209C: return 't';
    case 0x1D62: return 'i';
    case 0x1D63: return 'r';
    case 0x1D64: return 'u';
    case 0x1D65: return 'v';
    case 0x2C7C: return 'j';
    default: return '\0';
  }
}

Fraction vulgar_fraction(long cp) {
  switch (cp) {
    case 0x00BD: return {1, 2};
    case 0x00BC: return {1, 4};
    case 0x00BE: return {3, 4};
    case 0x2150: return {1, 7};
    case 0x2151: return {1, 9};
    case 0x2152: return {1, 10};
    case 0x2153: return {1, 3};
    case 0x2154: return {2, 3};
    case 0x2155: return {1, 5};
    case 0x2156: return {2, 5};
    case 0x2157: return {3, 5};
    case 0x2158: return {4, 5};
    case 0x2159: return {1, 6};
    case 0x215A: return {5, 6};
    case 0x215B: return {1, 8};
    case 0x215C: return {3, 8};
    case 0x215D: return {5, 8};
    case 0x215E: return {7, 8};
    case 0x2189: return {0, 3};
    default: return {};
  }
}

namespace {

// Letters of the Letterlike Symbols block that fill the holes of the mathematical alphabets.
long letterlike_plain(long cp) {
  switch (cp) {
    case 0x210E: return 'h';                                            // ℎ italic h (Planck)
    case 0x212C: return 'B'; case 0x2130: return 'E'; case 0x2131: return 'F';  // script
    case 0x210B: return 'H'; case 0x2110: return 'I'; case 0x2112: return 'L';
    case 0x2133: return 'M'; case 0x211B: return 'R'; case 0x212F: return 'e';
    case 0x210A: return 'g'; case 0x2134: return 'o';
    case 0x212D: return 'C'; case 0x210C: return 'H'; case 0x2111: return 'I';  // fraktur
    case 0x211C: return 'R'; case 0x2128: return 'Z';
    case 0x2102: return 'C'; case 0x210D: return 'H'; case 0x2115: return 'N';  // double-struck
    case 0x2119: return 'P'; case 0x211A: return 'Q'; case 0x211D: return 'R'; case 0x2124: return 'Z';
    default: return -1;
  }
}

// 𝚨 … 𝟋: five alphabets of 58: 25 capitals (ϴ in Σ's slot - 1), ∇, 25 smalls, ∂, ϵ ϑ ϰ ϕ ϱ ϖ.
long math_greek_plain(long cp) {
  const long k = (cp - 0x1D6A8) % 58;
  if (k < 25) return k == 17 ? 0x0398 : 0x0391 + k;  // ϴ reads as Θ
  if (k == 25) return 0x2207;                         // ∇
  if (k < 51) return 0x03B1 + (k - 26);
  constexpr long kTail[] = {0x2202, 0x03F5, 0x03D1, 0x03BA, 0x03D5, 0x03F1, 0x03D6};
  return kTail[k - 51];
}

}  // namespace

long plain_form(long cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // fullwidth ASCII
  if (cp >= 0x1D400 && cp <= 0x1D6A3) {                  // 13 Latin alphabets of 52, then ı ȷ
    const long k = (cp - 0x1D400) % 52;
    return k < 26 ? 'A' + k : 'a' + (k - 26);
  }
  if (cp == 0x1D6A4) return 'i';
  if (cp == 0x1D6A5) return 'j';
  if (cp >= 0x1D6A8 && cp <= 0x1D7C9) return math_greek_plain(cp);
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return '0' + (cp - 0x1D7CE) % 10;
  return letterlike_plain(cp);
}

std::string describe_code_point(long cp) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04lX", cp);
  const char* name = nullptr;
  switch (cp) {
    case 0x00A0: name = "NO-BREAK SPACE"; break;
    case 0x00AD: name = "SOFT HYPHEN"; break;
    case 0x00B0: name = "DEGREE SIGN"; break;
    case 0x00B1: name = "PLUS-MINUS SIGN"; break;
    case 0x2009: name = "THIN SPACE"; break;
    case 0x200A: name = "HAIR SPACE"; break;
    case 0x200B: name = "ZERO WIDTH SPACE"; break;
    case 0x2013: name = "EN DASH"; break;
    case 0x2014: name = "EM DASH"; break;
    case 0x2015: name = "HORIZONTAL BAR"; break;
    case 0x2018: name = "LEFT SINGLE QUOTATION MARK"; break;
    case 0x2019: name = "RIGHT SINGLE QUOTATION MARK"; break;
    case 0x201C: name = "LEFT DOUBLE QUOTATION MARK"; break;
    case 0x201D: name = "RIGHT DOUBLE QUOTATION MARK"; break;
    case 0x2026: name = "HORIZONTAL ELLIPSIS"; break;
    case 0x2192: name = "RIGHTWARDS ARROW"; break;
    case 0x2202: name = "PARTIAL DIFFERENTIAL"; break;
    case 0x2207: name = "NABLA"; break;
    case 0x220F: name = "N-ARY PRODUCT"; break;
    case 0x2211: name = "N-ARY SUMMATION"; break;
    case 0x221E: name = "INFINITY"; break;
    case 0x222B: name = "INTEGRAL"; break;
    case 0x2248: name = "ALMOST EQUAL TO"; break;
    case 0x2308: name = "LEFT CEILING"; break;
    case 0x2309: name = "RIGHT CEILING"; break;
    case 0x230A: name = "LEFT FLOOR"; break;
    case 0x230B: name = "RIGHT FLOOR"; break;
    case 0x2113: name = "SCRIPT SMALL L"; break;
    case 0x2016: name = "DOUBLE VERTICAL LINE"; break;
    case 0x2225: name = "PARALLEL TO"; break;
    case 0x00AC: name = "NOT SIGN"; break;
    case 0x2227: name = "LOGICAL AND"; break;
    case 0x2228: name = "LOGICAL OR"; break;
    case 0x207C: name = "SUPERSCRIPT EQUALS SIGN"; break;
    case 0x208A: name = "SUBSCRIPT PLUS SIGN"; break;
    case 0x208B: name = "SUBSCRIPT MINUS"; break;
    case 0x2032: name = "PRIME"; break;
    case 0x2033: name = "DOUBLE PRIME"; break;
    case 0x00B4: name = "ACUTE ACCENT"; break;
    case 0x0060: name = "GRAVE ACCENT"; break;
    case 0x00A7: name = "SECTION SIGN"; break;
    case 0x20AC: name = "EURO SIGN"; break;
    case 0xFFFD: name = "REPLACEMENT CHARACTER"; break;
    default: break;
  }
  return name ? std::string(code) + " " + name : std::string(code);
}

}  // namespace bp::expr::unicode
