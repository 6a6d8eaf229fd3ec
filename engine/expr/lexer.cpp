// Lexer: ASCII fast path, a small table of Unicode code points, spans in bytes.
#include "expr/lexer.hpp"

#include <cstdlib>
#include <optional>
#include <string>

namespace bp::expr {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Decodes one UTF-8 code point at text[i]; len is its byte length. Invalid bytes give cp = -1, len = 1.
struct CodePoint {
  long cp;
  std::size_t len;
};
CodePoint decode(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > text.size()) return {-1, 1};
  long cp = b0 & (0x3F >> (len - 1));
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return {-1, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

// Superscript digit value, or -1.
int superscript_digit(long cp) {
  switch (cp) {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default: return (cp >= 0x2074 && cp <= 0x2079) ? static_cast<int>(cp - 0x2070) : -1;
  }
}
constexpr long kSuperMinus = 0x207B, kSuperPlus = 0x207A;

// Greek letters other than π may be used in names (θ, σ, η, ...).
bool is_greek_letter(long cp) { return cp >= 0x0391 && cp <= 0x03C9 && cp != 0x03C0 && cp != 0x03A2; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Expected<std::vector<Token>> run() {
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == ' ' || c == '\t' || c == '\r') { ++i_; continue; }
      if (c == '\n' || c == ';') { push(Tok::kSeparator, 1); continue; }
      if (is_digit(c) || (c == '.' && i_ + 1 < text_.size() && is_digit(text_[i_ + 1]))) {
        if (auto error = number()) return *error;
        continue;
      }
      if (is_ascii_letter(c)) { identifier(); continue; }
      if (auto op = ascii_operator(c, i_ + 1 < text_.size() ? text_[i_ + 1] : '\0')) {
        push(op->kind, op->len);
        continue;
      }
      if (c == '!') return Error{"'!' is not an operator: write != for 'not equal' (there is no factorial)", {i_, i_ + 1}};
      if (auto error = unicode()) return *error;
    }
    tokens_.push_back(Token{Tok::kEnd, {text_.size(), text_.size()}, 0, {}});
    return std::move(tokens_);
  }

 private:
  struct Operator {
    Tok kind;
    std::size_t len;
  };
  // One- and two-character ASCII operators; `after` is the next character or '\0'.
  static std::optional<Operator> ascii_operator(char c, char after) {
    switch (c) {
      case '+': return Operator{Tok::kPlus, 1};
      case '-': return Operator{Tok::kMinus, 1};
      case '*': return after == '*' ? Operator{Tok::kCaret, 2} : Operator{Tok::kStar, 1};  // Python's x**2
      case '/': return Operator{Tok::kSlash, 1};
      case '^': return Operator{Tok::kCaret, 1};
      case '(': return Operator{Tok::kLParen, 1};
      case ')': return Operator{Tok::kRParen, 1};
      case ',': return Operator{Tok::kComma, 1};
      case '=': return after == '=' ? Operator{Tok::kEqEq, 2} : Operator{Tok::kEquals, 1};
      case '<': return after == '=' ? Operator{Tok::kLessEq, 2} : Operator{Tok::kLess, 1};
      case '>': return after == '=' ? Operator{Tok::kGreaterEq, 2} : Operator{Tok::kGreater, 1};
      case '!': return after == '=' ? std::optional<Operator>(Operator{Tok::kNotEq, 2}) : std::nullopt;
      case '|': return Operator{Tok::kBar, 1};
      case '{': return Operator{Tok::kLBrace, 1};
      case '}': return Operator{Tok::kRBrace, 1};
      case ':': return Operator{Tok::kColon, 1};
      case '\'': return Operator{Tok::kPrime, 1};
      default: return std::nullopt;
    }
  }

  void push(Tok kind, std::size_t len, double number = 0) {
    tokens_.push_back(Token{kind, {i_, i_ + len}, number, {}});
    i_ += len;
  }

  // 3, 3.25, .5, 1e-3, 2E+8. An exponent needs digits: `2e` is 2 times e, `2ex` is 2 times ex.
  std::optional<Error> number() {
    const std::size_t start = i_;
    while (i_ < text_.size() && is_digit(text_[i_])) ++i_;
    if (i_ < text_.size() && text_[i_] == '.') {
      ++i_;
      while (i_ < text_.size() && is_digit(text_[i_])) ++i_;
    }
    if (i_ < text_.size() && (text_[i_] == 'e' || text_[i_] == 'E')) {
      std::size_t j = i_ + 1;
      if (j < text_.size() && (text_[j] == '+' || text_[j] == '-')) ++j;
      if (j < text_.size() && is_digit(text_[j])) {
        i_ = j;
        while (i_ < text_.size() && is_digit(text_[i_])) ++i_;
      }
    }
    if (i_ < text_.size() && text_[i_] == '.') {
      return Error{"a number has at most one decimal point", {start, i_ + 1}};
    }
    const std::string digits(text_.substr(start, i_ - start));
    tokens_.push_back(Token{Tok::kNumber, {start, i_}, std::strtod(digits.c_str(), nullptr), {}});
    return std::nullopt;
  }

