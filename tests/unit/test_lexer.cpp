// Lexer: numbers, names, operators, Unicode forms, byte spans, errors.
#include <doctest/doctest.h>

#include "expr/lexer.hpp"

using namespace bp::expr;

namespace {
std::vector<Token> tokens(std::string_view text) {
  auto result = lex(text);
  REQUIRE(result.ok());
  return *result;
}
}  // namespace

TEST_CASE("numbers are read in every written form") {
  for (auto [text, expected] : {std::pair{"3", 3.0}, {".5", 0.5}, {"1e-3", 1e-3}, {"2.25", 2.25}, {"6E+2", 600.0}}) {
    const auto t = tokens(text);
    REQUIRE(t.size() == 2);
    CHECK(t[0].kind == Tok::kNumber);
    CHECK(t[0].number == expected);
  }
}

TEST_CASE("an e with no digits after a number is the name e, not an exponent") {
  const auto t = tokens("2e");
  REQUIRE(t.size() == 3);
  CHECK(t[0].number == 2);
  CHECK(t[1].kind == Tok::kIdent);
  CHECK(t[1].name == "e");
}

TEST_CASE("names are a letter then letters, digits or underscores, so xy is one name") {
  const auto t = tokens("w1 x_1 bias xy");
  REQUIRE(t.size() == 5);
  CHECK(t[0].name == "w1");
  CHECK(t[1].name == "x_1");
  CHECK(t[2].name == "bias");
  CHECK(t[3].name == "xy");
}

TEST_CASE("unicode operators become their ASCII tokens with spans in bytes") {
  const std::string text = "a−b×c·d÷e";  // − × · ÷ are 3, 2, 2, 2 bytes
  const auto t = tokens(text);
  REQUIRE(t.size() == 10);
  CHECK(t[1].kind == Tok::kMinus);
  CHECK(t[1].span.start == 1);
  CHECK(t[1].span.end == 4);
  CHECK(t[3].kind == Tok::kStar);
  CHECK(t[5].kind == Tok::kStar);
  CHECK(t[7].kind == Tok::kSlash);
  CHECK(t[8].span.start == text.size() - 1);
}

TEST_CASE("π is the name pi and √ is the square-root token") {
  const auto t = tokens("√π");
  REQUIRE(t.size() == 3);
  CHECK(t[0].kind == Tok::kSqrt);
  CHECK(t[1].kind == Tok::kIdent);
  CHECK(t[1].name == "pi");
}

TEST_CASE("superscripts are integer exponents, with an optional superscript minus") {
  const auto t = tokens("x² x⁻¹ x¹⁰ x³");
  REQUIRE(t.size() == 9);
  CHECK(t[1].kind == Tok::kSuperscript);
  CHECK(t[1].number == 2);
  CHECK(t[3].number == -1);
  CHECK(t[5].number == 10);
  CHECK(t[7].number == 3);
}

TEST_CASE("newlines and semicolons separate statements") {
  const auto t = tokens("a = 1\nb = 2; c");
  int separators = 0;
  for (const auto& token : t) separators += token.kind == Tok::kSeparator;
  CHECK(separators == 2);
}

TEST_CASE("an unexpected character is an error spanning exactly that character") {
  auto result = lex("2 + $x");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().span.start == 4);
  CHECK(result.error().span.end == 5);
  CHECK(result.error().message.find("'$'") != std::string::npos);

  auto unicode = lex("x + ∑");  // a 3-byte character
  REQUIRE_FALSE(unicode.ok());
  CHECK(unicode.error().span.start == 4);
  CHECK(unicode.error().span.end == 7);
}

TEST_CASE("NUL, broken UTF-8 and a lone superscript minus are errors, not crashes") {
  auto nul = lex(std::string_view("x\0y", 3));
  REQUIRE_FALSE(nul.ok());
  CHECK(nul.error().span.start == 1);
  CHECK(nul.error().message.find("NUL") != std::string::npos);

  auto broken = lex("x\xff");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().span.start == 1);

  auto minus = lex("x⁻");
  REQUIRE_FALSE(minus.ok());
  CHECK(minus.error().message.find("superscript") != std::string::npos);
}

TEST_CASE("two decimal points in a number are an error") {
  auto result = lex("1.2.3");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().span.start == 0);
}
