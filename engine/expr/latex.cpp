// LaTeX command table: one row per command a learner pastes from notes or from Desmos.
#include "expr/latex.hpp"

#include <array>

namespace bp::expr::latex {

namespace {

struct Row {
  std::string_view name;
  Command command;
};

// Greek letters read as the Unicode letter, so \theta and θ are the same name and \sigma(x) is σ(x).
constexpr std::array kGreek = {
    Row{"alpha", {Kind::kName, "α"}},     Row{"beta", {Kind::kName, "β"}},      Row{"gamma", {Kind::kName, "γ"}},
    Row{"delta", {Kind::kName, "δ"}},     Row{"epsilon", {Kind::kName, "ε"}},   Row{"varepsilon", {Kind::kName, "ε"}},
    Row{"zeta", {Kind::kName, "ζ"}},      Row{"eta", {Kind::kName, "η"}},       Row{"theta", {Kind::kName, "θ"}},
    Row{"vartheta", {Kind::kName, "ϑ"}},  Row{"iota", {Kind::kName, "ι"}},      Row{"kappa", {Kind::kName, "κ"}},
    Row{"lambda", {Kind::kName, "λ"}},    Row{"mu", {Kind::kName, "μ"}},        Row{"nu", {Kind::kName, "ν"}},
    Row{"xi", {Kind::kName, "ξ"}},        Row{"pi", {Kind::kName, "pi"}},       Row{"rho", {Kind::kName, "ρ"}},
    Row{"varrho", {Kind::kName, "ϱ"}},    Row{"sigma", {Kind::kName, "σ"}},     Row{"tau", {Kind::kName, "τ"}},
    Row{"upsilon", {Kind::kName, "υ"}},   Row{"phi", {Kind::kName, "φ"}},       Row{"varphi", {Kind::kName, "φ"}},
    Row{"chi", {Kind::kName, "χ"}},       Row{"psi", {Kind::kName, "ψ"}},       Row{"omega", {Kind::kName, "ω"}},
    Row{"Gamma", {Kind::kName, "Γ"}},     Row{"Delta", {Kind::kName, "Δ"}},     Row{"Theta", {Kind::kName, "Θ"}},
    Row{"Lambda", {Kind::kName, "Λ"}},    Row{"Xi", {Kind::kName, "Ξ"}},        Row{"Pi", {Kind::kName, "Π"}},
    Row{"Sigma", {Kind::kName, "Σ"}},     Row{"Upsilon", {Kind::kName, "Υ"}},   Row{"Phi", {Kind::kName, "Φ"}},
    Row{"Psi", {Kind::kName, "Ψ"}},       Row{"Omega", {Kind::kName, "Ω"}},
};

constexpr std::array kOthers = {
    Row{",", {Kind::kSpace, ""}},           Row{";", {Kind::kSpace, ""}},        Row{"!", {Kind::kSpace, ""}},
    Row{":", {Kind::kSpace, ""}},           Row{" ", {Kind::kSpace, ""}},        Row{"quad", {Kind::kSpace, ""}},
    Row{"qquad", {Kind::kSpace, ""}},       Row{"cdot", {Kind::kOperator, "*"}}, Row{"times", {Kind::kOperator, "*"}},
    Row{"div", {Kind::kOperator, "/"}},     Row{"le", {Kind::kOperator, "<="}},  Row{"leq", {Kind::kOperator, "<="}},
    Row{"ge", {Kind::kOperator, ">="}},     Row{"geq", {Kind::kOperator, ">="}}, Row{"ne", {Kind::kOperator, "!="}},
    Row{"neq", {Kind::kOperator, "!="}},    Row{"lt", {Kind::kOperator, "<"}},   Row{"gt", {Kind::kOperator, ">"}},
    Row{"sin", {Kind::kFunction, "sin"}},   Row{"cos", {Kind::kFunction, "cos"}},
    Row{"tan", {Kind::kFunction, "tan"}},   Row{"sec", {Kind::kFunction, "sec"}},
    Row{"csc", {Kind::kFunction, "csc"}},   Row{"cot", {Kind::kFunction, "cot"}},
    Row{"sinh", {Kind::kFunction, "sinh"}}, Row{"cosh", {Kind::kFunction, "cosh"}},
    Row{"tanh", {Kind::kFunction, "tanh"}}, Row{"arcsin", {Kind::kFunction, "arcsin"}},
    Row{"arccos", {Kind::kFunction, "arccos"}}, Row{"arctan", {Kind::kFunction, "arctan"}},
    Row{"ln", {Kind::kFunction, "ln"}},     Row{"log", {Kind::kFunction, "log"}},
    Row{"exp", {Kind::kFunction, "exp"}},   Row{"max", {Kind::kFunction, "max"}},
    Row{"min", {Kind::kFunction, "min"}},   Row{"frac", {Kind::kFrac, ""}},      Row{"dfrac", {Kind::kFrac, ""}},
    Row{"tfrac", {Kind::kFrac, ""}},        Row{"sqrt", {Kind::kSqrt, ""}},      Row{"left", {Kind::kLeft, ""}},
    Row{"right", {Kind::kRight, ""}},       Row{"vert", {Kind::kBar, ""}},       Row{"lvert", {Kind::kBar, ""}},
    Row{"rvert", {Kind::kBar, ""}},         Row{"mid", {Kind::kBar, ""}},        Row{"{", {Kind::kLBrace, ""}},
    Row{"}", {Kind::kRBrace, ""}},          Row{"operatorname", {Kind::kOperatorName, ""}},
    Row{"mathrm", {Kind::kOperatorName, ""}},
};

}  // namespace

Command command(std::string_view name) {
  for (const auto& row : kGreek) {
    if (row.name == name) return row.command;
  }
  for (const auto& row : kOthers) {
    if (row.name == name) return row.command;
  }
  return {};
}

std::string_view supported_list() {
  return "\\frac{a}{b}, \\sqrt{x}, \\sqrt[n]{x}, \\cdot, \\times, \\div, \\left( \\right), \\left| \\right|, "
         "\\sin … \\tanh, \\arcsin, \\ln, \\log, \\exp, \\operatorname{name}, \\pi and the Greek letters, "
         "\\le \\ge \\ne, \\{ \\}, and \\, \\; \\! \\  as spaces";
}

}  // namespace bp::expr::latex
