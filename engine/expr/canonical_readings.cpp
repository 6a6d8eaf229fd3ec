// The normal form's other readings: a common factor taken out, one denominator, the square identities
// of sin/cos and sinh/cosh. Each builds a new expression in the same pool; printing picks among them.
#include "expr/canonical_readings.hpp"

#include <algorithm>
#include <map>

namespace bp::expr::canonical {

namespace {

bool is_sum_of_terms(const Pool& pool, Id id) {
  return pool[id].kind == Kind::kSum && pool[id].terms.size() > 1;
}

// A sum written as common × rest: 2b + 2wx - 2y = 2(wx + b - y), 3x^2 + 2x = x(3x + 2). The common
// factor takes the gcd of the coefficients and each base's smallest whole positive power.
bool split_common(Pool& pool, Id sum, Term& common, Id& rest) {
  if (!is_sum_of_terms(pool, sum)) return false;
  std::vector<Term> terms = pool[sum].terms;
  std::int64_t g = 0, l = 1;
  std::size_t negatives = 0;
  for (const Term& t : terms) {
    g = rational::gcd(g, t.coeff.num);
    l = l / rational::gcd(l, t.coeff.den);
    if (__builtin_mul_overflow(l, t.coeff.den, &l)) return false;
    negatives += t.coeff.num < 0;
  }
  auto c = rational::make(2 * negatives > terms.size() ? -g : g, l);
  if (!c) return false;
  common = Term{*c, {}};
  for (const Factor& f : terms[0].factors) {
    const Rational* r = pool.as_rational(f.exponent);
    if (!r || !r->is_integer() || r->num <= 0) continue;
    std::int64_t k = r->num;
    for (const Term& t : terms) {
      std::int64_t here = 0;
      for (const Factor& h : t.factors) {
        const Rational* rh = pool.as_rational(h.exponent);
        if (h.base == f.base && rh && rh->is_integer() && rh->num > 0) here = rh->num;
      }
      k = std::min(k, here);
    }
    if (k > 0) common.factors.push_back(Factor{f.base, pool.constant({k, 1})});
  }
  if (common.coeff.is(1) && common.factors.empty()) return false;
  const auto inverse = rational::inverse(common.coeff);
  for (Term& t : terms) {
    auto q = rational::mul(t.coeff, *inverse);
    if (!q) return false;
    t.coeff = *q;
    for (const Factor& c_factor : common.factors) {
      for (Factor& f : t.factors) {
        if (f.base == c_factor.base) f.exponent = pool.add(f.exponent, pool.neg(c_factor.exponent));
      }
    }
    t.factors.erase(std::remove_if(t.factors.begin(), t.factors.end(),
                                   [&](const Factor& f) { return f.exponent == pool.zero(); }),
                    t.factors.end());
  }
  rest = pool.raw_sum(std::move(terms));
  return !pool.failed();
}

// c × (factors) × (sum) with the sum kept whole, as a one-term expression for printing.
Id product_with_sum(Pool& pool, Term outside, Id sum) {
  outside.factors.push_back(Factor{sum, pool.one()});
  std::sort(outside.factors.begin(), outside.factors.end());
  return pool.raw_sum({std::move(outside)});
}

// The call op(u) when `base` is one, else -1.
Id argument_of(const Pool& pool, Id base, Op op) {
  return pool[base].kind == Kind::kCall && pool[base].op == op ? pool[base].arg : -1;
}

// The term without its factor (base, exponent), if it has that factor; else an empty optional.
std::optional<Term> without(const Term& t, Id base, Id exponent) {
  for (std::size_t i = 0; i < t.factors.size(); ++i) {
    if (t.factors[i].base == base && t.factors[i].exponent == exponent) {
      Term rest = t;
      rest.factors.erase(rest.factors.begin() + static_cast<std::ptrdiff_t>(i));
      return rest;
    }
  }
  return std::nullopt;
}

struct SquarePair {
  Op odd, even;          // sin and cos, or sinh and cosh
  bool is_circular;      // sin² + cos² = 1 (circular) or cosh² - sinh² = 1 (hyperbolic)
};
constexpr SquarePair kSquarePairs[] = {{Op::kSin, Op::kCos, true}, {Op::kSinh, Op::kCosh, false}};

}  // namespace

std::optional<Id> factored(Pool& pool, Id sum) {
  Term common;
  Id rest;
  if (!split_common(pool, sum, common, rest)) return std::nullopt;
  return product_with_sum(pool, std::move(common), rest);
}

// On pairs of terms a·rest·s(u)^2 + b·rest·c(u)^2 for (s, c) = (sin, cos) or (sinh, cosh): sin² + cos² = 1,
// cosh² - sinh² = 1; with double_angle also cos² - sin² = cos(2u), cosh² + sinh² = cosh(2u). On single
// terms: sin(u)^p/cos(u)^p = tan(u)^p, and with double_angle s(u)c(u) = s(2u)/2. Sums of up to 64 terms
// (pairs are tried each with each).
Id trig_identities(Pool& pool, Id sum, bool double_angle) {
  std::vector<Term> terms = pool.terms_of(sum);
  if (terms.size() > 64) return sum;
  const Id two = pool.constant({2, 1});
  std::vector<Term> out;
  std::vector<char> used(terms.size(), 0);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    for (std::size_t j = 0; j < terms.size() && !used[i]; ++j) {
      if (i == j || used[j]) continue;
      for (const SquarePair& pair : kSquarePairs) {
        for (const Factor& f : terms[i].factors) {
          const Id u = argument_of(pool, f.base, pair.odd);
          if (u < 0 || f.exponent != two || used[i]) continue;
          auto rest_i = without(terms[i], f.base, two), rest_j = without(terms[j], pool.call(pair.even, u), two);
          if (!rest_j || rest_i->factors != rest_j->factors) continue;
          const Rational a = terms[i].coeff, b = terms[j].coeff;
          const bool same = a == b, opposite = rational::add(a, b) == std::optional<Rational>({0, 1});
          Term t = *rest_j;  // coefficient b
          if (pair.is_circular ? same : opposite) {
            used[i] = used[j] = 1;
          } else if (double_angle && (pair.is_circular ? opposite : same)) {
            t.factors.push_back(Factor{pool.call(pair.even, pool.mul(two, u)), pool.one()});
            used[i] = used[j] = 1;
          }
          if (used[i]) out.push_back(std::move(t));
        }
      }
    }
  }
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (used[i]) continue;
    Term t = terms[i];
    for (const Factor& f : terms[i].factors) {  // sin(u)^p / cos(u)^p = tan(u)^p
      const Id u = argument_of(pool, f.base, Op::kSin);
      const Rational* p = pool.as_rational(f.exponent);
      if (u < 0 || !p || p->num <= 0) continue;
      auto rest = without(t, f.base, f.exponent);
      auto rest2 = rest ? without(*rest, pool.call(Op::kCos, u), pool.constant({-p->num, p->den})) : std::nullopt;
      if (!rest2) continue;
      t = *rest2;
      t.factors.push_back(Factor{pool.call(Op::kTan, u), f.exponent});
      break;
    }
    for (const SquarePair& pair : kSquarePairs) {
      for (const Factor& f : terms[i].factors) {
        const Id u = argument_of(pool, f.base, pair.odd);
        if (!double_angle || u < 0 || f.exponent != pool.one()) continue;
        auto rest = without(t, f.base, pool.one());
        auto rest2 = rest ? without(*rest, pool.call(pair.even, u), pool.one()) : std::nullopt;
        auto half = rational::mul(t.coeff, Rational{1, 2});
        if (!rest2 || !half) continue;
        t = *rest2;  // c s(u)c(u) = (c/2) s(2u)
        t.coeff = *half;
        t.factors.push_back(Factor{pool.call(pair.odd, pool.mul(two, u)), pool.one()});
        break;
      }
    }
    out.push_back(std::move(t));
  }
  return pool.from_terms(std::move(out));
}

