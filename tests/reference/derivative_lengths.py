"""Reference lengths for tests/unit/test_derivative_text.cpp: SymPy's simplify() of each textbook
derivative, printed by SymPy's str() with ** written ^ (this language's power), so the comparison is
not flattered by SymPy's longer notation. Not run by CI; regenerate by hand when the list changes:
    python3 tests/reference/derivative_lengths.py > rows.txt   (paste into kTextbook)
Each input is written in this project's expression language and read into SymPy below."""
import sympy as sp
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication

# (input in this language, variable)
CASES = [
    # polynomials and powers
    ("2x^2 - 3x + 4", "x"), ("x^3", "x"), ("5x^4 - 3x^2 + 7", "x"), ("(x + 1)^3", "x"),
    ("(2x - 1)^5", "x"), ("x^2*(x + 1)", "x"), ("(x + 1)*(x - 1)", "x"), ("x*x*x", "x"),
    ("2x^2 + x*x", "x"), ("(x^2 + 1)^2", "x"), ("1/x", "x"), ("x^-3", "x"), ("sqrt(x)", "x"),
    ("x^(3/2)", "x"), ("1/sqrt(x)", "x"), ("x^(1/3)", "x"), ("2x/2", "x"), ("x^2/2 + x/3", "x"),
    # quotients
    ("x/(x + 1)", "x"), ("(x^2 + 1)/(x - 1)", "x"), ("(2x + 3)/(x^2 + 1)", "x"), ("1/(1 + x^2)", "x"),
    ("(x - 1)/(x + 1)", "x"), ("x^2/(1 - x)", "x"), ("1/(x^2 - 4)", "x"), ("(x + 1)^2/x", "x"),
    # chains
    ("sqrt(1 + x^2)", "x"), ("(3x^2 + 1)^4", "x"), ("sin(x^2)", "x"), ("cos(3x + 1)", "x"),
    ("sin(x)^2", "x"), ("sqrt(sin(x))", "x"), ("exp(sin(x))", "x"), ("log(cos(x))", "x"),
    ("sin(cos(x))", "x"), ("(1 + sqrt(x))^2", "x"),
    # exp and log
    ("e^x", "x"), ("exp(2x)", "x"), ("exp(-x^2)", "x"), ("x*exp(x)", "x"), ("x^2*exp(-x)", "x"),
    ("log(x)", "x"), ("log(x^2 + 1)", "x"), ("x*log(x)", "x"), ("log(x)/x", "x"), ("2^x", "x"),
    ("x^x", "x"), ("e^(3x)", "x"), ("log(1/x)", "x"), ("log(sqrt(x))", "x"), ("log(x) + x*(1/x)", "x"),
    ("e^x*e^x", "x"), ("exp(x)*exp(-x)", "x"), ("x^2*log(x)", "x"),
    # trigonometry
    ("tan(x)", "x"), ("sin(x)*cos(x)", "x"), ("x*sin(x)", "x"), ("sin(x)/x", "x"), ("tan(2x)", "x"),
    ("1/cos(x)", "x"), ("cos(x)^2 - sin(x)^2", "x"), ("sin(x)^2 + cos(x)^2", "x"), ("x^2*cos(x)", "x"),
    ("sin(x)/cos(x)", "x"),
    # machine learning
    ("sigmoid(x)", "x"), ("tanh(x)", "x"), ("sigmoid(2x + 1)", "x"), ("log(1 + exp(x))", "x"),
    ("log(sigmoid(x))", "x"), ("x*sigmoid(x)", "x"), ("tanh(x)^2", "x"), ("1/(1 + exp(-x))", "x"),
    ("(exp(x) - exp(-x))/(exp(x) + exp(-x))", "x"), ("log(exp(x) + exp(y))", "x"),
    ("exp(x)/(exp(x) + exp(y))", "x"),
    ("(w*x + b - y)^2", "w"), ("(w*x + b - y)^2", "b"),
    ("-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))", "w"),
    ("-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))", "b"),
    ("-(y*log(p) + (1 - y)*log(1 - p))", "p"),
    ("h = tanh(w1*x + b1); (w2*h + b2 - y)^2", "w1"), ("h = tanh(w1*x + b1); (w2*h + b2 - y)^2", "b1"),
    ("h = tanh(w1*x + b1); (w2*h + b2 - y)^2", "w2"), ("h = tanh(w1*x + b1); (w2*h + b2 - y)^2", "b2"),
    ("h = sigmoid(w1*x + b1); p = sigmoid(w2*h + b2); -(y*log(p) + (1 - y)*log(1 - p))", "w2"),
    # hyperbolic and inverse functions, and the ML course's activations
    ("sinh(x)", "x"), ("cosh(x)", "x"), ("sinh(x)*cosh(x)", "x"), ("tanh(2x)", "x"), ("cosh(x)^2", "x"),
    ("asin(x)", "x"), ("acos(x)", "x"), ("atan(x)", "x"), ("atan(x^2)", "x"), ("asin(x/2)", "x"),
    ("x*atan(x)", "x"), ("atan(1/x)", "x"), ("asinh(x)", "x"), ("acosh(x + 1)", "x"), ("atanh(x/2)", "x"),
    ("softplus(x)", "x"), ("softplus(2x + 1)", "x"), ("logsigmoid(x)", "x"), ("erf(x)", "x"), ("erf(x^2)", "x"),
    ("log2(x)", "x"), ("log10(x^2 + 1)", "x"), ("cbrt(x)", "x"), ("exp2(x)", "x"), ("gelu(x)", "x"),
    ("x*tanh(softplus(x))", "x"), ("softplus(w*x + b) - y*(w*x + b)", "w"),
]



class sigmoid(sp.Function):
    """The logistic function as a primitive, as this language has it: SymPy knows it by its derivative
    σ' = σ(1 - σ), the textbook's form, instead of rewriting it into exp and cosh."""

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0]) * (1 - sigmoid(self.args[0]))


Z = sp.Symbol("z")
NAMES = {
    "sigmoid": sigmoid, "e": sp.E, "ln": sp.log, "pi": sp.pi,
    "softplus": sp.Lambda(Z, sp.log(1 + sp.exp(Z))), "logsigmoid": sp.Lambda(Z, sp.log(sigmoid(Z))),
    "log2": sp.Lambda(Z, sp.log(Z) / sp.log(2)), "log10": sp.Lambda(Z, sp.log(Z) / sp.log(10)),
    "cbrt": sp.Lambda(Z, Z ** sp.Rational(1, 3)), "exp2": sp.Lambda(Z, 2 ** Z),
    "gelu": sp.Lambda(Z, Z / 2 * (1 + sp.erf(Z / sp.sqrt(2)))),  # PyTorch's exact (erf) form
}
TRANSFORMS = standard_transformations + (implicit_multiplication,)


def read(program):
    """A program `a = ...; b = ...; last` as one SymPy expression, assignments substituted."""
    names = dict(NAMES)
    value = None
    for statement in program.split(";"):
        target, _, body = statement.rpartition("=")
        value = parse_expr(body.strip().replace("^", "**"), local_dict=names, transformations=TRANSFORMS)
        if target.strip():
            names[target.strip()] = value
    return value


def text(expr):
    return sp.sstr(expr).replace("**", "^")


for source, variable in CASES:
    d = sp.simplify(sp.diff(read(source), sp.Symbol(variable)))
    t = text(d)
    print('    // %s' % t)
    print('    {"%s", "%s", %d},' % (source, variable, len(t)))
