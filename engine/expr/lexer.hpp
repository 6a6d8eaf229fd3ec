// Turns UTF-8 text into tokens with byte spans. Unicode forms are read here and nowhere else:
// − × · ÷ are operators, π is the name pi, √ is the square root, superscript digits are exponents.
#pragma once

#include <string_view>
#include <vector>

#include "expr/expected.hpp"

namespace bp::expr {

enum class Tok {
  kNumber, kIdent, kSuperscript,               // 3  x  ²
  kPlus, kMinus, kStar, kSlash, kCaret, kSqrt, // + - * / ^ √
  kLParen, kRParen, kComma, kEquals,           // ( ) , =
  kSeparator,                                  // ; or newline
  kEnd,
};

struct Token {
  Tok kind = Tok::kEnd;
  Span span;
  double number = 0;      // kNumber: the value; kSuperscript: the integer exponent
  std::string_view name;  // kIdent: the name as used for lookup ("pi" for π)
};

// Tokens end with one kEnd token. Errors: an unexpected character, a malformed number or superscript.
Expected<std::vector<Token>> lex(std::string_view text);

// Human-readable token for messages: "'+'", "end of input", "number 3".
std::string describe(const Token& token, std::string_view text);

}  // namespace bp::expr
