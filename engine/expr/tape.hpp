// Evaluation and reverse-mode differentiation of a Program. The tape holds the output's ancestors in
// creation order (a topological order): forward is one loop up, backward one loop down with `+=`.
// No recursion anywhere, so a chain of a million nodes needs no stack. Gradients that fade to subnormal
// numbers take the same arithmetic without the processor's slow path for them (subnormal.hpp).
#pragma once

#include <vector>

#include "expr/program.hpp"

namespace bp::expr {

// d node / d a, d node / d b and d node / d c at the node's input values a, b, c and its value out:
// the rules of local_rules.hpp (the one table), all three at once, for exports and tests.
struct LocalGradient {
  double da = 0, db = 0, dc = 0;
};
LocalGradient local_gradient(Op op, double a, double b, double c, double out);
inline LocalGradient local_gradient(Op op, double a, double b, double out) {
  return local_gradient(op, a, b, 0, out);
}

class Tape {
 public:
  Tape() = default;
  explicit Tape(const Program& program);

  // input_values[i] is the value of program.inputs()[i]. Returns the output's value.
  double forward(const std::vector<double>& input_values) { return forward(input_values.data()); }
  double forward(const double* input_values);
  // After forward(): d output / d node for every node; constants keep 0 (they have no gradient).
  void backward();

  double value_of(NodeId node) const { return value_[slot(node)]; }
  double grad_of(NodeId node) const { return grad_[slot(node)]; }
  bool contains(NodeId node) const {
    return node >= 0 && static_cast<std::size_t>(node) < slot_.size() && slot_[node] >= 0;
  }
  const std::vector<NodeId>& nodes() const { return order_; }  // the output's ancestors, inputs first
  double grad_of_input(int input) const;  // 0 when the input does not reach the output

  // f and d f / d input at many points: `input` takes xs[k] in turn, the others their input_values.
  // The same arithmetic as forward() + backward() at each point (bit for bit), run on a block of points
  // per instruction so the interpretation costs once per block and the loops vectorise (plots: 10,000
  // points a frame). dys may be null; input may be -1 (f does not depend on it: slopes 0).
  void sweep(int input, const std::vector<double>& input_values, const double* xs, std::size_t n, double* ys,
             double* dys);
  // f and the whole gradient at m points at once, every input varying: the optimizer race's racers in one
  // pass (the interpretation costs once per instruction, not once per racer), with forward() + backward()'s
  // bits at each point. inputs[i * m + j] is input i at point j; grads has the same layout; values one per
  // point. For a few points (racers), not thousands: the scratch rows are slots × m.
  void gradient_at_points(const double* inputs, std::size_t m, double* values, double* grads);

 private:
  struct Instr {
    Op op;
    // The input exists, is not a constant (constants get no gradient) and is not flat (is_flat_input).
    bool a_takes_grad, b_takes_grad, c_takes_grad;
    int a, b, c;      // slots of the inputs, -1 where there is none
    double constant;  // constant value, or the input index of a variable
    bool a_first = false, b_first = false, c_first = false;  // the first gradient into that input going back
    bool reached = false;  // some gradient flows into this node (the output, or a non-flat input of a node)
  };
  // input_rows, when not null, gives every input's values (input i at input_rows[i * m + j]) and
  // x_slot, input_values and xs are not read.
  void sweep_block(int x_slot, const std::vector<double>& input_values, const double* xs, const double* input_rows,
                   std::size_t m, std::size_t block, double* value, double* grad) const;
  bool is_square(const Instr& k) const;  // a^2 with the constant 2: the sweeps' fast case
  std::size_t slot(NodeId node) const { return static_cast<std::size_t>(slot_[static_cast<std::size_t>(node)]); }

  std::vector<NodeId> order_;
  std::vector<int> slot_;          // node id -> position on the tape, -1 if not an ancestor
  std::vector<Instr> code_;
  std::vector<int> input_slot_;    // input index -> slot, -1 if unused
  std::vector<double> value_, grad_;
  std::vector<double> block_value_, block_grad_, block_inputs_;  // sweep's and gradient_at_points' rows, kept
};

}  // namespace bp::expr
