"""Reference numbers for tests/unit/test_nn_layers.cpp: one SGD step of a [2, 3, 3, 3] network with tanh hidden
layers, inverted dropout (rate 0.25, the masks given below), a skip connection around the second hidden layer
(h2 = h1 + dropout(tanh(W2 h1 + b2))) and a softmax output with cross-entropy (mean over the two examples),
learning rate 0.1. Written from the formulas alone, in mpmath at 50 digits, with no project code. The gradients
are computed twice: by the chain rule written out by hand, and by mpmath's numerical differentiation of the loss
(mp.diff, at 50 digits), which shares nothing with the hand-written backward pass; the script stops if they
disagree. PyTorch is not installed where these were made; the C++ test gives the PyTorch float64 script that
should print the same numbers to about 1e-15. Not run by CI; regenerate by hand:
    python3 tests/reference/nn_layers.py"""
import mpmath as mp

mp.mp.dps = 50
F = mp.mpf

W1 = [[F("0.1"), F("-0.2")], [F("0.4"), F("0.3")], [F("-0.5"), F("0.25")]]
b1 = [F("0.05"), F("-0.1"), F("0")]
W2 = [[F("0.2"), F("-0.3"), F("0.1")], [F("0"), F("0.5"), F("-0.4")], [F("0.3"), F("0.1"), F("0.2")]]
b2 = [F("0.01"), F("0.02"), F("-0.03")]
W3 = [[F("0.7"), F("-0.5"), F("0.2")], [F("-0.1"), F("0.3"), F("0.6")], [F("0.4"), F("0.2"), F("-0.3")]]
b3 = [F("0.2"), F("-0.1"), F("0")]
X = [[F("1"), F("2")], [F("-1"), F("0.5")]]
classes = [2, 0]
rate = F("0.25")
keep = 1 / (1 - rate)  # torch.nn.Dropout scales the units it keeps by 1/(1 - p)
# mask[unit][example]: 1 kept, 0 dropped
M1 = [[1, 0], [1, 1], [0, 1]]
M2 = [[1, 1], [0, 1], [1, 0]]
lr = F("0.1")
n = len(X)


def matvec(W, v, b):
    return [sum(W[i][j] * v[j] for j in range(len(v))) + b[i] for i in range(len(W))]


def forward(params, e):
    W1, b1, W2, b2, W3, b3 = params
    x = X[e]
    f1 = [mp.tanh(z) for z in matvec(W1, x, b1)]
    h1 = [M1[i][e] * keep * f1[i] for i in range(3)]
    f2 = [mp.tanh(z) for z in matvec(W2, h1, b2)]
    h2 = [h1[i] + M2[i][e] * keep * f2[i] for i in range(3)]  # the skip
    z3 = matvec(W3, h2, b3)
    top = max(z3)
    exps = [mp.exp(z - top) for z in z3]
    p = [v / sum(exps) for v in exps]
    return x, f1, h1, f2, h2, z3, p


def loss_of(params):
    return sum(-mp.log(forward(params, e)[6][classes[e]]) for e in range(n)) / n



def report():
    global W1, b1, W2, b2, W3, b3
    params = [W1, b1, W2, b2, W3, b3]
    zeros = lambda rows, cols: [[F(0)] * cols for _ in range(rows)]
    gW1, gW2, gW3 = zeros(3, 2), zeros(3, 3), zeros(3, 3)
    gb1, gb2, gb3 = [F(0)] * 3, [F(0)] * 3, [F(0)] * 3
    for e in range(n):
        x, f1, h1, f2, h2, z3, p = forward(params, e)
        d3 = [(p[k] - (1 if k == classes[e] else 0)) / n for k in range(3)]  # dL/dz3 of the mean softmax CE
        gh2 = [sum(W3[k][i] * d3[k] for k in range(3)) for i in range(3)]
        d2 = [gh2[i] * M2[i][e] * keep * (1 - f2[i] ** 2) for i in range(3)]
        gh1 = [sum(W2[k][i] * d2[k] for k in range(3)) + gh2[i] for i in range(3)]  # + the skip's identity
        d1 = [gh1[i] * M1[i][e] * keep * (1 - f1[i] ** 2) for i in range(3)]
        for g, gb, d, a in ((gW3, gb3, d3, h2), (gW2, gb2, d2, h1), (gW1, gb1, d1, x)):
            for i in range(len(g)):
                gb[i] += d[i]
                for j in range(len(a)):
                    g[i][j] += d[i] * a[j]

    # The same gradients by numerical differentiation of the loss, parameter by parameter.
    worst = F(0)
    for grad, p_index in ((gW1, 0), (gb1, 1), (gW2, 2), (gb2, 3), (gW3, 4), (gb3, 5)):
        param = params[p_index]
        for i in range(len(param)):
            for j in range(len(param[i]) if isinstance(param[i], list) else 1):
                def nudged(t, i=i, j=j):
                    copy = [[list(r) for r in q] if isinstance(q[0], list) else list(q) for q in params]
                    if isinstance(param[i], list):
                        copy[p_index][i][j] = t
                    else:
                        copy[p_index][i] = t
                    return loss_of(copy)
                at = param[i][j] if isinstance(param[i], list) else param[i]
                analytic = grad[i][j] if isinstance(param[i], list) else grad[i]
                worst = max(worst, abs(mp.diff(nudged, at) - analytic))
    assert worst < mp.mpf("1e-30"), worst


    def show(name, rows):
        print(f"{name} = {{{', '.join(mp.nstr(v, 17) for v in (sum(rows, []) if isinstance(rows[0], list) else rows))}}}")


    print("loss =", mp.nstr(loss_of(params), 17))
    print("max |hand-written backward - mp.diff| =", mp.nstr(worst, 3))
    show("gW1", gW1); show("gb1", gb1); show("gW2", gW2); show("gb2", gb2); show("gW3", gW3); show("gb3", gb3)
    step = lambda P, G: [[P[i][j] - lr * G[i][j] for j in range(len(P[i]))] for i in range(len(P))]
    show("W1 after", step(W1, gW1)); show("b1 after", [b1[i] - lr * gb1[i] for i in range(3)])
    show("W2 after", step(W2, gW2)); show("W3 after", step(W3, gW3))
    after = [step(W1, gW1), [b1[i] - lr * gb1[i] for i in range(3)], step(W2, gW2), [b2[i] - lr * gb2[i] for i in range(3)],
             step(W3, gW3), [b3[i] - lr * gb3[i] for i in range(3)]]
    print("loss after the step =", mp.nstr(loss_of(after), 17))


report()
# The same network with a skip and no dropout (every unit kept, nothing scaled): tests/node/nn_layers.test.mjs.
print("\nwithout dropout:")
keep = F(1)
M1 = [[1, 1], [1, 1], [1, 1]]
M2 = [[1, 1], [1, 1], [1, 1]]
report()
