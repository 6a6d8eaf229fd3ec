// Turns UTF-8 text into tokens with byte spans. Every notation a learner brings (Unicode, Python, Desmos,
// LaTeX) is read here and nowhere else, so the parser sees one plain token stream; spans stay byte
// offsets into the text the learner typed. Depends on nothing but the standard library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/expected.hpp"

namespace bp::expr {

enum class Tok {
  kNumber, kIdent, kSuperscript,               // 3  x  ²
  kPlus, kMinus, kStar, kSlash, kCaret, kSqrt, // + - * / ^ (also **) √
  kRoot,                                       // ∛ ∜ \sqrt[n]: number is the index n (3, 4, ...)
  kLParen, kRParen, kComma, kEquals,           // ( ) , =
  kBar, kLBrace, kRBrace, kColon,              // | { } :
  kLess, kLessEq, kGreater, kGreaterEq,        // < <= ≤ > >= ≥
  kEqEq, kNotEq,                               // == != ≠
  kPrime,                                      // ' ′
  kSeparator,                                  // ; or newline
  kEnd,
};

struct Token {
  Tok kind = Tok::kEnd;
  Span span;          // bytes of the original text this token was read from
  double number = 0;  // kNumber: the value; kSuperscript: the integer exponent; kRoot: the index
  std::string name;   // kIdent: the normalised name ("pi" for π, "x_1" for x₁ and x_{1}, "alpha" for \alpha)
};

// Tokens end with one kEnd token. Errors: an unexpected character, a malformed number or superscript.
Expected<std::vector<Token>> lex(std::string_view text);

// Human-readable token for messages: "'+'", "end of input", "number 3".
std::string describe(const Token& token, std::string_view text);

}  // namespace bp::expr