  void identifier() {
    const std::size_t start = i_;
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (is_ascii_letter(c) || is_digit(c) || c == '_') { ++i_; continue; }
      const CodePoint p = decode(text_, i_);
      if (!is_greek_letter(p.cp)) break;
      i_ += p.len;
    }
    tokens_.push_back(Token{Tok::kIdent, {start, i_}, 0, std::string(text_.substr(start, i_ - start))});
  }

  std::optional<Error> unicode() {
    const CodePoint p = decode(text_, i_);
    switch (p.cp) {
      case 0x2212: push(Tok::kMinus, p.len); return std::nullopt;  // − minus sign
      case 0x00D7:                                                 // × multiplication sign
      case 0x00B7:                                                 // · middle dot
      case 0x22C5: push(Tok::kStar, p.len); return std::nullopt;   // ⋅ dot operator
      case 0x00F7: push(Tok::kSlash, p.len); return std::nullopt;  // ÷ division sign
      case 0x221A: push(Tok::kSqrt, p.len); return std::nullopt;   // √ square root
      case 0x221B: push(Tok::kRoot, p.len, 3); return std::nullopt; // ∛ cube root
      case 0x221C: push(Tok::kRoot, p.len, 4); return std::nullopt; // ∜ fourth root
      case 0x2264: push(Tok::kLessEq, p.len); return std::nullopt;  // ≤
      case 0x2265: push(Tok::kGreaterEq, p.len); return std::nullopt;  // ≥
      case 0x2260: push(Tok::kNotEq, p.len); return std::nullopt;   // ≠
      case 0x2032: push(Tok::kPrime, p.len); return std::nullopt;   // ′ prime
      case 0x00A0: i_ += p.len; return std::nullopt;               // no-break space
      case 0x03C0:                                                 // π is the name pi
        tokens_.push_back(Token{Tok::kIdent, {i_, i_ + p.len}, 0, "pi"});
        i_ += p.len;
        return std::nullopt;
      default: break;
    }
    if (is_greek_letter(p.cp)) { identifier(); return std::nullopt; }
    if (superscript_digit(p.cp) >= 0 || p.cp == kSuperMinus || p.cp == kSuperPlus) return superscript();
    if (p.cp < 0) return Error{"this is not valid UTF-8 text", {i_, i_ + 1}};
    if (p.cp == 0) return Error{"unexpected NUL character", {i_, i_ + 1}};
    return Error{"unexpected character '" + std::string(text_.substr(i_, p.len)) + "'", {i_, i_ + p.len}};
  }

  // x², x⁻¹, x¹⁰: an optional superscript sign, then superscript digits, read as an integer exponent.
  std::optional<Error> superscript() {
    const std::size_t start = i_;
    double sign = 1;
    CodePoint p = decode(text_, i_);
    if (p.cp == kSuperMinus || p.cp == kSuperPlus) {
      sign = p.cp == kSuperMinus ? -1 : 1;
      i_ += p.len;
    }
    double value = 0;
    int digits = 0;
    while (i_ < text_.size()) {
      p = decode(text_, i_);
      const int d = superscript_digit(p.cp);
      if (d < 0) break;
      value = value * 10 + d;
      ++digits;
      i_ += p.len;
    }
    if (digits == 0) return Error{"a superscript sign needs superscript digits after it, as in x⁻¹", {start, i_}};
    tokens_.push_back(Token{Tok::kSuperscript, {start, i_}, sign * value, {}});
    return std::nullopt;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

Expected<std::vector<Token>> lex(std::string_view text) { return Lexer(text).run(); }

std::string describe(const Token& token, std::string_view text) {
  switch (token.kind) {
    case Tok::kEnd: return "the end of the input";
    case Tok::kSeparator: return text[token.span.start] == ';' ? "';'" : "the end of the line";
    case Tok::kNumber: return "the number " + std::string(text.substr(token.span.start, token.span.end - token.span.start));
    case Tok::kIdent: return "the name '" + std::string(text.substr(token.span.start, token.span.end - token.span.start)) + "'";
    default: return "'" + std::string(text.substr(token.span.start, token.span.end - token.span.start)) + "'";
  }
}

}  // namespace bp::expr
