"""Reference numbers for tests/unit/test_optimizers.cpp: torch.optim's documented algorithms (the
pseudo-code in the docstrings of torch.optim.SGD, Adagrad, RMSprop, Adam and AdamW) written out line
by line below in mpmath at 50 significant digits, with the gradient differentiated exactly by SymPy.
PyTorch itself is not installed where these were made; where it is, the same runs through torch.optim
in float64 should agree to about 1e-12 (re-check them there). Not run by CI; regenerate by hand:
    python3 tests/reference/optimizers.py          (paste the rows into kCases)
maximize=False, SGD's dampening 0, Adagrad's lr_decay 0 and initial_accumulator_value 0, RMSprop
uncentered and Adam without amsgrad throughout, as the engine fixes them."""
import mpmath as mp
import sympy as sp

mp.mp.dps = 50
X, Y = sp.symbols("x y")
FUNCTIONS = {  # name in the C++ table: (SymPy expression, the engine's text)
    "kQuadratic": (X**2 + 10 * Y**2, "x^2 + 10y^2"),
    "kRosenbrock": ((1 - X) ** 2 + 100 * (Y - X**2) ** 2, "(1 - x)^2 + 100(y - x^2)^2"),
}

# torch.optim's defaults; 'momentum' and 'nesterov' are SGD(momentum=0.9[, nesterov=True]).
TORCH_DEFAULTS = {
    "sgd": dict(lr=1e-3, momentum=0, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0),
    "momentum": dict(lr=1e-3, momentum=0.9, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0),
    "nesterov": dict(lr=1e-3, momentum=0.9, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0),
    "adagrad": dict(lr=1e-2, momentum=0, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-10, weight_decay=0),
    "rmsprop": dict(lr=1e-2, momentum=0, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0),
    "adam": dict(lr=1e-3, momentum=0, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0),
    "adamw": dict(lr=1e-3, momentum=0, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2),
}

# (optimizer, function, start, overrides of torch's defaults); 50 steps each.
CASES = [
    ("sgd", "kQuadratic", (1.5, 1), dict(lr=0.04)),
    ("sgd", "kQuadratic", (1.5, 1), dict(lr=0.04, weight_decay=0.5)),
    ("momentum", "kQuadratic", (1.5, 1), dict(lr=0.02)),
    ("momentum", "kQuadratic", (1.5, 1), dict(lr=0.02, momentum=0.5, weight_decay=0.1)),
    ("nesterov", "kQuadratic", (1.5, 1), dict(lr=0.02)),
    ("adagrad", "kQuadratic", (1.5, 1), dict(lr=0.5)),
    ("adagrad", "kRosenbrock", (-1.2, 1), dict(lr=0.1, weight_decay=0.2)),
    ("rmsprop", "kQuadratic", (1.5, 1), dict()),
    ("rmsprop", "kRosenbrock", (-1.2, 1), dict(momentum=0.5, weight_decay=0.1, alpha=0.9)),
    ("adam", "kQuadratic", (1.5, 1), dict(lr=0.1)),
    ("adam", "kRosenbrock", (-1.2, 1), dict(lr=0.01, weight_decay=0.3, beta1=0.8, beta2=0.99)),
    ("adamw", "kQuadratic", (1.5, 1), dict(lr=0.1, weight_decay=0.3)),
    ("adamw", "kRosenbrock", (-1.2, 1), dict(lr=0.01, weight_decay=0.3, beta1=0.8, beta2=0.99)),
] + [(name, "kRosenbrock", (-1.2, 1), dict()) for name in TORCH_DEFAULTS]


def gradient_of(expr):
    f = sp.lambdify((X, Y), expr, "mpmath")
    gx = sp.lambdify((X, Y), sp.diff(expr, X), "mpmath")
    gy = sp.lambdify((X, Y), sp.diff(expr, Y), "mpmath")
    return f, lambda p: [gx(*p), gy(*p)]


