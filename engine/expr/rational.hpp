// Exact rational numbers on 64-bit integers for the derivative's normal form. Every operation says
// when it cannot be exact (overflow, division by zero) by returning nothing; the caller then keeps
// the plain simplified text instead of a wrong number.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <optional>
#include <string>

namespace bp::expr {

struct Rational {
  std::int64_t num = 0;
  std::int64_t den = 1;  // > 0, and gcd(num, den) = 1

  bool is_zero() const { return num == 0; }
  bool is_integer() const { return den == 1; }
  bool is(std::int64_t n) const { return num == n && den == 1; }
  double to_double() const { return static_cast<double>(num) / static_cast<double>(den); }
  friend bool operator==(const Rational& a, const Rational& b) { return a.num == b.num && a.den == b.den; }
  friend bool operator!=(const Rational& a, const Rational& b) { return !(a == b); }
};

namespace rational {

inline std::int64_t gcd(std::int64_t a, std::int64_t b) {
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  while (b != 0) {
    const std::int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// n/d in lowest terms; nothing when d = 0 or a value does not fit.
inline std::optional<Rational> make(std::int64_t n, std::int64_t d) {
  if (d == 0 || n == INT64_MIN || d == INT64_MIN) return std::nullopt;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const std::int64_t g = gcd(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  return Rational{n, d};
}

inline std::optional<Rational> mul(Rational a, Rational b) {
  const std::int64_t g1 = gcd(a.num, b.den), g2 = gcd(b.num, a.den);  // cross-cancel first: fewer overflows
  std::int64_t n, d;
  if (g1 > 1) { a.num /= g1; b.den /= g1; }
  if (g2 > 1) { b.num /= g2; a.den /= g2; }
  if (__builtin_mul_overflow(a.num, b.num, &n) || __builtin_mul_overflow(a.den, b.den, &d)) return std::nullopt;
  return make(n, d);
}

inline std::optional<Rational> add(Rational a, Rational b) {
  const std::int64_t g = gcd(a.den, b.den);
  std::int64_t x, y, n, d;
  if (__builtin_mul_overflow(a.num, b.den / g, &x) || __builtin_mul_overflow(b.num, a.den / g, &y) ||
      __builtin_add_overflow(x, y, &n) || __builtin_mul_overflow(a.den / g, b.den, &d)) {
    return std::nullopt;
  }
  return make(n, d);
}

inline std::optional<Rational> inverse(Rational a) { return make(a.den, a.num); }

// a^n for an integer n (a^0 = 1); nothing for 0^-n or on overflow.
inline std::optional<Rational> pow(Rational a, std::int64_t n) {
  if (n < 0) {
    auto inv = inverse(a);
    if (!inv || n == INT64_MIN) return std::nullopt;
    a = *inv;
    n = -n;
  }
  if (a.num == 0 || a.is(1)) return n == 0 ? Rational{1, 1} : a;
  if (a.is(-1)) return Rational{n % 2 == 0 ? 1 : -1, 1};
  Rational result{1, 1};  // by squaring: |a| >= 2 or a fraction overflows within 63 steps
  while (n > 0) {
    if (n & 1) {
      auto next = mul(result, a);
      if (!next) return std::nullopt;
      result = *next;
    }
    n >>= 1;
    if (n > 0) {
      auto square = mul(a, a);
      if (!square) return std::nullopt;
      a = *square;
    }
  }
  return result;
}

// The integer r with r^q = n exactly (n >= 0), if there is one.
inline std::optional<std::int64_t> exact_root(std::int64_t n, std::int64_t q) {
  if (n < 0 || q < 1 || q > 62) return std::nullopt;
  const double guess = std::pow(static_cast<double>(n), 1.0 / static_cast<double>(q));
  for (auto r = static_cast<std::int64_t>(guess) - 1; r <= static_cast<std::int64_t>(guess) + 1; ++r) {
    if (r < 0) continue;
    auto p = pow(Rational{r, 1}, q);
    if (p && p->num == n) return r;
  }
  return std::nullopt;
}

// The rational a decimal literal means: 0.1 is 1/10, not the double nearest to it. Nothing when the
// shortest decimal that reads back as v needs more than 18 digits or an exponent beyond 10^18.
inline std::optional<Rational> from_double(double v) {
  if (!std::isfinite(v)) return std::nullopt;
  if (v == std::floor(v) && std::fabs(v) < 1e18) return Rational{static_cast<std::int64_t>(v), 1};
  char text[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*e", digits - 1, v);
    if (std::strtod(text, nullptr) == v) break;
  }
  // text is "-d.ddde±XX": mantissa digits without the dot, then the decimal exponent.
  std::int64_t mantissa = 0;
  int exponent = 0, fraction_digits = 0;
  bool after_dot = false, negative = false;
  const char* p = text;
  if (*p == '-') { negative = true; ++p; }
  for (; *p != 'e'; ++p) {
    if (*p == '.') { after_dot = true; continue; }
    mantissa = mantissa * 10 + (*p - '0');
    if (after_dot) ++fraction_digits;
  }
  exponent = std::atoi(p + 1) - fraction_digits;
  while (mantissa != 0 && mantissa % 10 == 0) { mantissa /= 10; ++exponent; }
  if (exponent > 18 || exponent < -18) return std::nullopt;
  std::int64_t scale = 1;
  for (int i = 0; i < (exponent < 0 ? -exponent : exponent); ++i) scale *= 10;
  if (negative) mantissa = -mantissa;
  if (exponent >= 0) {
    std::int64_t n;
    if (__builtin_mul_overflow(mantissa, scale, &n)) return std::nullopt;
    return Rational{n, 1};
  }
  return make(mantissa, scale);
}

}  // namespace rational
}  // namespace bp::expr
