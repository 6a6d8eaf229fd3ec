// Lexer: normalises the text (normalize.hpp), then reads ASCII on a fast path and the contextual forms
// (superscript and subscript runs, vulgar fractions, LaTeX commands and their brace groups, Python's
// dotted names) by hand. Spans are kept in bytes of the original text.
#include "expr/lexer.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include "expr/latex.hpp"
#include "expr/normalize.hpp"
#include "expr/unicode_forms.hpp"

namespace bp::expr {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_ascii_letter(c) || is_digit(c) || c == '_'; }

struct Operator {
  Tok kind;
  std::size_t len;
};

// One- and two-character ASCII operators; `after` is the next character or '\0'.
std::optional<Operator> ascii_operator(char c, char after) {
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
    case ':': return Operator{Tok::kColon, 1};
    case '\'': return Operator{Tok::kPrime, 1};
    default: return std::nullopt;
  }
}

// PyTorch's module spellings of functions, read as the function: ReLU(x) is relu(x).
std::string_view lower_case_function(std::string_view name) {
  if (name.empty() || name[0] < 'A' || name[0] > 'Z') return {};  // most names: no search
  constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"ReLU", "relu"}, {"Sigmoid", "sigmoid"}, {"Tanh", "tanh"}, {"Softplus", "softplus"},
      {"LeakyReLU", "leaky_relu"}, {"ELU", "elu"}, {"GELU", "gelu"}, {"SiLU", "silu"}, {"Mish", "mish"},
      {"LogSigmoid", "logsigmoid"}};
  for (const auto& [from, to] : kNames) {
    if (from == name) return to;
  }
  return {};
}

// Module prefixes a Python user writes before a function; dropped, so np.exp(x) is exp(x).
bool is_dropped_prefix(std::string_view prefix) {
  for (std::string_view known : {"np", "numpy", "math", "torch", "F", "nn.functional", "torch.nn.functional"}) {
    if (prefix == known) return true;
  }
  return false;
}

