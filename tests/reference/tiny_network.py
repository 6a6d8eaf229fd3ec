"""Reference numbers for tests/unit/test_network.cpp, computed with plain Python floats and the
textbook formulas (no project code, no libraries): a [2, 2, 1] network, tanh hidden layer, linear
output, mean squared error, two examples, one SGD step with learning rate 0.1.
Run: python3 tests/reference/tiny_network.py"""
import math

W1 = [[0.1, -0.2], [0.4, 0.3]]
b1 = [0.05, -0.1]
W2 = [[0.7, -0.5]]
b2 = [0.2]
X = [[1.0, 2.0], [-1.0, 0.5]]
Y = [[1.0], [-1.0]]
lr = 0.1

n = len(X)
gW1 = [[0.0, 0.0], [0.0, 0.0]]
gb1 = [0.0, 0.0]
gW2 = [[0.0, 0.0]]
gb2 = [0.0]
loss = 0.0
for x, y in zip(X, Y):
    z1 = [sum(W1[i][j] * x[j] for j in range(2)) + b1[i] for i in range(2)]
    a1 = [math.tanh(v) for v in z1]
    z2 = [sum(W2[0][j] * a1[j] for j in range(2)) + b2[0]]
    print("z1", repr(z1), "a1", repr(a1), "yhat", repr(z2[0]))
    loss += (z2[0] - y[0]) ** 2 / n
    d2 = 2 * (z2[0] - y[0]) / n                      # dL/dz2 for the mean over n examples, 1 output
    d1 = [W2[0][i] * d2 * (1 - a1[i] ** 2) for i in range(2)]
    for j in range(2):
        gW2[0][j] += d2 * a1[j]
    gb2[0] += d2
    for i in range(2):
        for j in range(2):
            gW1[i][j] += d1[i] * x[j]
        gb1[i] += d1[i]
print("loss", repr(loss))
print("gW1", repr(gW1), "gb1", repr(gb1))
print("gW2", repr(gW2), "gb2", repr(gb2))
print("W1 after", repr([[W1[i][j] - lr * gW1[i][j] for j in range(2)] for i in range(2)]))
print("W2 after", repr([[W2[0][j] - lr * gW2[0][j] for j in range(2)]]))