def run(name, grad, start, h, steps=50):
    mpf = mp.mpf
    lr, mu, alpha = mpf(h["lr"]), mpf(h["momentum"]), mpf(h["alpha"])
    b1, b2, eps, lam = mpf(h["beta1"]), mpf(h["beta2"]), mpf(h["eps"]), mpf(h["weight_decay"])
    theta = [mpf(start[0]), mpf(start[1])]
    s1 = [mpf(0), mpf(0)]  # momentum buffer b / state_sum / square average v / first moment m
    s2 = [mpf(0), mpf(0)]  # RMSprop's buffer b / second moment v
    for t in range(1, steps + 1):
        g = grad(theta)  # g_t <- grad f(theta_{t-1})
        for i in range(2):
            gi = g[i]
            if name in ("sgd", "momentum", "nesterov"):
                if lam != 0: gi = gi + lam * theta[i]                       # g <- g + lambda theta
                if mu != 0:
                    s1[i] = gi if t == 1 else mu * s1[i] + (1 - 0) * gi      # b <- mu b + (1 - tau) g
                    gi = gi + mu * s1[i] if name == "nesterov" else s1[i]    # nesterov: g + mu b, else b
                theta[i] = theta[i] - lr * gi                               # theta <- theta - gamma g
            elif name == "adagrad":
                lr_t = lr / (1 + (t - 1) * 0)                               # gamma~ <- gamma / (1 + (t-1) eta)
                if lam != 0: gi = gi + lam * theta[i]
                s1[i] = s1[i] + gi**2                                       # state_sum <- state_sum + g^2
                theta[i] = theta[i] - lr_t * gi / (mp.sqrt(s1[i]) + eps)
            elif name == "rmsprop":
                if lam != 0: gi = gi + lam * theta[i]
                s1[i] = alpha * s1[i] + (1 - alpha) * gi**2                 # v <- alpha v + (1 - alpha) g^2
                v_tilde = s1[i]                                             # uncentered
                if mu > 0:
                    s2[i] = mu * s2[i] + gi / (mp.sqrt(v_tilde) + eps)      # b <- mu b + g / (sqrt(v~) + eps)
                    theta[i] = theta[i] - lr * s2[i]
                else:
                    theta[i] = theta[i] - lr * gi / (mp.sqrt(v_tilde) + eps)
            else:  # adam, adamw
                if name == "adamw":
                    theta[i] = theta[i] - lr * lam * theta[i]                # theta <- theta - gamma lambda theta
                elif lam != 0:
                    gi = gi + lam * theta[i]
                s1[i] = b1 * s1[i] + (1 - b1) * gi                          # m <- beta1 m + (1 - beta1) g
                s2[i] = b2 * s2[i] + (1 - b2) * gi**2                       # v <- beta2 v + (1 - beta2) g^2
                m_hat = s1[i] / (1 - b1**t)
                v_hat = s2[i] / (1 - b2**t)
                theta[i] = theta[i] - lr * m_hat / (mp.sqrt(v_hat) + eps)   # theta <- theta - gamma m^ / (sqrt(v^) + eps)
    return theta


def number(v):
    return mp.nstr(v, 17, min_fixed=-4, max_fixed=6)


for name, function, start, overrides in CASES:
    expr, _ = FUNCTIONS[function]
    f, grad = gradient_of(expr)
    h = dict(TORCH_DEFAULTS[name], **overrides)
    theta = run(name, grad, start, h)
    defaults = "true" if not overrides else "false"
    hyper = ", ".join(repr(h[k]) for k in ("lr", "momentum", "alpha", "beta1", "beta2", "eps", "weight_decay"))
    print(f'    {{"{name}", {function}, {{{start[0]}, {start[1]}}}, {defaults}, {{{hyper}}},')
    print(f'     {{{number(theta[0])}, {number(theta[1])}}}, {number(f(*theta))}}},')