// What a `}` closes: a brace the parser reads, a group written as parentheses (x^{2}, \sqrt{x}), or one of
// the two groups of \frac{a}{b}, which read as ((a)/(b)).
enum class Frame { kBrace, kGroup, kFracNumerator, kFracDenominator };

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Expected<std::vector<Token>> run() {
    tokens_.reserve(text_.size() / 2 + 2);
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == ' ') {  // the commonest characters skip step()'s optional<Error>
        ++i_;
      } else if (is_ascii_letter(c) && plain_identifier()) {
        continue;
      } else if (auto error = step()) {
        return *error;
      }
    }
    for (const auto& open : frames_) {
      if (open.frame != Frame::kBrace) return Error{"this '{' is never closed: add '}'", open.span};
    }
    tokens_.push_back(Token{Tok::kEnd, {text_.size(), text_.size()}, 0, {}});
    return std::move(tokens_);
  }

 private:
  std::optional<Error> step() {
    const char c = text_[i_];
    const char after = i_ + 1 < text_.size() ? text_[i_ + 1] : '\0';
    if (c == ' ' || c == '\t' || c == '\r') { ++i_; return std::nullopt; }
    if (c == '\n' || c == ';') { push(Tok::kSeparator, 1); return std::nullopt; }
    if (is_digit(c) || (c == '.' && is_digit(after))) return number();
    if (is_ascii_letter(c)) return identifier();
    if (c == '#') {  // a comment runs to the end of the line
      while (i_ < text_.size() && text_[i_] != '\n') ++i_;
      return std::nullopt;
    }
    if (c == '\\') return latex_command();
    if (c == '{') {  // x^{2}: a brace right after ^ only groups
      const bool after_caret = !tokens_.empty() && tokens_.back().kind == Tok::kCaret;
      return open_brace(after_caret ? Frame::kGroup : Frame::kBrace);
    }
    if (c == '}') return close_brace();
    if (c == '/' && after == '/') return Error{"'//' is Python's floor division: write floor(a/b)", {i_, i_ + 2}};
    if (auto op = ascii_operator(c, after)) {
      push(op->kind, op->len);
      return std::nullopt;
    }
    if (c == '!') return Error{"'!' is not an operator: write != for 'not equal'; for a factorial write the "
                               "product, as 4*3*2*1", {i_, i_ + 1}};
    if (c == '[' || c == ']') return Error{"square brackets are not read: group with ( )", {i_, i_ + 1}};
    if (c == '_') return Error{"a name starts with a letter: '_' may only follow one, as in x_1", {i_, i_ + 1}};
    return unicode();
  }

  // Built in place: a token holds a std::string, and moving one per token showed in the lexing profile.
  void add(Tok kind, Span span, double number = 0, std::string_view name = {}) {
    Token& token = tokens_.emplace_back();
    token.kind = kind;
    token.span = span;
    token.number = number;
    if (!name.empty()) token.name.assign(name.data(), name.size());
  }
  void push(Tok kind, std::size_t len, double number = 0) {
    add(kind, {i_, i_ + len}, number);
    i_ += len;
  }
  void skip_spaces() {
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) ++i_;
  }
  bool at(char c) const { return i_ < text_.size() && text_[i_] == c; }

  // 3, 3.25, .5, 1e-3, 2E+8, 1_000. An exponent needs digits: `2e` is 2 times e, `2ex` is 2 times ex.
  std::optional<Error> number() {
    const std::size_t start = i_;
    bool separated = false;
    auto digits = [&]() -> std::optional<Error> {
      while (i_ < text_.size() && (is_digit(text_[i_]) || text_[i_] == '_')) {
        if (text_[i_] == '_') {
          const bool between =
              i_ > start && is_digit(text_[i_ - 1]) && i_ + 1 < text_.size() && is_digit(text_[i_ + 1]);
          if (!between) return Error{"a '_' in a number goes between two digits, as in 1_000", {i_, i_ + 1}};
          separated = true;
        }
        ++i_;
      }
      return std::nullopt;
    };
    if (auto error = digits()) return error;
    if (at('.')) {
      ++i_;
      if (auto error = digits()) return error;
    }
    if (at('e') || at('E')) {
      std::size_t j = i_ + 1;
      if (j < text_.size() && (text_[j] == '+' || text_[j] == '-')) ++j;
      if (j < text_.size() && is_digit(text_[j])) {
        i_ = j;
        if (auto error = digits()) return error;
      }
    }
    if (at('.')) return Error{"a number has at most one decimal point", {start, i_ + 1}};
    if (at('_')) return Error{"a '_' in a number goes between two digits, as in 1_000", {i_, i_ + 1}};
    std::string text(text_.substr(start, i_ - start));
    if (separated) text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
    add(Tok::kNumber, {start, i_}, std::strtod(text.c_str(), nullptr));
    return std::nullopt;
  }

  // A name: a letter, then letters, digits and underscores; Greek letters; a subscript run (x₁ is x_1)
  // or a LaTeX subscript group (x_{1} is x_1). np.exp and F.relu drop their module.
  // The common name: ASCII, not capitalised, and nothing after it (a dot, a brace, a subscript) that
  // could change it. Returns false, reading nothing, for any other name.
  bool plain_identifier() {
    const std::size_t start = i_;
    if (text_[start] >= 'A' && text_[start] <= 'Z') return false;
    std::size_t end = i_;
    while (end < text_.size() && is_name_char(text_[end])) ++end;
    const char next = end < text_.size() ? text_[end] : ' ';
    if (static_cast<unsigned char>(next) >= 0x80 || next == '.' || next == '{') return false;
    add(Tok::kIdent, {start, end}, 0, text_.substr(start, end - start));
    i_ = end;
    return true;
  }

  std::optional<Error> identifier() {
    const std::size_t start = i_;
    std::string name;
    if (auto error = name_part(name)) return error;
    if (at('.') && i_ + 1 < text_.size() && is_ascii_letter(text_[i_ + 1])) {
      if (auto error = dotted(start, name)) return error;
    }
    if (auto lower = lower_case_function(name); !lower.empty()) name = std::string(lower);
    add(Tok::kIdent, {start, i_}, 0, name);
    return std::nullopt;
  }

  std::optional<Error> name_part(std::string& name) {
    bool in_subscript = false;
    while (i_ < text_.size()) {
      std::size_t j = i_;
      // x_{1}: an underscore before a brace starts a subscript group, read below
      while (j < text_.size() && is_name_char(text_[j])) {
        if (text_[j] == '_' && j + 1 < text_.size() && text_[j + 1] == '{') break;
        ++j;
      }
      if (j > i_) {
        name.append(text_.substr(i_, j - i_));
        i_ = j;
        in_subscript = false;
        continue;
      }
      if (text_[i_] == '_') {  // _{...}
        if (auto error = brace_subscript(name)) return error;
        in_subscript = false;
        continue;
      }
      if (static_cast<unsigned char>(text_[i_]) < 0x80) break;
      const unicode::CodePoint p = unicode::decode(text_, i_);
      if (unicode::is_greek_letter(p.cp)) {
        name.append(text_.substr(i_, p.len));
        in_subscript = false;
      } else if (const char sub = unicode::subscript_ascii(p.cp)) {
        if (!in_subscript) name += '_';
        name += sub;
        in_subscript = true;
      } else {
        break;
      }
      i_ += p.len;
    }
    return std::nullopt;
  }

  // x_{12} → x_12: the group may hold letters and digits only.
  std::optional<Error> brace_subscript(std::string& name) {
    const std::size_t open = i_ + 1;
    std::size_t j = open + 1;
    while (j < text_.size() && text_[j] != '}') ++j;
    const std::string_view inside = text_.substr(open + 1, j - open - 1);
    bool plain = !inside.empty() && j < text_.size();
    for (const char c : inside) plain = plain && (is_ascii_letter(c) || is_digit(c));
    if (!plain) {
      return Error{"a subscript in braces after '_' is part of a name and holds letters and digits, as in x_{1}",
                   {i_, j < text_.size() ? j + 1 : j}};
    }
    name += '_';
    name.append(inside);
    i_ = j + 1;
    return std::nullopt;
  }

  std::optional<Error> dotted(std::size_t start, std::string& name) {
    std::string prefix;
    while (at('.') && i_ + 1 < text_.size() && is_ascii_letter(text_[i_ + 1])) {
      prefix += (prefix.empty() ? "" : ".") + name;
      name.clear();
      ++i_;
      while (i_ < text_.size() && is_name_char(text_[i_])) name += text_[i_++];
    }
    if (is_dropped_prefix(prefix)) return std::nullopt;
    const std::string first = prefix.substr(0, prefix.find('.'));
    return Error{"'" + std::string(text_.substr(start, i_ - start)) + "' is not a name: write " + name +
                     "(…) for the function (only the prefixes np. numpy. math. torch. F. nn.functional. are "
                     "dropped), " + first + "*" + name + " for a product, or " + first + "_" + name + " for one name",
                 {start, i_}};
  }

  // --- braces and LaTeX ---------------------------------------------------------------------------
  struct Open {
    Frame frame;
    Span span;
  };

  std::optional<Error> open_brace(Frame frame) {
    frames_.push_back(Open{frame, {i_, i_ + 1}});
    push(frame == Frame::kBrace ? Tok::kLBrace : Tok::kLParen, 1);
    return std::nullopt;
  }

  std::optional<Error> close_brace() {
    if (frames_.empty()) {
      push(Tok::kRBrace, 1);
      return std::nullopt;
    }
    const Open open = frames_.back();
    frames_.pop_back();
    const Span here{i_, i_ + 1};
    switch (open.frame) {
      case Frame::kBrace: push(Tok::kRBrace, 1); return std::nullopt;
      case Frame::kGroup: push(Tok::kRParen, 1); return std::nullopt;
      case Frame::kFracDenominator:
        add(Tok::kRParen, here);
        push(Tok::kRParen, 1);
        return std::nullopt;
      case Frame::kFracNumerator:
        push(Tok::kRParen, 1);
        skip_spaces();
        if (!at('{')) return Error{"\\frac needs a second group in braces, as in \\frac{a}{b}", {open.span.start, i_}};
        add(Tok::kSlash, {i_, i_ + 1});
        return open_brace(Frame::kFracDenominator);
    }
    return std::nullopt;
  }

  std::optional<Error> latex_command() {
    const std::size_t start = i_++;
    if (i_ < text_.size() && is_ascii_letter(text_[i_])) {
      while (i_ < text_.size() && is_ascii_letter(text_[i_])) ++i_;
    } else if (i_ < text_.size()) {
      i_ += unicode::decode(text_, i_).len;
    }
    const std::string_view name = text_.substr(start + 1, i_ - start - 1);
    const Span span{start, i_};
    const latex::Command command = latex::command(name);
    switch (command.kind) {
      case latex::Kind::kUnknown:
        return Error{"unknown LaTeX command '\\" + std::string(name) + "': the supported ones are " +
                         std::string(latex::supported_list()), span};
      case latex::Kind::kSpace: return std::nullopt;
      case latex::Kind::kOperator: {
        const auto op = ascii_operator(command.text[0], command.text.size() > 1 ? command.text[1] : '\0');
        add(op->kind, span);
        return std::nullopt;
      }
      case latex::Kind::kName: case latex::Kind::kFunction: {
        std::string text(command.text);
        if (subscript_follows()) {  // \theta_1, \log_{2}: the subscript is part of the name
          if (auto error = name_part(text)) return error;
        }
        add(Tok::kIdent, {start, i_}, 0, text);
        const bool takes_group = command.kind == latex::Kind::kFunction && at('{');  // \sin{x}
        return takes_group ? open_brace(Frame::kGroup) : std::nullopt;
      }
      case latex::Kind::kFrac:
        if (text_.substr(i_, 5) == "{d}{d") {  // Leibniz's d/dx is an operator, not a quotient
          return Error{"\\frac{d}{dx} is not read: write the derivative as f'(x) after f(x) = …", span};
        }
        add(Tok::kLParen, span);
        skip_spaces();
        if (!at('{')) return Error{"\\frac needs two groups in braces, as in \\frac{a}{b}", span};
        return open_brace(Frame::kFracNumerator);
      case latex::Kind::kSqrt: return sqrt_command(span);
      case latex::Kind::kLeft: case latex::Kind::kRight: return delimiter(span);
      case latex::Kind::kBar: add(Tok::kBar, span); return std::nullopt;
      case latex::Kind::kLBrace: add(Tok::kLBrace, span); return std::nullopt;
      case latex::Kind::kRBrace: add(Tok::kRBrace, span); return std::nullopt;
      case latex::Kind::kOperatorName: return operator_name(span);
    }
    return std::nullopt;
  }

  bool subscript_follows() const {
    return at('_') || (i_ < text_.size() && unicode::subscript_ascii(unicode::decode(text_, i_).cp));
  }

  // \sqrt{x} is √(x); \sqrt[3]{x} is the root token with index 3.
  std::optional<Error> sqrt_command(Span span) {
    double index = 2;
    if (at('[')) {
      const std::size_t open = i_;
      while (i_ < text_.size() && text_[i_] != ']') ++i_;
      const std::string_view inside = text_.substr(open + 1, i_ - open - 1);
      bool whole = !inside.empty() && inside.size() < 4 && at(']');
      for (const char c : inside) whole = whole && is_digit(c);
      if (whole) index = std::atoi(std::string(inside).c_str());
      if (!whole || index < 2) {
        return Error{"\\sqrt[n] takes a whole number n of at least 2, as in \\sqrt[3]{x}",
                     {span.start, at(']') ? i_ + 1 : i_}};
      }
      ++i_;
      span.end = i_;
    }
    add(index == 2 ? Tok::kSqrt : Tok::kRoot, span, index == 2 ? 0 : index);
    skip_spaces();
    return at('{') ? open_brace(Frame::kGroup) : std::nullopt;
  }

  // \left( \right) \left[ \right] \left| \right| \left\{ \right\} \left. : the delimiter as its token.
  std::optional<Error> delimiter(Span span) {
    skip_spaces();
    const char c = i_ < text_.size() ? text_[i_] : '\0';
    const char after = i_ + 1 < text_.size() ? text_[i_ + 1] : '\0';
    std::optional<Tok> kind;
    std::size_t len = 1;
    if (c == '(' || c == '[') kind = Tok::kLParen;
    if (c == ')' || c == ']') kind = Tok::kRParen;
    if (c == '|') kind = Tok::kBar;
    if (c == '\\' && (after == '{' || after == '}')) {
      kind = after == '{' ? Tok::kLBrace : Tok::kRBrace;
      len = 2;
    }
    if (c == '\\' && text_.substr(i_, 5) == "\\vert") kind = Tok::kBar, len = 5;
    if (c == '\\' && (text_.substr(i_, 6) == "\\lvert" || text_.substr(i_, 6) == "\\rvert")) {
      kind = Tok::kBar, len = 6;
    }
    if (c == '.') {  // an invisible delimiter
      ++i_;
      return std::nullopt;
    }
    if (!kind) return Error{"\\left and \\right need a delimiter after them: ( ) [ ] | or \\{ \\}", span};
    add(*kind, {span.start, i_ + len});
    i_ += len;
    return std::nullopt;
  }

  // \operatorname{relu} is the name relu.
  std::optional<Error> operator_name(Span span) {
    std::size_t j = i_ + 1;
    while (j < text_.size() && is_name_char(text_[j])) ++j;
    if (!at('{') || j >= text_.size() || text_[j] != '}' || j == i_ + 1) {
      return Error{"\\operatorname needs a name in braces, as in \\operatorname{relu}", span};
    }
    std::string name(text_.substr(i_ + 1, j - i_ - 1));
    if (auto lower = lower_case_function(name); !lower.empty()) name = std::string(lower);
    i_ = j + 1;
    add(Tok::kIdent, {span.start, i_}, 0, name);
    return std::nullopt;
  }

  // --- Unicode ------------------------------------------------------------------------------------
  std::optional<Error> unicode() {
    const unicode::CodePoint p = unicode::decode(text_, i_);
    switch (p.cp) {
      case 0x221A: push(Tok::kSqrt, p.len); return std::nullopt;     // √
      case 0x221B: push(Tok::kRoot, p.len, 3); return std::nullopt;  // ∛
      case 0x221C: push(Tok::kRoot, p.len, 4); return std::nullopt;  // ∜
      case 0x03C0:                                                   // π is the name pi
        add(Tok::kIdent, {i_, i_ + p.len}, 0, "pi");
        i_ += p.len;
        return std::nullopt;
      default: break;
    }
    if (unicode::is_greek_letter(p.cp)) return identifier();
    if (unicode::superscript_ascii(p.cp)) return superscript();
    if (unicode::subscript_ascii(p.cp)) {
      return Error{"a subscript needs a name before it, as in x₁", {i_, i_ + p.len}};
    }
    if (unicode::vulgar_fraction(p.cp).denominator != 0) return fraction(p);
    if (p.cp < 0) return Error{"this is not valid UTF-8 text", {i_, i_ + 1}};
    if (p.cp == 0) return Error{"unexpected NUL character", {i_, i_ + 1}};
    const std::string code = p.cp < 0x80 ? "" : " (" + unicode::describe_code_point(p.cp) + ")";
    return Error{"unexpected character '" + std::string(text_.substr(i_, p.len)) + "'" + code + hint(p.cp),
                 {i_, i_ + p.len}};
  }

  static std::string hint(long cp) {
    switch (cp) {
      case 0x230A: case 0x230B: return ": write floor(x)";
      case 0x2308: case 0x2309: return ": write ceil(x)";
      case 0x00B1: return ": write + or -";
      case 0x00B0: return ": angles are in radians, so write 90° as pi/2";
      case 0x2018: case 0x201C: case 0x201D: case '"': case '`': return ": quotes are not read";
      default: return "";
    }
  }

  // x², x⁻¹: a signed run of superscript digits is one integer exponent token. Any other run (e⁻ˣ, xⁿ⁻¹,
  // 2⁽ˣ⁺¹⁾) reads as ^( … ) around the run read as plain text.
  std::optional<Error> superscript() {
    const std::size_t start = i_;
    std::string plain;
    std::vector<Span> spans;
    while (i_ < text_.size()) {
      const unicode::CodePoint p = unicode::decode(text_, i_);
      const char c = unicode::superscript_ascii(p.cp);
      if (!c) break;
      plain += c;
      spans.push_back({i_, i_ + p.len});
      i_ += p.len;
    }
    const std::size_t first_digit = plain[0] == '-' || plain[0] == '+' ? 1 : 0;
    if (plain.find_first_not_of("0123456789", first_digit) == std::string::npos) {
      if (first_digit == plain.size()) {
        return Error{"a superscript sign needs superscript digits after it, as in x⁻¹", {start, i_}};
      }
      add(Tok::kSuperscript, {start, i_}, std::strtod(plain.c_str(), nullptr));
      return std::nullopt;
    }
    auto inner = Lexer(plain).run();
    auto original = [&](Span s) {
      return s.start >= s.end ? Span{i_, i_} : Span{spans[s.start].start, spans[s.end - 1].end};
    };
    if (!inner) return Error{inner.error().message, original(inner.error().span)};
    add(Tok::kCaret, {start, i_});
    add(Tok::kLParen, {start, i_});
    for (auto& token : *inner) {
      if (token.kind == Tok::kEnd) break;
      if (token.kind == Tok::kIdent && token.name.find_first_of("0123456789") != std::string::npos) {
        return Error{"a superscript run mixes a name and digits: write the exponent with ^, as in e^(x^2)",
                     original(token.span)};
      }
      token.span = original(token.span);
      tokens_.push_back(std::move(token));
    }
    add(Tok::kRParen, {start, i_});
    return std::nullopt;
  }

  // ½ reads as (1/2). Right after a value it is refused: 2½ is 2.5 in a recipe but 2·½ in algebra.
  std::optional<Error> fraction(unicode::CodePoint p) {
    const Span span{i_, i_ + p.len};
    if (!tokens_.empty()) {
      const Tok prev = tokens_.back().kind;
      if (prev == Tok::kNumber || prev == Tok::kIdent || prev == Tok::kRParen || prev == Tok::kSuperscript) {
        return Error{"a fraction such as '" + std::string(text_.substr(i_, p.len)) +
                         "' right after a value is ambiguous (2½ is 2.5 in a recipe, 2·½ in algebra): "
                         "write 2.5, 2 + 1/2 or 2*½",
                     span};
      }
    }
    const unicode::Fraction f = unicode::vulgar_fraction(p.cp);
    add(Tok::kLParen, span);
    add(Tok::kNumber, span, f.numerator);
    add(Tok::kSlash, span);
    add(Tok::kNumber, span, f.denominator);
    add(Tok::kRParen, span);
    i_ += p.len;
    return std::nullopt;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::vector<Token> tokens_;
  std::vector<Open> frames_;
};

}  // namespace

Expected<std::vector<Token>> lex(std::string_view text) {
  if (is_plain_ascii(text)) return Lexer(text).run();
  const Normalized normalized = normalize(text);
  auto tokens = Lexer(normalized.text).run();
  if (!tokens) return Error{tokens.error().message, normalized.original(tokens.error().span)};
  for (auto& token : *tokens) token.span = normalized.original(token.span);
  return tokens;
}

std::string describe(const Token& token, std::string_view text) {
  const std::string written(text.substr(token.span.start, token.span.end - token.span.start));
  switch (token.kind) {
    case Tok::kEnd: return "the end of the input";
    case Tok::kSeparator: return text[token.span.start] == ';' ? "';'" : "the end of the line";
    case Tok::kNumber: return "the number " + written;
    case Tok::kIdent: return "the name '" + written + "'";
    default: return "'" + written + "'";
  }
}

}  // namespace bp::expr
