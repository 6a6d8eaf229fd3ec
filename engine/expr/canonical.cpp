// The normal form's algebra: interning, sums, products, powers and the few function identities that
// hold for every real argument (log(e) = 1, log(exp(a)) = a, exp(a)exp(b) = exp(a + b)).
#include "expr/canonical.hpp"

#include <algorithm>
#include <cstring>
#include <optional>

namespace bp::expr::canonical {

namespace {

void append(std::string& key, const void* data, std::size_t size) {
  key.append(static_cast<const char*>(data), size);
}

std::string key_of(const Expr& e) {
  std::string key;
  append(key, &e.kind, sizeof e.kind);
  append(key, &e.op, sizeof e.op);
  append(key, &e.arg, sizeof e.arg);
  append(key, &e.arg2, sizeof e.arg2);
  append(key, &e.arg3, sizeof e.arg3);
  append(key, &e.value, sizeof e.value);
  key += e.name;
  key += '\0';
  for (const Term& t : e.terms) {
    append(key, &t.coeff, sizeof t.coeff);
    for (const Factor& f : t.factors) append(key, &f, sizeof f);
    key += '|';
  }
  return key;
}

bool same_factors(const Term& a, const Term& b) { return a.factors == b.factors; }

}  // namespace

Id Pool::intern(Expr e) {
  std::string key = key_of(e);
  auto it = index_.find(key);
  if (it != index_.end()) return it->second;
  const auto id = static_cast<Id>(exprs_.size());
  exprs_.push_back(std::move(e));
  index_.emplace(std::move(key), id);
  return id;
}

bool Pool::spend(std::size_t terms) {
  spent_ += terms;
  if (spent_ > budget_.max_terms) failed_ = true;
  return !failed_;
}

const Rational* Pool::as_rational(Id id) const {
  static const Rational kZero{0, 1};
  const Expr& e = (*this)[id];
  if (e.kind != Kind::kSum) return nullptr;
  if (e.terms.empty()) return &kZero;
  if (e.terms.size() == 1 && e.terms[0].factors.empty()) return &e.terms[0].coeff;
  return nullptr;
}

std::vector<Term> Pool::terms_of(Id id) const {
  const Expr& e = (*this)[id];
  if (e.kind == Kind::kSum) return e.terms;
  return {Term{{1, 1}, {Factor{id, const_cast<Pool*>(this)->one()}}}};
}

Id Pool::constant(Rational r) {
  Expr e;
  if (!r.is_zero()) e.terms.push_back(Term{r, {}});
  return intern(std::move(e));
}

Id Pool::number(double v) {
  if (auto r = rational::from_double(v)) return constant(*r);
  Expr e;
  e.kind = Kind::kNumber;
  e.value = v;
  return intern(std::move(e));
}

Id Pool::variable(const std::string& name) {
  Expr e;
  e.kind = Kind::kVar;
  e.name = name;
  return intern(std::move(e));
}

Id Pool::named(const std::string& name, double value) {
  Expr e;
  e.kind = Kind::kNamed;
  e.name = name;
  e.value = value;
  return intern(std::move(e));
}

Id Pool::raw_sum(std::vector<Term> terms) {
  Expr e;
  e.terms = std::move(terms);
  return intern(std::move(e));
}

Id Pool::add(Id a, Id b) {
  std::vector<Term> terms = terms_of(a);
  std::vector<Term> more = terms_of(b);
  terms.insert(terms.end(), more.begin(), more.end());
  return collect(std::move(terms));  // both sides' terms are in normal form already
}

Id Pool::neg(Id a) { return mul(constant({-1, 1}), a); }

Id Pool::mul(Id a, Id b) {
  auto as_one_term = [&](Id id, Id other) {
    // A sum stays one factor unless products are multiplied out; it also stays one when the other
    // side divides by it, so (x + 1)/(x + 1) cancels instead of spreading into x/(x + 1) + 1/(x + 1).
    const Expr& e = (*this)[id];
    if (e.kind != Kind::kSum || e.terms.size() < 2) return false;
    if (!expand_) return true;
    const Expr& o = (*this)[other];
    if (o.kind != Kind::kSum || o.terms.size() != 1) return false;
    for (const Factor& f : o.terms[0].factors) {
      if (f.base == id) return true;
    }
    return false;
  };
  const std::vector<Term> ta = as_one_term(a, b) ? std::vector<Term>{Term{{1, 1}, {Factor{a, one()}}}} : terms_of(a);
  const std::vector<Term> tb = as_one_term(b, a) ? std::vector<Term>{Term{{1, 1}, {Factor{b, one()}}}} : terms_of(b);
  if (!spend(ta.size() * tb.size())) return zero();
  std::vector<Term> product;
  product.reserve(ta.size() * tb.size());
  for (const Term& x : ta) {
    for (const Term& y : tb) {
      auto c = rational::mul(x.coeff, y.coeff);
      if (!c) {
        fail();
        return zero();
      }
      Term t{*c, x.factors};
      t.factors.insert(t.factors.end(), y.factors.begin(), y.factors.end());
      product.push_back(std::move(t));
    }
  }
  return from_terms(std::move(product));
}

Id Pool::pow(Id a, Id b) {
  // Copies: interning below may move the pool's storage.
  const std::optional<Rational> r = as_rational(b) ? std::optional<Rational>(*as_rational(b)) : std::nullopt;
  const std::optional<Rational> ra = as_rational(a) ? std::optional<Rational>(*as_rational(a)) : std::nullopt;
  if (r && r->is_zero()) return one();  // a^0 = 1, as pow() computes it even for 0^0
  if (r && r->is(1)) return a;
  if (ra && ra->is(1)) return one();
  if (r && ra) {
    const Rational base = *ra, exponent = *r;
    if (base.is_zero()) {
      if (exponent.num > 0) return zero();
      fail();  // 0^-n: leave division by zero to the plain text, which evaluates it as IEEE does
      return zero();
    }
    if (exponent.is_integer()) {
      auto value = rational::pow(base, exponent.num);
      if (!value) fail();
      return value ? constant(*value) : zero();
    }
    if (base.num > 0) {  // 4^(3/2) = 8 when both roots are whole
      auto n = rational::exact_root(base.num, exponent.den), d = rational::exact_root(base.den, exponent.den);
      if (n && d) {
        auto value = rational::pow(Rational{*n, *d}, exponent.num);
        if (value) return constant(*value);
      }
    }
    return from_terms({Term{{1, 1}, {Factor{a, b}}}});
  }
  const Expr e = (*this)[a];
  const bool is_single_term = e.kind != Kind::kSum || e.terms.size() == 1;
  if (r && r->is_integer() && is_single_term) {  // (c x^p y^q)^n = c^n x^(pn) y^(qn)
    Term t = terms_of(a)[0];
    auto c = rational::pow(t.coeff, r->num);
    if (!c) {
      fail();
      return zero();
    }
    t.coeff = *c;
    for (Factor& f : t.factors) f.exponent = mul(f.exponent, b);
    return from_terms({std::move(t)});
  }
  if (r && is_single_term && e.kind == Kind::kSum) {  // (c x)^(p/q) = c^(p/q) x^(p/q) for c > 0 with a whole root
    const Term t = e.terms[0];
    if (t.coeff.num > 0 && t.factors.size() == 1 && t.factors[0].exponent == one()) {
      const Id c = pow(constant(t.coeff), b);
      if (as_rational(c)) return mul(c, pow(t.factors[0].base, b));
    }
  }
  return from_terms({Term{{1, 1}, {Factor{a, b}}}});
}

Id Pool::call(Op op, Id arg) {
  const Rational* r = as_rational(arg);
  const Expr& e = (*this)[arg];
  switch (op) {
    case Op::kSqrt: return pow(arg, constant({1, 2}));
    case Op::kLog:
      if (e.kind == Kind::kNamed && e.name == "e") return one();                  // log(e) = 1
      if (r && r->is(1)) return zero();                                            // log(1) = 0
      if (e.kind == Kind::kCall && e.op == Op::kExp) return e.arg;                  // log(exp(a)) = a
      if (e.kind == Kind::kSum && e.terms.size() == 1 && e.terms[0].coeff.is(1) && e.terms[0].factors.size() == 1) {
        const Factor& f = e.terms[0].factors[0];                                   // log(e^a) = a
        if ((*this)[f.base].kind == Kind::kNamed && (*this)[f.base].name == "e") return f.exponent;
      }
      break;
    case Op::kExp: if (r && r->is_zero()) return one(); break;                    // exp(0) = 1
    case Op::kCos: if (r && r->is_zero()) return one(); break;                    // cos(0) = 1
    case Op::kSin: case Op::kTan: case Op::kTanh:
      if (r && r->is_zero()) return zero();                                        // sin(0) = tan(0) = tanh(0) = 0
      break;
    case Op::kAbs: if (r) return constant({r->num < 0 ? -r->num : r->num, r->den}); break;
    case Op::kSign: if (r) return constant({r->num > 0 ? 1 : r->num < 0 ? -1 : 0, 1}); break;
    case Op::kStep: if (r) return constant({r->num > 0 ? 1 : 0, 1}); break;       // step(0) = 0, as relu'(0)
    case Op::kRelu: if (r) return r->num > 0 ? arg : zero(); break;
    default: break;
  }
  Expr c;
  c.kind = Kind::kCall;
  c.op = op;
  c.arg = arg;
  return intern(std::move(c));
}

Id Pool::call(Op op, Id a, Id b, Id c) {
  Expr e;
  e.kind = Kind::kCall;
  e.op = op;
  e.arg = a;
  e.arg2 = b;
  e.arg3 = c;
  return intern(std::move(e));
}

// Splits a sum into content × primitive part: 4x + 6 = 2(2x + 3), 1 - x = -(x - 1) (the first term in
// the canonical order becomes positive), so equal sums meet whatever multiple they were written as.
bool Pool::content_of_sum(Id sum, Rational& content, Id& primitive) {
  const std::vector<Term>& terms = (*this)[sum].terms;
  std::int64_t g = 0, l = 1;
  for (const Term& t : terms) {
    g = rational::gcd(g, t.coeff.num);
    const std::int64_t d = t.coeff.den / rational::gcd(l, t.coeff.den);
    if (__builtin_mul_overflow(l, d, &l)) return false;
  }
  auto c = rational::make(terms[0].coeff.num < 0 ? -g : g, l);
  if (!c || c->is(1)) return false;
  std::vector<Term> scaled = terms;
  for (Term& t : scaled) {
    auto q = rational::mul(t.coeff, *rational::inverse(*c));
    if (!q) return false;
    t.coeff = *q;
  }
  content = *c;
  primitive = raw_sum(std::move(scaled));
  return true;
}

// A sum with whole negative powers in its terms as b^-k × (a sum without them): 1 + x^-2 = x^-2 (x^2 + 1).
// Returns the sum itself when no term has one; `outside` receives the factors b^-k.
Id Pool::clear_denominators(Id sum, std::vector<Factor>& outside) {
  std::vector<Term> terms = (*this)[sum].terms;
  std::vector<std::pair<Id, std::int64_t>> powers;  // base, largest k
  for (const Term& t : terms) {
    for (const Factor& f : t.factors) {
      const Rational* r = as_rational(f.exponent);
      if (!r || !r->is_integer() || r->num >= 0) continue;
      auto it = std::find_if(powers.begin(), powers.end(), [&](const auto& p) { return p.first == f.base; });
      if (it == powers.end()) powers.emplace_back(f.base, -r->num);
      else it->second = std::max(it->second, -r->num);
    }
  }
  if (powers.empty()) return sum;
  for (Term& t : terms) {
    for (const auto& [base, k] : powers) t.factors.push_back(Factor{base, constant({k, 1})});
  }
  for (const auto& [base, k] : powers) outside.push_back(Factor{base, constant({-k, 1})});
  return from_terms(std::move(terms));
}

// Brings one term to normal form; returns false when the term was replaced by the terms in `more`.
bool Pool::normalise_term(Term& term, std::vector<Term>& more) {
  for (int round = 0; round < 64 && !failed_; ++round) {
    std::sort(term.factors.begin(), term.factors.end());
    std::vector<Factor> merged;  // x^a x^b = x^(a + b); x^0 = 1
    for (const Factor& f : term.factors) {
      if (!merged.empty() && merged.back().base == f.base) {
        merged.back().exponent = add(merged.back().exponent, f.exponent);
      } else {
        merged.push_back(f);
      }
    }
    merged.erase(std::remove_if(merged.begin(), merged.end(), [&](const Factor& f) { return f.exponent == zero(); }),
                 merged.end());
    term.factors = std::move(merged);
    bool changed = false;
    std::vector<std::size_t> exps;  // factors exp(a)^n with a whole n
    for (std::size_t i = 0; i < term.factors.size(); ++i) {
      const Factor f = term.factors[i];
      const Rational* exponent = as_rational(f.exponent);
      if (!exponent || !exponent->is_integer()) continue;
      const std::optional<Rational> n = *exponent;  // a copy: interning below may move the pool
      const Expr& base = (*this)[f.base];
      if (base.kind == Kind::kCall && base.op == Op::kExp) exps.push_back(i);
      if (base.kind != Kind::kSum) continue;
      const auto erase_it = [&] { term.factors.erase(term.factors.begin() + static_cast<std::ptrdiff_t>(i)); };
      if (base.terms.size() < 2) {  // a number or a single term to a whole power: multiply it in
        erase_it();
        std::vector<Term> pt = terms_of(pow(f.base, f.exponent));
        auto c = rational::mul(term.coeff, pt.empty() ? Rational{0, 1} : pt[0].coeff);
        if (!c || pt.size() > 1) { fail(); return false; }
        term.coeff = *c;
        if (!pt.empty()) term.factors.insert(term.factors.end(), pt[0].factors.begin(), pt[0].factors.end());
        changed = true;
        break;
      }
      std::vector<Factor> cleared;
      const Id whole = clear_denominators(f.base, cleared);
      if (whole != f.base) {  // (1 + x^-2)^n = x^-2n (x^2 + 1)^n
        erase_it();
        for (Factor& c : cleared) c.exponent = mul(c.exponent, f.exponent);
        term.factors.insert(term.factors.end(), cleared.begin(), cleared.end());
        term.factors.push_back(Factor{whole, f.exponent});
        changed = true;
        break;
      }
      Rational content;
      Id primitive;
      if (content_of_sum(f.base, content, primitive)) {  // (2x + 2)^n = 2^n (x + 1)^n
        erase_it();
        auto cn = rational::pow(content, n->num);
        auto c = cn ? rational::mul(term.coeff, *cn) : std::nullopt;
        if (!c) { fail(); return false; }
        term.coeff = *c;
        term.factors.push_back(Factor{primitive, f.exponent});
        changed = true;
        break;
      }
      const bool alone = term.factors.size() == 1 && n->is(1);  // c(a + b) = ca + cb: numbers always spread
      if (alone || (expand_ && n->num > 0 && n->num <= budget_.max_expand_power)) {
        erase_it();
        if (alone) {
          for (Term t : base.terms) {
            auto c = rational::mul(t.coeff, term.coeff);
            if (!c) { fail(); return false; }
            t.coeff = *c;
            more.push_back(std::move(t));
          }
          return false;
        }
        Id product = constant(term.coeff);  // c x (a + b)^2 = c x a^2 + 2c x ab + c x b^2
        for (const Factor& g : term.factors) product = mul(product, from_terms({Term{{1, 1}, {g}}}));
        for (std::int64_t k = 0; k < n->num; ++k) product = mul(product, f.base);
        std::vector<Term> spread = terms_of(product);
        more.insert(more.end(), spread.begin(), spread.end());
        return false;
      }
    }
    if (changed) continue;
    if (exps.size() > 1 || (exps.size() == 1 && !as_rational(term.factors[exps[0]].exponent)->is(1))) {
      Id sum = zero();  // exp(a)^n exp(b)^m = exp(na + mb)
      for (std::size_t i : exps) sum = add(sum, mul(term.factors[i].exponent, (*this)[term.factors[i].base].arg));
      for (auto it = exps.rbegin(); it != exps.rend(); ++it) {
        term.factors.erase(term.factors.begin() + static_cast<std::ptrdiff_t>(*it));
      }
      const Id merged_exp = call(Op::kExp, sum);
      if (merged_exp != one()) term.factors.push_back(Factor{merged_exp, one()});
      continue;
    }
    return true;
  }
  if (!failed_) fail();  // no normal form in 64 rounds: never expected, but never loop forever
  return false;
}

Id Pool::from_terms(std::vector<Term> terms) {
  std::vector<Term> done;
  while (!terms.empty() && !failed_) {
    if (!spend(1)) break;
    Term t = std::move(terms.back());
    terms.pop_back();
    if (t.coeff.is_zero()) continue;
    std::vector<Term> more;
    if (normalise_term(t, more)) {
      done.push_back(std::move(t));
    } else {
      for (Term& m : more) terms.push_back(std::move(m));
    }
  }
  if (failed_) return zero();
  return collect(std::move(done));
}

Id Pool::collect(std::vector<Term> done) {
  if (!spend(done.size())) return zero();
  std::sort(done.begin(), done.end(), [](const Term& a, const Term& b) { return a.factors < b.factors; });
  std::vector<Term> collected;  // 2x + 3x = 5x
  for (Term& t : done) {
    if (!collected.empty() && same_factors(collected.back(), t)) {
      auto c = rational::add(collected.back().coeff, t.coeff);
      if (!c) {
        fail();
        return zero();
      }
      collected.back().coeff = *c;
    } else {
      collected.push_back(std::move(t));
    }
  }
  collected.erase(std::remove_if(collected.begin(), collected.end(), [](const Term& t) { return t.coeff.is_zero(); }),
                  collected.end());
  if (collected.size() == 1 && collected[0].coeff.is(1) && collected[0].factors.size() == 1 &&
      collected[0].factors[0].exponent == one() && (*this)[collected[0].factors[0].base].kind != Kind::kSum) {
    return collected[0].factors[0].base;  // 1·x^1 is x
  }
  return raw_sum(std::move(collected));
}

Id from_graph(Pool& pool, const Graph& graph, NodeId root) {
  std::vector<char> needed(static_cast<std::size_t>(root) + 1, 0);
  needed[static_cast<std::size_t>(root)] = 1;
  for (NodeId n = root; n >= 0; --n) {  // children come before their parents
    if (!needed[static_cast<std::size_t>(n)]) continue;
    if (graph[n].a != kNoNode) needed[static_cast<std::size_t>(graph[n].a)] = 1;
    if (graph[n].b != kNoNode) needed[static_cast<std::size_t>(graph[n].b)] = 1;
    if (graph[n].c != kNoNode) needed[static_cast<std::size_t>(graph[n].c)] = 1;
  }
  // A sum used once, by another sum, is not built on its own: the outermost sum of a chain gathers all
  // the chain's terms and collects them once, so a 1,000-term sum costs one sort, not 1,000 merges.
  const auto is_sum = [&](NodeId n) { return graph[n].op == Op::kAdd || graph[n].op == Op::kSub; };
  std::vector<int> uses(needed.size(), 0);
  for (NodeId n = 0; n <= root; ++n) {
    if (!needed[static_cast<std::size_t>(n)]) continue;
    for (NodeId input : {graph[n].a, graph[n].b, graph[n].c}) {
      if (input != kNoNode) ++uses[static_cast<std::size_t>(input)];
    }
  }
  std::vector<char> inner(needed.size(), 0);
  for (NodeId n = 0; n <= root; ++n) {
    if (!needed[static_cast<std::size_t>(n)] || !is_sum(n)) continue;
    for (NodeId input : {graph[n].a, graph[n].b}) {
      if (is_sum(input) && uses[static_cast<std::size_t>(input)] == 1) inner[static_cast<std::size_t>(input)] = 1;
    }
  }
  std::vector<Id> value(needed.size(), -1);
  std::vector<std::pair<NodeId, bool>> pending;  // (node, is subtracted) while gathering a chain's terms
  for (NodeId n = 0; n <= root && !pool.failed(); ++n) {
    if (!needed[static_cast<std::size_t>(n)] || inner[static_cast<std::size_t>(n)]) continue;
    if (is_sum(n)) {
      std::vector<Term> terms;
      pending.assign(1, {n, false});
      while (!pending.empty()) {
        const auto [m, minus] = pending.back();
        pending.pop_back();
        if (m == n || inner[static_cast<std::size_t>(m)]) {
          pending.emplace_back(graph[m].a, minus);
          pending.emplace_back(graph[m].b, graph[m].op == Op::kSub ? !minus : minus);
          continue;
        }
        for (Term t : pool.terms_of(value[static_cast<std::size_t>(m)])) {
          if (minus) t.coeff.num = -t.coeff.num;
          terms.push_back(std::move(t));
        }
      }
      value[static_cast<std::size_t>(n)] = pool.collect(std::move(terms));
      continue;
    }
    const Node& node = graph[n];
    const Id a = node.a == kNoNode ? -1 : value[static_cast<std::size_t>(node.a)];
    const Id b = node.b == kNoNode ? -1 : value[static_cast<std::size_t>(node.b)];
    const Id c = node.c == kNoNode ? -1 : value[static_cast<std::size_t>(node.c)];
    Id v;
    switch (node.op) {
      case Op::kConst: v = node.name.empty() ? pool.number(node.value) : pool.named(node.name, node.value); break;
      case Op::kVar: v = pool.variable(node.name); break;
      case Op::kMul: v = pool.mul(a, b); break;
      case Op::kDiv: v = pool.mul(a, pool.pow(b, pool.constant({-1, 1}))); break;
      case Op::kPow: v = pool.pow(a, b); break;
      case Op::kNeg: v = pool.neg(a); break;
      default: v = node.b == kNoNode && node.c == kNoNode ? pool.call(node.op, a) : pool.call(node.op, a, b, c); break;
    }
    value[static_cast<std::size_t>(n)] = v;
  }
  return value[static_cast<std::size_t>(root)];
}

}  // namespace bp::expr::canonical
