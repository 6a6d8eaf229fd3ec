// The notation learners bring (docs/expression-language.md, "Notation learners bring"): Python, Desmos,
// LaTeX and Unicode forms read as the plain language, and the ones refused with a span and a fix.
#include <doctest/doctest.h>

#include <cmath>

#include "expr/lexer.hpp"
#include "expr/unicode_forms.hpp"
#include "helpers.hpp"

using namespace bp::expr;
using bp::test::error_of;
using bp::test::reading;
using bp::test::spanned;
using bp::test::value;

namespace {

std::vector<Token> tokens(std::string_view text) {
  auto result = lex(text);
  REQUIRE_MESSAGE(result.ok(), text << ": " << (result.ok() ? "" : result.error().message));
  return *result;
}

std::vector<Tok> kinds(std::string_view text) {
  std::vector<Tok> out;
  for (const auto& token : tokens(text)) out.push_back(token.kind);
  return out;
}

Error lex_error(std::string_view text) {
  auto result = lex(text);
  REQUIRE_MESSAGE(!result.ok(), text << " was expected to fail");
  return result.error();
}

std::string covered(std::string_view text, Span span) {
  return std::string(text.substr(span.start, span.end - span.start));
}

bool mentions(const Error& error, std::string_view words) {
  return error.message.find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("Python's ** is ^: micrograd's 3*x**2 - 4*x + 5 is 3.75 at x = 0.5 and 20 at x = 3") {
  // By hand: 3*0.25 - 2 + 5 = 3.75; 27 - 12 + 5 = 20 (micrograd's lecture prints f(3.0) = 20.0).
  CHECK(value("3*x**2 - 4*x + 5", {{"x", 0.5}}) == 3.75);
  CHECK(value("3*x**2 - 4*x + 5", {{"x", 3}}) == 20);
  CHECK(reading("(y - yhat)**2") == "(y - yhat)^2");
  CHECK(value("2**3**2") == 512);  // right-associative like ^: 2^9
  CHECK(reading("-x**2") == "-(x^2)");
  const auto t = tokens("x**2");
  CHECK(t[1].kind == Tok::kCaret);
  CHECK(covered("x**2", t[1].span) == "**");
}

TEST_CASE("# starts a comment that runs to the end of the line") {
  CHECK(value("x + 1  # one more", {{"x", 2}}) == 3);
  CHECK(value("w = 3  # the weight\nw*x", {{"x", 2}}) == 6);
  CHECK(value("# a whole line\n2*x", {{"x", 4}}) == 8);
}

TEST_CASE("_ separates digits in numbers as in Python, and a misplaced _ is an error at the underscore") {
  CHECK(value("1_000") == 1000);
  CHECK(value("1_000.000_5") == 1000.0005);
  CHECK(value("2e1_0") == 2e10);
  for (std::string text : {"1__0", "1_", "1_x", "1._5"}) {
    const Error e = lex_error(text);
    CHECK(covered(text, e.span) == "_");
    CHECK(mentions(e, "between two digits"));
  }
}

TEST_CASE("the module prefixes np. numpy. math. torch. F. nn.functional. are dropped before a name") {
  CHECK(reading("np.exp(x)") == "exp(x)");
  CHECK(reading("numpy.log(x) + math.sin(x)") == "log(x) + sin(x)");
  CHECK(reading("torch.tanh(z)") == "tanh(z)");
  CHECK(reading("F.relu(z)") == "relu(z)");
  CHECK(reading("nn.functional.relu(z) * torch.nn.functional.relu(z)") == "relu(z)*relu(z)");
  CHECK(value("np.pi") == doctest::Approx(3.141592653589793).epsilon(1e-15));
  const auto t = tokens("np.exp(x)");
  CHECK(t[0].name == "exp");
  CHECK(covered("np.exp(x)", t[0].span) == "np.exp");  // the span is what the learner typed
}

TEST_CASE("any other dotted name is an error that says what to write") {
  const std::string text = "2*a.b";
  const Error e = lex_error(text);
  CHECK(covered(text, e.span) == "a.b");
  CHECK(mentions(e, "a*b"));
  CHECK(mentions(e, "a_b"));
  CHECK(mentions(lex_error("jnp.exp(x)"), "write exp(…)"));
}

TEST_CASE("PyTorch's capitalised module names read as their functions; other capitals stay names") {
  CHECK(reading("ReLU(x)") == "relu(x)");
  CHECK(reading("Sigmoid(x) + Tanh(x)") == "sigmoid(x) + tanh(x)");
  CHECK(tokens("Softplus")[0].name == "softplus");
  CHECK(tokens("LeakyReLU")[0].name == "leaky_relu");
  CHECK(tokens("Sin")[0].name == "Sin");
  CHECK(tokens("W")[0].name == "W");
}

TEST_CASE("σ stays the name σ for the parser to read as sigmoid or as a given value") {
  CHECK(tokens("σ(x)")[0].name == "σ");
  CHECK(tokens("\\sigma")[0].name == "σ");
}

TEST_CASE("braces: x_{1} is the name x_1, x^{2} groups, and other braces are brace tokens") {
  CHECK(tokens("x_{1}")[0].name == "x_1");
  CHECK(tokens("w_{12}")[0].name == "w_12");
  CHECK(reading("x^{2}") == "x^2");
  CHECK(reading("e^{-x^2}") == "e^(-(x^2))");
  CHECK(value("2^{1+2}") == 8);
  CHECK(kinds("{x > 0: x, 0}") == std::vector<Tok>{Tok::kLBrace, Tok::kIdent, Tok::kGreater, Tok::kNumber,
                                                   Tok::kColon, Tok::kIdent, Tok::kComma, Tok::kNumber,
                                                   Tok::kRBrace, Tok::kEnd});
  const std::string text = "x_{a+1}";
  CHECK(covered(text, lex_error(text).span) == "_{a+1}");
  CHECK(mentions(lex_error("x^{2"), "never closed"));
}

TEST_CASE("comparison, bar and prime tokens in ASCII and Unicode") {
  CHECK(kinds("a<b<=c>d>=e==f!=g") ==
        std::vector<Tok>{Tok::kIdent, Tok::kLess, Tok::kIdent, Tok::kLessEq, Tok::kIdent, Tok::kGreater, Tok::kIdent,
                         Tok::kGreaterEq, Tok::kIdent, Tok::kEqEq, Tok::kIdent, Tok::kNotEq, Tok::kIdent, Tok::kEnd});
  CHECK(kinds("a≤b≥c≠d") == std::vector<Tok>{Tok::kIdent, Tok::kLessEq, Tok::kIdent, Tok::kGreaterEq, Tok::kIdent,
                                              Tok::kNotEq, Tok::kIdent, Tok::kEnd});
  const std::string text = "a≤b";
  CHECK(covered(text, tokens(text)[1].span) == "≤");
  CHECK(kinds("|x|") == std::vector<Tok>{Tok::kBar, Tok::kIdent, Tok::kBar, Tok::kEnd});
  for (std::string prime : {"f'(x)", "f′(x)", "f’(x)"}) CHECK(tokens(prime)[1].kind == Tok::kPrime);
  CHECK(kinds("f″") == std::vector<Tok>{Tok::kIdent, Tok::kPrime, Tok::kPrime, Tok::kEnd});
  CHECK(mentions(lex_error("x!"), "factorial"));
}

TEST_CASE("subscript digits and letters name variables: x₁ is x_1, spanning the bytes typed") {
  const std::string text = "x₁ + x_1";
  const auto t = tokens(text);
  CHECK(t[0].name == "x_1");
  CHECK(covered(text, t[0].span) == "x₁");
  CHECK(value(text, {{"x_1", 3}}) == 6);
  CHECK(tokens("w₁₂")[0].name == "w_12");
  CHECK(tokens("xᵢ")[0].name == "x_i");
  CHECK(tokens("log₂")[0].name == "log_2");
  CHECK(mentions(lex_error("₁"), "needs a name before it"));
}

TEST_CASE("en and em dashes are minus signs, also at the start of the input") {
  CHECK(value("2 – x", {{"x", 0.5}}) == 1.5);
  CHECK(value("2—x", {{"x", 0.5}}) == 1.5);
  CHECK(reading("– x") == "-x");  // at the start a dash is a negative sign, as − would be
  const std::string text = "a – b";
  CHECK(covered(text, tokens(text)[1].span) == "–");
}

TEST_CASE("∙ • ∗ ⋅ · × multiply, ÷ ∕ divide") {
  CHECK(value("2∙3•4∗5⋅6·7×8") == 40320);
  CHECK(value("12÷3∕2") == 2);
}

TEST_CASE("the micro sign is the Greek letter mu") {
  CHECK(tokens("µ")[0].name == "μ");
  CHECK(tokens("μ")[0].name == "μ");
}

TEST_CASE("vulgar fractions are numbers, and a fraction right after a value is refused") {
  CHECK(value("½x", {{"x", 4}}) == 2);
  CHECK(value("⅓ + ⅔") == doctest::Approx(1.0).epsilon(1e-15));
  CHECK(value("x^¼", {{"x", 16}}) == 2);
  CHECK(reading("¾") == "3/4");
  for (std::string text : {"2½", "x½", "(x+1)¾"}) {
    const Error e = lex_error(text);
    CHECK(e.message.find("2.5") != std::string::npos);
    CHECK(text.substr(e.span.start, e.span.end - e.span.start).size() == 2);  // the fraction's 2 bytes
  }
}

TEST_CASE("∛ and ∜ take the root of the following factor, like √; \\sqrt[n] too") {
  CHECK(value("∛27") == doctest::Approx(3).epsilon(1e-15));
  CHECK(value("∛-8") == doctest::Approx(-2).epsilon(1e-15));  // the real cube root keeps the sign
  CHECK(value("∜16") == 2);
  CHECK(value("∛8x", {{"x", 5}}) == doctest::Approx(10).epsilon(1e-15));  // (∛8)·x, as √4x is (√4)·x
  CHECK(std::isnan(value("∜(-16)")));
  CHECK(value("\\sqrt[3]{x}", {{"x", 64}}) == doctest::Approx(4).epsilon(1e-15));
  // d/dx ∛x = 1/(3 x^(2/3)) = 1/12 at x = 8 (by hand)
  auto g = gradient("∛x", {{"x", 8}});
  REQUIRE(g.ok());
  CHECK(bp::test::grad_of(*g, "x") == doctest::Approx(1.0 / 12).epsilon(1e-15));
  CHECK(reading("∛x") == reading("cbrt(x)"));
  CHECK(tokens("∛x")[0].kind == Tok::kRoot);
  CHECK(tokens("∛x")[0].number == 3);
  CHECK(mentions(lex_error("\\sqrt[x]{2}"), "whole number"));
}

TEST_CASE("a superscript run of letters and signs is an exponent group: e⁻ˣ is e^(-x)") {
  CHECK(reading("e⁻ˣ") == "e^(-x)");
  // mpmath.exp(-1) = 0.36787944117144233
  CHECK(value("e⁻ˣ", {{"x", 1}}) == doctest::Approx(0.36787944117144233).epsilon(1e-15));
  CHECK(value("xⁿ", {{"x", 2}, {"n", 3}}) == 8);
  CHECK(value("2ˣ⁺¹", {{"x", 2}}) == 8);
  CHECK(value("xⁿ⁻¹", {{"x", 2}, {"n", 3}}) == 4);
  CHECK(tokens("x⁻¹")[1].kind == Tok::kSuperscript);  // digits alone stay one integer exponent
  const std::string text = "eˣ²";
  CHECK(covered(text, lex_error(text).span) == "ˣ²");
}

TEST_CASE("mathematical italic, bold and script letters are plain letters") {
  CHECK(reading("𝑥^2 + 𝐲") == "(x^2) + y");
  CHECK(tokens("𝓏")[0].name == "z");
  CHECK(tokens("ℎ")[0].name == "h");  // the italic h lives in Letterlike Symbols
  CHECK(tokens("𝜃")[0].name == "θ");
  CHECK(value("𝟐𝑥", {{"x", 3}}) == 6);
  // Python: unicodedata.normalize("NFKC", chr(0x1D465)) == "x"; ... chr(0x1D7D0) == "2"
  CHECK(unicode::plain_form(0x1D465) == 'x');
  CHECK(unicode::plain_form(0x1D400) == 'A');
  CHECK(unicode::plain_form(0x1D7D0) == '2');
  CHECK(unicode::plain_form(0x1D70B) == 0x03C0);  // 𝜋 is π
}

TEST_CASE("fullwidth forms are ASCII") {
  CHECK(reading("ｘ＋１") == "x + 1");
  CHECK(value("（２＊３）") == 6);
}

TEST_CASE("zero-width and other invisible characters are ignored, unusual spaces are spaces") {
  CHECK(reading("x\u200B+\uFEFF1\u00AD") == "x + 1");
  CHECK(tokens("w\u200Dx")[0].name == "wx");  // as if the invisible character were not there
  CHECK(value("2\u2009x", {{"x", 3}}) == 6);  // thin space
  CHECK(value("2\u00A0x", {{"x", 3}}) == 6);  // no-break space
  CHECK(value("2\u200Ax\u202F+\u30001", {{"x", 3}}) == 7);  // hair, narrow no-break, ideographic
  const std::string text = "\u200Bab";
  CHECK(covered(text, tokens(text)[0].span) == "ab");
}

TEST_CASE("a LaTeX subset reads as the plain language") {
  CHECK(value("\\frac{1}{2}") == 0.5);
  CHECK(reading("\\frac{x+1}{x-1}") == "(x + 1)/(x - 1)");
  CHECK(value("\\dfrac{\\frac{1}{2}}{4}") == 0.125);
  CHECK(value("\\sqrt{x}", {{"x", 9}}) == 3);
  CHECK(reading("\\sin(x)\\cdot\\cos{x}") == "sin(x)*cos(x)");
  CHECK(value("2\\times 3") == 6);
  CHECK(value("\\left(x+1\\right)^{2}", {{"x", 1}}) == 4);
  CHECK(value("\\pi") == doctest::Approx(3.141592653589793).epsilon(1e-15));
  CHECK(reading("\\ln(x) + \\exp(x) + \\tanh(x)") == "(log(x) + exp(x)) + tanh(x)");
  CHECK(tokens("\\alpha")[0].name == "α");
  CHECK(tokens("\\theta_1")[0].name == "θ_1");
  CHECK(reading("x\\,y\\;z\\!w\\ v") == "(((x*y)*z)*w)*v");
  CHECK(kinds("\\left|x\\right|") == std::vector<Tok>{Tok::kBar, Tok::kIdent, Tok::kBar, Tok::kEnd});
  CHECK(tokens("\\operatorname{ReLU}")[0].name == "relu");
  // Desmos writes a piecewise definition as \left\{x>0:x,0\right\}
  CHECK(kinds("\\left\\{x\\ge 0:x,0\\right\\}") ==
        std::vector<Tok>{Tok::kLBrace, Tok::kIdent, Tok::kGreaterEq, Tok::kNumber, Tok::kColon, Tok::kIdent,
                         Tok::kComma, Tok::kNumber, Tok::kRBrace, Tok::kEnd});
}

TEST_CASE("a LaTeX name takes a subscript after _ but no digits or letters after it") {
  CHECK(tokens("\\log_{2}(x)")[0].name == "log_2");
  CHECK(tokens("\\theta_1")[0].name == "θ_1");
  CHECK(kinds("\\sin2x") == std::vector<Tok>{Tok::kIdent, Tok::kNumber, Tok::kIdent, Tok::kEnd});
  CHECK(kinds("\\alpha x") == std::vector<Tok>{Tok::kIdent, Tok::kIdent, Tok::kEnd});
}

TEST_CASE("Leibniz's \\frac{d}{dx} is refused rather than read as the quotient of two names") {
  const std::string text = "\\frac{d}{dx}x^2";
  const Error e = lex_error(text);
  CHECK(covered(text, e.span) == "\\frac");
  CHECK(mentions(e, "f'(x)"));
}

TEST_CASE("an unknown LaTeX command is an error naming it and what is supported") {
  const std::string text = "2\\infty";
  const Error e = lex_error(text);
  CHECK(covered(text, e.span) == "\\infty");
  CHECK(mentions(e, "'\\infty'"));
  CHECK(mentions(e, "\\frac{a}{b}"));
  CHECK(mentions(lex_error("\\frac12"), "\\frac{a}{b}"));
  CHECK(mentions(lex_error("\\frac{1}"), "second group"));
}

TEST_CASE("a refused character is named by its code point and Unicode name, at its bytes") {
  const std::string text = "x ± 1";
  const Error e = lex_error(text);
  CHECK(covered(text, e.span) == "±");
  CHECK(mentions(e, "U+00B1 PLUS-MINUS SIGN"));
  CHECK(mentions(lex_error("∞"), "U+221E INFINITY"));
  CHECK(mentions(lex_error("⌊x⌋"), "floor(x)"));
  CHECK(mentions(lex_error("☃"), "U+2603"));  // no name in our table: the code point alone
  CHECK(unicode::describe_code_point(0x2009) == "U+2009 THIN SPACE");
  CHECK(mentions(lex_error("7 // 2"), "floor(a/b)"));
  CHECK(mentions(lex_error("a[0]"), "( )"));
}

TEST_CASE("spans point into the original text across every rewrite") {
  const std::string text = "𝑥 + ½ — \\frac{1}{2}";
  const auto t = tokens(text);
  CHECK(covered(text, t[0].span) == "𝑥");
  CHECK(covered(text, t[1].span) == "+");
  CHECK(covered(text, t[2].span) == "½");
  CHECK(covered(text, t[7].span) == "—");
  CHECK(covered(text, t[8].span) == "\\frac");
  CHECK(t.back().span.start == text.size());
}
