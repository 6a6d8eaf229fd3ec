// The normal form back to graph nodes in a textbook's order (4x - 3, 1 - tanh(x)^2, x/2, 1/(2sqrt(x))),
// and the choice among its readings: the shortest text wins, as SymPy's simplify() picks the
// shortest of its candidates.
#include <algorithm>
#include <map>
#include <optional>

#include "expr/canonical.hpp"
#include "expr/printer.hpp"

namespace bp::expr::canonical {

namespace {

bool is_sum_of_terms(const Pool& pool, Id id) {
  return pool[id].kind == Kind::kSum && pool[id].terms.size() > 1;
}

// Writes pool expressions as graph nodes. Ids refer only to smaller ids, so one ascending pass
// converts everything an expression needs, with no recursion.
class GraphWriter {
 public:
  GraphWriter(const Pool& pool, Graph& graph) : pool_(pool), g_(graph), nodes_(pool.size(), kNoNode) {}

  NodeId node_of(Id root) {
    if (nodes_.size() < pool_.size()) nodes_.resize(pool_.size(), kNoNode);
    std::vector<char> needed(static_cast<std::size_t>(root) + 1, 0);
    needed[static_cast<std::size_t>(root)] = 1;
    for (Id id = root; id >= 0; --id) {
      if (!needed[static_cast<std::size_t>(id)] || nodes_[static_cast<std::size_t>(id)] != kNoNode) continue;
      const Expr& e = pool_[id];
      for (Id input : {e.arg, e.arg2, e.arg3}) {
        if (e.kind == Kind::kCall && input >= 0) needed[static_cast<std::size_t>(input)] = 1;
      }
      for (const Term& t : e.terms) {
        for (const Factor& f : t.factors) {
          needed[static_cast<std::size_t>(f.base)] = 1;
          needed[static_cast<std::size_t>(f.exponent)] = 1;
        }
      }
    }
    for (Id id = 0; id <= root; ++id) {
      if (needed[static_cast<std::size_t>(id)] && nodes_[static_cast<std::size_t>(id)] == kNoNode) {
        nodes_[static_cast<std::size_t>(id)] = build(id);
      }
    }
    return nodes_[static_cast<std::size_t>(root)];
  }

 private:
  NodeId build(Id id) {
    const Expr& e = pool_[id];
    switch (e.kind) {
      case Kind::kVar: return g_.variable(e.name);
      case Kind::kNamed: return g_.named_constant(e.name, e.value);
      case Kind::kNumber: return g_.constant(e.value);
      case Kind::kCall: {
        const auto input = [&](Id i) { return i < 0 ? kNoNode : nodes_[static_cast<std::size_t>(i)]; };
        if (e.arg3 >= 0) return g_.ternary(e.op, input(e.arg), input(e.arg2), input(e.arg3));
        if (e.arg2 >= 0) return g_.binary(e.op, input(e.arg), input(e.arg2));
        return g_.unary(e.op, input(e.arg));
      }
      case Kind::kSum: break;
    }
    return sum_node(e.terms, false);
  }

  // Sum of variables' powers, so a polynomial prints from its highest power down: 4x - 3.
  double degree(const Term& t) const {
    double d = 0;
    for (const Factor& f : t.factors) {
      const Rational* r = pool_.as_rational(f.exponent);
      if (r && pool_[f.base].kind == Kind::kVar) d += r->to_double();
    }
    return d;
  }

  // Highest power first, numbers last: 4x - 3, x^2 - 2x - 1.
  std::vector<std::size_t> print_order(const std::vector<Term>& terms) const {
    std::vector<std::size_t> order(terms.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const double da = degree(terms[a]), db = degree(terms[b]);
      if (da != db) return da > db;
      return !terms[a].factors.empty() && terms[b].factors.empty();
    });
    return order;
  }

  NodeId sum_node(const std::vector<Term>& terms, bool negate) {
    if (terms.empty()) return g_.constant(0);
    std::vector<std::size_t> order = print_order(terms);
    const auto is_negative = [&](std::size_t i) { return (terms[i].coeff.num < 0) != negate; };
    auto first_positive = std::find_if(order.begin(), order.end(), [&](std::size_t i) { return !is_negative(i); });
    if (first_positive != order.end()) std::rotate(order.begin(), first_positive, first_positive + 1);  // 1 - x^2
    NodeId out = kNoNode;
    for (std::size_t i : order) {
      bool negative = is_negative(i);
      const NodeId t = term_node(terms[i], negative);
      if (out == kNoNode) {
        out = negative ? g_.unary(Op::kNeg, t) : t;
      } else {
        out = g_.binary(negative ? Op::kSub : Op::kAdd, out, t);
      }
    }
    return out;
  }

