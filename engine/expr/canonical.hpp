// The derivative's normal form: sums of products with exact rational coefficients, like terms
// collected and powers of one base gathered (x*x*x = x^3, x*(1/x) = 1, 2x/2 = x, log(e) = 1).
// A small computer algebra kernel for the symbolic derivative only; depends on the graph, not on text.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "expr/graph.hpp"
#include "expr/rational.hpp"

namespace bp::expr::canonical {

using Id = std::int32_t;  // an expression in a Pool; equal expressions have equal ids

struct Factor {
  Id base;      // an atom, a call, or a sum
  Id exponent;  // an expression; a rational exponent is a constant sum
  friend bool operator==(const Factor& a, const Factor& b) { return a.base == b.base && a.exponent == b.exponent; }
  friend bool operator<(const Factor& a, const Factor& b) {
    return a.base != b.base ? a.base < b.base : a.exponent < b.exponent;
  }
};

struct Term {
  Rational coeff{1, 1};
  std::vector<Factor> factors;  // sorted by base, one factor per base, no zero exponent
};

enum class Kind : std::uint8_t {
  kSum,     // terms (no term: 0; one term without factors: a rational number)
  kVar,     // name
  kNamed,   // named constant (e, pi): name, value
  kNumber,  // a double with no short exact rational (1e300): value
  kCall,    // op(arg), op(arg, arg2), op(arg, arg2, arg3): inputs a, b, c of the graph's node
};

struct Expr {
  Kind kind = Kind::kSum;
  Op op = Op::kConst;
  Id arg = -1;
  Id arg2 = -1;
  Id arg3 = -1;
  double value = 0;
  std::string name;
  std::vector<Term> terms;
};

// Limits that keep the normal form polynomial in its input: past them a Pool reports failure and
// the caller keeps the plain simplified text.
struct Budget {
  std::size_t max_terms = 20000;     // terms built in all, over every operation
  std::int64_t max_expand_power = 4; // (a + b)^n is multiplied out only for n up to this
};

class Pool {
 public:
  explicit Pool(Budget budget = {}) : budget_(budget) {}

  // expand: products of sums are multiplied out (x(x + 1) = x^2 + x); otherwise sums stay factors.
  void set_expand(bool expand) { expand_ = expand; }
  bool failed() const { return failed_; }  // a budget was exceeded or a number left exact arithmetic

  Id constant(Rational r);
  Id number(double v);  // exact rational when v has a short decimal form
  Id variable(const std::string& name);
  Id named(const std::string& name, double value);
  Id call(Op op, Id arg);
  // An op of two or three inputs (max, where, a comparison, ...), kept whole with its inputs normalised.
  Id call(Op op, Id a, Id b, Id c);
  Id add(Id a, Id b);
  Id mul(Id a, Id b);
  Id pow(Id a, Id b);
  Id neg(Id a);
  Id from_terms(std::vector<Term> terms);
  // The sum of terms that are each in normal form already: like terms collected, nothing else.
  Id collect(std::vector<Term> terms);
  // A sum made from terms as given, not normalised (for printing a factor with its sign flipped).
  Id raw_sum(std::vector<Term> terms);

  const Expr& operator[](Id id) const { return exprs_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return exprs_.size(); }
  std::vector<Term> terms_of(Id id) const;
  const Rational* as_rational(Id id) const;  // the value when id is a rational constant
  Id zero() { return constant({0, 1}); }
  Id one() { return constant({1, 1}); }
  void fail() { failed_ = true; }

 private:
  Id intern(Expr e);
  bool normalise_term(Term& term, std::vector<Term>& more);
  bool spend(std::size_t terms);
  bool content_of_sum(Id sum, Rational& content, Id& primitive);
  Id clear_denominators(Id sum, std::vector<Factor>& outside);

  Budget budget_;
  bool expand_ = false;
  bool failed_ = false;
  std::size_t spent_ = 0;
  std::vector<Expr> exprs_;
  std::unordered_map<std::string, Id> index_;
};

// The graph node `root` in normal form (nodes built by the Simplifier or the parser). Iterative over
// the nodes in creation order, so depth costs no call stack.
Id from_graph(Pool& pool, const Graph& graph, NodeId root);

// The shortest of the normal form's readings (collected, multiplied out, common factor taken out, over
// a common denominator) as new nodes in `graph`, ready for print(); kNoNode when over budget.
NodeId textbook_form(Graph& graph, NodeId root, Budget budget = {});

}  // namespace bp::expr::canonical
