// Reading a typed number: decimals and powers of ten by hand (so "10^-6" is exactly the double the
// literal 1e-6 is, as a learner comparing with Python expects), anything else by the engine.
#include "widgets/number_text.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "expr/engine.hpp"
#include "expr/printer.hpp"

namespace bp::app {

namespace {

std::string_view trimmed(std::string_view t) {
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  return t;
}

// Superscript digits and minus, and the typographic minus, as ASCII: "10⁻⁶" → "10^-6", "−2" → "-2".
std::string ascii_of(std::string_view t) {
  static const char* kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  bool in_exponent = false;
  for (std::size_t i = 0; i < t.size();) {
    const std::string_view rest = t.substr(i);
    bool matched = false;
    for (int d = 0; d < 10 && !matched; ++d) {
      const std::string_view s = kSuperscripts[d];
      if (rest.substr(0, s.size()) == s) {
        if (!in_exponent) out += '^';
        out += static_cast<char>('0' + d), i += s.size(), matched = in_exponent = true;
      }
    }
    if (matched) continue;
    in_exponent = false;
    if (rest.substr(0, 3) == "⁻") {
      out += "^-", i += 3, in_exponent = true;
    } else if (rest.substr(0, 3) == "−") {
      out += '-', i += 3;
    } else if (rest.substr(0, 2) == "·" || rest.substr(0, 2) == "×") {
      out += '*', i += 2;
    } else {
      out += t[i++];
    }
  }
  return out;
}

// "10^-6", "10**(-6)" → the decimal "1e-6", which strtod reads exactly; empty when not that shape.
std::string power_of_ten(std::string_view t) {
  if (t.substr(0, 2) != "10") return "";
  t.remove_prefix(2);
  t = trimmed(t);
  if (t.substr(0, 2) == "**") {
    t.remove_prefix(2);
  } else if (t.substr(0, 1) == "^") {
    t.remove_prefix(1);
  } else {
    return "";
  }
  t = trimmed(t);
  const bool parenthesised = !t.empty() && t.front() == '(' && t.back() == ')';
  if (parenthesised) t = trimmed(t.substr(1, t.size() - 2));
  std::string exponent = "1e";
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) exponent += t.front(), t.remove_prefix(1);
  if (t.empty() || t.size() > 4) return "";
  for (char c : t) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  }
  return exponent + std::string(t);
}

expr::Expected<double> checked(double v, const NumberLimits& limits, std::size_t length) {
  const expr::Span all{0, length};
  if (std::isnan(v)) return expr::Error{"not a number", all};
  if (limits.positive && !(v > 0)) return expr::Error{"must be greater than 0", all};
  if (v < limits.min || v > limits.max) {
    return expr::Error{"must be between " + number_text(limits.min) + " and " + number_text(limits.max), all};
  }
  return v;
}

}  // namespace

expr::Expected<double> parse_number(std::string_view typed, const NumberLimits& limits) {
  const std::string text = ascii_of(trimmed(typed));
  if (text.empty()) return expr::Error{"type a number, such as 1e-6, 0.001 or 10^-6", {0, typed.size()}};
  const std::string decimal = power_of_ten(text);
  const std::string& plain = decimal.empty() ? text : decimal;
  char* end = nullptr;
  const double v = std::strtod(plain.c_str(), &end);
  const bool is_hex_or_word = plain.find_first_of("xXnN") != std::string::npos;  // strtod reads 0x1p3, nan, inf
  if (end && *end == '\0' && end != plain.c_str() && !is_hex_or_word) return checked(v, limits, typed.size());
  auto program = expr::compile(text, {});
  if (!program) return expr::Error{"not a number: " + program.error().message, {0, typed.size()}};
  for (const expr::Input& input : program->inputs) {
    if (!input.default_value) return expr::Error{"not a number: " + input.name + " has no value here", {0, typed.size()}};
  }
  auto value = expr::evaluate(*program, {});
  if (!value) return expr::Error{"not a number: " + value.error().message, {0, typed.size()}};
  return checked(*value, limits, typed.size());
}

std::string number_text(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "∞" : "−∞";
  std::string text = expr::format_number(value);
  const std::size_t e = text.find('e');
  if (e != std::string::npos) {  // "1e-06" → "1e-6", "1e+20" → "1e20"
    std::size_t digits = e + 1;
    if (text[digits] == '+') text.erase(digits, 1);
    if (text[digits] == '-') ++digits;
    while (digits + 1 < text.size() && text[digits] == '0') text.erase(digits, 1);
  }
  return text;
}

}  // namespace bp::app