  int rank(Id base) const {  // x before sin(x) before (2x)^(1/2) before (x + 1)
    switch (pool_[base].kind) {
      case Kind::kCall: return 1;
      case Kind::kSum: return pool_[base].terms.size() > 1 ? 3 : pool_.as_rational(base) ? 0 : 2;
      default: return 0;
    }
  }

  NodeId power_node(NodeId base, Rational r) {
    if (r.is(1)) return base;
    if (r == Rational{1, 2}) return g_.unary(Op::kSqrt, base);
    NodeId exponent = g_.constant(static_cast<double>(r.num));
    if (!r.is_integer()) exponent = g_.binary(Op::kDiv, exponent, g_.constant(static_cast<double>(r.den)));
    return g_.binary(Op::kPow, base, exponent);
  }

  NodeId product(std::vector<NodeId> factors) {
    NodeId out = factors[0];
    for (std::size_t i = 1; i < factors.size(); ++i) out = g_.binary(Op::kMul, out, factors[i]);
    return out;
  }

  // The term without its sign; `negative` carries the sign in and out. A negative term with a sum to an
  // odd power prints that sum turned around instead: σ(x)(1 - σ(x)), not -σ(x)(σ(x) - 1).
  NodeId term_node(const Term& t, bool& negative) {
    std::vector<Factor> factors = t.factors;
    std::stable_sort(factors.begin(), factors.end(),
                     [&](const Factor& a, const Factor& b) { return rank(a.base) < rank(b.base); });
    std::optional<std::size_t> flipped;
    if (negative) {
      for (std::size_t i = 0; i < factors.size() && !flipped; ++i) {
        const Rational* r = pool_.as_rational(factors[i].exponent);
        if (r && r->is_integer() && (r->num % 2 != 0) && is_sum_of_terms(pool_, factors[i].base)) flipped = i;
      }
      if (flipped) negative = false;
    }
    std::vector<char> turned(factors.size(), 0);  // (1 - 2x)^4 reads (2x - 1)^4: an even power has no sign
    for (std::size_t i = 0; i < factors.size(); ++i) {
      const Rational* r = pool_.as_rational(factors[i].exponent);
      if (flipped == i) turned[i] = 1;
      if (!r || !r->is_integer() || r->num % 2 != 0 || !is_sum_of_terms(pool_, factors[i].base)) continue;
      const std::vector<Term>& inside = pool_[factors[i].base].terms;
      turned[i] = inside[print_order(inside)[0]].coeff.num < 0;
    }
    std::vector<NodeId> numerator, denominator;
    const std::int64_t p = t.coeff.num < 0 ? -t.coeff.num : t.coeff.num;
    if (p != 1) numerator.push_back(g_.constant(static_cast<double>(p)));
    if (t.coeff.den != 1) denominator.push_back(g_.constant(static_cast<double>(t.coeff.den)));
    for (std::size_t i = 0; i < factors.size(); ++i) {
      const Factor& f = factors[i];
      const NodeId base = turned[i] ? sum_node(pool_[f.base].terms, true) : nodes_[static_cast<std::size_t>(f.base)];
      const Rational* r = pool_.as_rational(f.exponent);
      if (!r) {
        numerator.push_back(g_.binary(Op::kPow, base, nodes_[static_cast<std::size_t>(f.exponent)]));
      } else if (r->num < 0) {
        denominator.push_back(power_node(base, Rational{-r->num, r->den}));
      } else {
        numerator.push_back(power_node(base, *r));
      }
    }
    if (numerator.empty()) numerator.push_back(g_.constant(1));
    const NodeId top = product(numerator);
    return denominator.empty() ? top : g_.binary(Op::kDiv, top, product(denominator));
  }