// Over one denominator: 1/(x + 1) - x/(x + 1)^2 = 1/(x + 1)^2. Whole negative powers only.
std::optional<Id> together(Pool& pool, Id sum) {
  if (!is_sum_of_terms(pool, sum)) return std::nullopt;
  const std::vector<Term> terms = pool[sum].terms;
  std::int64_t q = 1;
  std::map<Id, std::int64_t> powers;  // base -> largest k of the terms' base^-k
  for (const Term& t : terms) {
    q = q / rational::gcd(q, t.coeff.den);
    if (__builtin_mul_overflow(q, t.coeff.den, &q)) return std::nullopt;
    for (const Factor& f : t.factors) {
      const Rational* r = pool.as_rational(f.exponent);
      if (r && r->is_integer() && r->num < 0) powers[f.base] = std::max(powers[f.base], -r->num);
    }
  }
  if (q == 1 && powers.empty()) return std::nullopt;
  std::vector<Term> numerator;
  for (Term t : terms) {
    auto c = rational::mul(t.coeff, Rational{q, 1});
    if (!c) return std::nullopt;
    t.coeff = *c;
    for (const auto& [base, k] : powers) t.factors.push_back(Factor{base, pool.constant({k, 1})});
    numerator.push_back(std::move(t));
  }
  // Multiplied out, so (x + 1) - x meets and cancels, and sin² + cos² over cos² is 1/cos².
  const Id top = trig_identities(pool, pool.from_terms(std::move(numerator)), false);
  Term below{Rational{1, q}, {}};
  for (const auto& [base, k] : powers) below.factors.push_back(Factor{base, pool.constant({-k, 1})});
  Term common;
  Id rest;
  if (!split_common(pool, top, common, rest)) {
    if (is_sum_of_terms(pool, top)) return product_with_sum(pool, below, top);
    return pool.mul(top, pool.from_terms({below}));
  }
  common.factors.insert(common.factors.end(), below.factors.begin(), below.factors.end());
  auto c = rational::mul(common.coeff, below.coeff);
  if (!c) return std::nullopt;
  common.coeff = *c;
  const std::vector<Term> outside = pool.terms_of(pool.from_terms({common}));  // x/x^2 = 1/x
  if (outside.size() != 1) return std::nullopt;
  return product_with_sum(pool, outside[0], rest);
}

}  // namespace bp::expr::canonical
