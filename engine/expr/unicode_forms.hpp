// Tables of the Unicode characters learners paste into expressions: what each one reads as in ASCII,
// and the names of the ones we refuse. Pure functions of a code point; no state, no allocation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bp::expr::unicode {

// One decoded UTF-8 code point at text[i]; len is its byte length. Invalid bytes give cp = -1, len = 1.
struct CodePoint {
  long cp;
  std::size_t len;
};
CodePoint decode(std::string_view text, std::size_t i);
// Appends the UTF-8 bytes of cp to out.
void encode(long cp, std::string& out);

// Greek letters usable in names: α-ω, Α-Ω except π (the constant) and the variant forms ϑ ϕ ϵ ϱ.
bool is_greek_letter(long cp);
// ⁰-⁹ and ¹ ² ³: the digit, or -1.
int superscript_digit(long cp);
// ASCII meaning of a superscript character (digits, ⁺ ⁻ ⁽ ⁾, lower-case letters ᵃ … ᶻ), or '\0'.
char superscript_ascii(long cp);
// ASCII meaning of a subscript digit or letter (₀-₉, ₐ ₑ ₒ ₓ ₕ ₖ ₗ ₘ ₙ ₚ ₛ ₜ ᵢ ᵣ ᵤ ᵥ ⱼ),
// or '\0'.
char subscript_ascii(long cp);

// ½ ⅓ ¼ … as numerator/denominator; denominator 0 when cp is not a vulgar fraction.
struct Fraction {
  int numerator = 0;
  int denominator = 0;
};
Fraction vulgar_fraction(long cp);

// The plain character a styled letter or digit stands for: mathematical italic/bold/script/… letters
// and digits (𝑥 𝐱 𝓍 𝟐), their Letterlike holes (ℎ ℯ ℝ), mathematical Greek (𝜃) and fullwidth ASCII
// (ｘ ＋). Returns -1 when cp is not one of these.
long plain_form(long cp);

// "U+2009 THIN SPACE" for the characters we read or commonly refuse; "U+XXXX" for any other.
std::string describe_code_point(long cp);

}  // namespace bp::expr::unicode