  const Pool& pool_;
  Graph& g_;
  std::vector<NodeId> nodes_;
};

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

std::optional<Id> factored(Pool& pool, Id sum) {
  Term common;
  Id rest;
  if (!split_common(pool, sum, common, rest)) return std::nullopt;
  return product_with_sum(pool, std::move(common), rest);
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

// sin(u)^2 + cos(u)^2 = 1 on pairs of terms; with double_angle also cos(u)^2 - sin(u)^2 = cos(2u) and
// sin(u)cos(u) = sin(2u)/2. Sums of up to 64 terms (pairs are tried each with each).
Id trig_identities(Pool& pool, Id sum, bool double_angle) {
  std::vector<Term> terms = pool.terms_of(sum);
  if (terms.size() > 64) return sum;
  const Id two = pool.constant({2, 1});
  std::vector<Term> out;
  std::vector<char> used(terms.size(), 0);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    for (std::size_t j = 0; j < terms.size() && !used[i]; ++j) {
      if (i == j || used[j]) continue;
      for (const Factor& f : terms[i].factors) {
        const Id u = argument_of(pool, f.base, Op::kSin);
        if (u < 0 || f.exponent != two) continue;
        const Id cos_u = pool.call(Op::kCos, u);
        auto rest_i = without(terms[i], f.base, two), rest_j = without(terms[j], cos_u, two);
        if (!rest_j || rest_i->factors != rest_j->factors) continue;
        Term t = *rest_j;
        if (terms[i].coeff == terms[j].coeff) {
          used[i] = used[j] = 1;  // c sin² + c cos² = c
        } else if (double_angle && rational::add(terms[i].coeff, terms[j].coeff) == std::optional<Rational>({0, 1})) {
          t.factors.push_back(Factor{pool.call(Op::kCos, pool.mul(two, u)), pool.one()});
          used[i] = used[j] = 1;  // c cos² - c sin² = c cos(2u)
        }
        if (used[i]) out.push_back(std::move(t));
        break;
      }
    }
  }
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (used[i]) continue;
    Term t = terms[i];
    for (const Factor& f : terms[i].factors) {
      const Id u = argument_of(pool, f.base, Op::kSin);
      if (!double_angle || u < 0 || f.exponent != pool.one()) continue;
      auto rest = without(t, f.base, pool.one());
      auto rest2 = rest ? without(*rest, pool.call(Op::kCos, u), pool.one()) : std::nullopt;
      auto half = rational::mul(t.coeff, Rational{1, 2});
      if (!rest2 || !half) continue;
      t = *rest2;  // c sin(u)cos(u) = (c/2) sin(2u)
      t.coeff = *half;
      t.factors.push_back(Factor{pool.call(Op::kSin, pool.mul(two, u)), pool.one()});
      break;
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

// The collected form keeps the rules' own shape (σ(x)(1 - σ(x)), 2tanh(x)(1 - tanh(x)^2)); another
// reading replaces it only when it is shorter by more than this.
constexpr std::size_t kRewritePenalty = 2;
constexpr std::size_t kDoubleAnglePenalty = 8;

struct Reading {
  NodeId node = kNoNode;
  std::size_t score = 0;  // length of its text plus its penalty
};

// `penalty`: characters a reading must save to be preferred over one with a smaller penalty.
void consider(Graph& graph, GraphWriter& writer, Id id, Reading& best, std::size_t penalty = 0) {
  const NodeId node = writer.node_of(id);
  if (best.node != kNoNode && best.score <= penalty) return;
  auto text = print(graph, node, best.node == kNoNode ? kMaxPrintedLength : best.score - penalty);
  if (text && (best.node == kNoNode || text->size() + penalty < best.score)) {
    best = Reading{node, text->size() + penalty};
  }
}

}  // namespace

NodeId textbook_form(Graph& graph, NodeId root, Budget budget) {
  Reading best;
  Pool pool(budget);
  const Id collected = from_graph(pool, graph, root);
  std::optional<Id> factored_collected = pool.failed() ? std::nullopt : factored(pool, collected);
  if (pool.failed()) return kNoNode;
  GraphWriter writer(pool, graph);
  consider(graph, writer, collected, best);
  if (factored_collected) consider(graph, writer, *factored_collected, best, kRewritePenalty);

  // Multiplied out from the collected form, so divisors stay whole: 1/(x + 1)^2, not 1/(x^2 + 2x + 1).
  pool.set_expand(true);
  const Id expanded = pool.from_terms(pool.terms_of(collected));
  std::optional<Id> over_one = pool.failed() ? std::nullopt : together(pool, expanded);
  pool.set_expand(false);
  std::optional<Id> factored_expanded = pool.failed() ? std::nullopt : factored(pool, expanded);
  const Id double_angles = pool.failed() ? expanded : trig_identities(pool, expanded, true);
  if (pool.failed()) return best.node;
  consider(graph, writer, expanded, best, kRewritePenalty);
  if (factored_expanded) consider(graph, writer, *factored_expanded, best, kRewritePenalty);
  if (over_one) consider(graph, writer, *over_one, best, kRewritePenalty);
  if (double_angles != expanded) consider(graph, writer, double_angles, best, kDoubleAnglePenalty);
  return best.node;
}

}  // namespace bp::expr::canonical
