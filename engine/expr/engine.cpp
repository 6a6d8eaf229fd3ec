// The front door: compile, bind values, run the tape. Messages here are what a learner reads.
#include "expr/engine.hpp"

#include <cmath>

#include "expr/canonical.hpp"
#include "expr/derivative.hpp"
#include "expr/lexer.hpp"
#include "expr/printer.hpp"

namespace bp::expr {

namespace {

const double* find_value(const Vars& vars, std::string_view name) {
  for (const auto& [key, value] : vars) {
    if (key == name) return &value;
  }
  return nullptr;
}

// Splits `name` into names that have values ("xy" -> "x*y"), or returns "" when it cannot.
std::string split_suggestion(const std::string& name, const Vars& vars) {
  const std::size_t n = name.size();
  std::vector<int> from(n + 1, -1);  // from[i]: start of the last piece of a split of name[0, i)
  from[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (from[i] < 0) continue;
    for (std::size_t j = i + 1; j <= n; ++j) {
      const std::string piece = name.substr(i, j - i);
      if (from[j] < 0 && (find_value(vars, piece) || piece == "pi" || piece == "e")) from[j] = static_cast<int>(i);
    }
  }
  if (from[n] < 0 || n < 2) return "";
  std::string out;
  for (std::size_t end = n; end > 0;) {
    const auto start = static_cast<std::size_t>(from[end]);
    out = name.substr(start, end - start) + (out.empty() ? "" : "*" + out);
    end = start;
  }
  return out == name ? "" : out;
}

Expected<const Tape*> run_forward_backward(const Program& program, const Vars& vars, double& value) {
  auto inputs = input_values(program, vars);
  if (!inputs) return inputs.error();
  Tape& tape = tape_of(program);
  value = tape.forward(*inputs);
  tape.backward();
  return &tape;
}

std::optional<Error> check_variable_name(std::string_view variable) {
  auto tokens = lex(variable);
  if (!tokens || tokens->size() != 2 || (*tokens)[0].kind != Tok::kIdent) {
    return Error{"'" + std::string(variable) + "' is not a variable name", {}};
  }
  return std::nullopt;
}

}  // namespace

Tape& tape_of(const Program& program) {
  if (!program.tape) program.tape = std::make_shared<Tape>(program);
  return *program.tape;
}

std::vector<std::string> names_of(const Vars& vars) {
  std::vector<std::string> names;
  names.reserve(vars.size());
  for (const auto& entry : vars) names.push_back(entry.first);
  return names;
}

Expected<std::vector<double>> input_values(const Program& program, const Vars& vars) {
  std::vector<double> values;
  values.reserve(program.inputs.size());
  for (const Input& input : program.inputs) {
    if (const double* v = find_value(vars, input.name)) {
      values.push_back(*v);
    } else if (input.default_value) {
      values.push_back(*input.default_value);
    } else {
      const std::string suggestion = split_suggestion(input.name, vars);
      std::string message = "'" + input.name + "' has no value";
      message += suggestion.empty() ? "" : ": did you mean " + suggestion + "?";
      return Error{message, input.span};
    }
  }
  return values;
}

Expected<double> evaluate(const Program& program, const Vars& vars) {
  auto inputs = input_values(program, vars);
  if (!inputs) return inputs.error();
  return tape_of(program).forward(*inputs);
}

Expected<ValueAndGradient> gradient(const Program& program, const Vars& vars) {
  ValueAndGradient out;
  auto tape = run_forward_backward(program, vars, out.value);
  if (!tape) return tape.error();
  for (std::size_t i = 0; i < program.inputs.size(); ++i) {
    out.grad.emplace_back(program.inputs[i].name, (*tape)->grad_of_input(static_cast<int>(i)));
  }
  return out;
}

Expected<ValueAndSlope> numerical_derivative(const Program& program, std::string_view variable, const Vars& vars,
                                             double h, Scheme scheme) {
  if (auto error = check_variable_name(variable)) return *error;
  if (!(h > 0) || !std::isfinite(h)) {
    return Error{"h must be a positive, finite number (got " + format_number(h) + ")", {}};
  }
  if (program.is_assigned(variable) && !program.find_input(variable)) {
    return Error{"'" + std::string(variable) + "' is computed by the program; pick one of its inputs", {}};
  }
  auto inputs = input_values(program, vars);
  if (!inputs) return inputs.error();
  Tape tape(program);
  ValueAndSlope out;
  out.value = tape.forward(*inputs);
  int index = -1;
  for (std::size_t i = 0; i < program.inputs.size(); ++i) {
    if (program.inputs[i].name == variable) index = static_cast<int>(i);
  }
  if (index < 0) return out;  // f does not depend on the variable: slope 0
  std::vector<double> shifted = *inputs;
  const double x = (*inputs)[static_cast<std::size_t>(index)];
  auto f_at = [&](double at) {
    shifted[static_cast<std::size_t>(index)] = at;
    return tape.forward(shifted);
  };
  switch (scheme) {
    case Scheme::kForward: out.slope = (f_at(x + h) - out.value) / h; break;
    case Scheme::kCentral: out.slope = (f_at(x + h) - f_at(x - h)) / (2 * h); break;
    case Scheme::kBackward: out.slope = (out.value - f_at(x - h)) / h; break;
  }
  return out;
}

Expected<GraphExport> graph(const Program& program, const Vars& vars) {
  double value = 0;
  auto tape = run_forward_backward(program, vars, value);
  if (!tape) return tape.error();
  return export_graph(program, **tape);
}

Expected<double> evaluate(std::string_view text, const Vars& vars) {
  auto program = compile(text, names_of(vars));
  if (!program) return program.error();
  return evaluate(*program, vars);
}

Expected<ValueAndGradient> gradient(std::string_view text, const Vars& vars) {
  auto program = compile(text, names_of(vars));
  if (!program) return program.error();
  return gradient(*program, vars);
}

Expected<ValueAndSlope> numerical_derivative(std::string_view text, std::string_view variable, const Vars& vars,
                                             double h, Scheme scheme) {
  auto program = compile(text, names_of(vars));
  if (!program) return program.error();
  return numerical_derivative(*program, variable, vars, h, scheme);
}

Expected<std::string> derivative(std::string_view text, std::string_view variable) {
  if (auto error = check_variable_name(variable)) return *error;
  auto program = compile(text, {std::string(variable)});
  if (!program) return program.error();
  if (program->is_assigned(variable) && !program->find_input(variable)) {
    return Error{"'" + std::string(variable) + "' is computed by the program; differentiate with respect to an input",
                 {}};
  }
  const NodeId d = differentiate(*program, variable);
  const NodeId textbook = canonical::textbook_form(program->graph, d);  // kNoNode when over its budget
  const NodeId result = textbook != kNoNode ? textbook : d;
  if (auto v = non_finite_number(program->graph, result)) {
    return Error{std::isnan(*v) ? "the derivative holds NaN (an undefined number, as 0*1e999), which the language "
                                  "has no word for: write finite numbers"
                                : "the derivative holds infinity (a number beyond double precision, as 1e300*1e300 "
                                  "or 1e999), which the language has no word for: write smaller numbers",
                 {}};
  }
  return print(program->graph, result);
}

Expected<GraphExport> graph(std::string_view text, const Vars& vars) {
  auto program = compile(text, names_of(vars));
  if (!program) return program.error();
  return graph(*program, vars);
}

}  // namespace bp::expr
