"""Logistic regression with the Python standard library, for the models the binary embeds
(data/linking.tsv by fit_linking.py, data/pairs.tsv by fit_pairs.py): small models, a weight
per named feature, fitted by Newton's method with an L2 penalty on the weights (not the bias).
"""
import math


def sigmoid(z):
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                if f:
                    for k in range(col, n + 1):
                        m[r][k] -= f * m[col][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(samples, n_features, penalty, iterations, tolerance):
    """Logistic regression by Newton's method on (features, label) samples; returns
    [bias, w1, ..., wn]. Stops after `iterations` steps, or when no weight moves by `tolerance`."""
    size = n_features + 1
    w = [0.0] * size
    for _ in range(iterations):
        grad = [0.0] * size
        hess = [[0.0] * size for _ in range(size)]
        for x, y in samples:
            v = [1.0] + x
            p = sigmoid(sum(wi * vi for wi, vi in zip(w, v)))
            g = p - y
            s = p * (1 - p)
            for i in range(size):
                vi = v[i]
                grad[i] += g * vi
                si = s * vi
                row = hess[i]
                for j in range(i, size):
                    row[j] += si * v[j]
        for i in range(size):
            for j in range(i):
                hess[i][j] = hess[j][i]
        for i in range(1, size):
            grad[i] += penalty * w[i]
            hess[i][i] += penalty
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < tolerance:
            break
    return w


def probability(w, x):
    """The model's probability for features `x`: sigmoid(bias + sum of weight * feature)."""
    return sigmoid(w[0] + sum(wi * xi for wi, xi in zip(w[1:], x)))


def write_table(path, header, names, w, threshold_name, threshold):
    """Writes a model's table as src/logistic.rs reads it, and prints it: the `#` header lines,
    then `bias`, the threshold and one weight per feature, `name value` each."""
    body = [f"bias {w[0]:.4f}", f"{threshold_name} {threshold}"]
    body += [f"{name} {weight:.4f}" for name, weight in zip(names, w[1:])]
    with open(path, "w") as out:
        out.write("\n".join(header + body) + "\n")
    print("\n".join(header + body))
