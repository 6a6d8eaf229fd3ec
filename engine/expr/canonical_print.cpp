// The normal form back to graph nodes in a textbook's order (4x - 3, 1 - tanh(x)^2, x/2, 1/(2sqrt(x))),
// and the choice among its readings: the shortest text wins, as SymPy's simplify() picks the
// shortest of its candidates.
#include <algorithm>
#include <optional>

#include "expr/canonical.hpp"
#include "expr/canonical_readings.hpp"
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
        if (!r || !r->is_integer() || r->num < 0 || r->num % 2 == 0 || !is_sum_of_terms(pool_, factors[i].base)) {
          continue;  // in the numerator only: -1/(x^2 + 1), not 1/(-x^2 - 1)
        }
        const std::vector<Term>& inside = pool_[factors[i].base].terms;
        const auto positives = static_cast<std::size_t>(
            std::count_if(inside.begin(), inside.end(), [](const Term& u) { return u.coeff.num > 0; }));
        const Term& lead = inside[print_order(inside)[0]];
        // A polynomial keeps its leading power positive (-2(x^2 + 3x - 1), not 2(1 - x^2 - 3x)); other
        // sums turn when that leaves no fewer positive terms.
        if (degree(lead) > 0 ? lead.coeff.num < 0 : inside.size() - positives >= positives) flipped = i;
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
  const Id identities = pool.failed() ? expanded : trig_identities(pool, expanded, false);
  const Id double_angles = pool.failed() ? expanded : trig_identities(pool, expanded, true);
  if (pool.failed()) return best.node;
  consider(graph, writer, expanded, best, kRewritePenalty);
  if (factored_expanded) consider(graph, writer, *factored_expanded, best, kRewritePenalty);
  if (over_one) consider(graph, writer, *over_one, best, kRewritePenalty);
  if (identities != expanded) consider(graph, writer, identities, best, kRewritePenalty);
  if (double_angles != expanded && double_angles != identities) {
    consider(graph, writer, double_angles, best, kDoubleAnglePenalty);
  }
  return best.node;
}

}  // namespace bp::expr::canonical
