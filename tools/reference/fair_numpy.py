#!/usr/bin/env python3
"""An independent numpy run of issue 3's reference protocol, on fairreg's own splits.

Medical insurance, target charges, smoker the group and not a feature (age, sex, bmi, children and
region one-hot are). For each split seed the rows are split 60/20/20 exactly as fairreg splits them
(numpy RandomState permutations, as tools/figures/fairness_bounds.py), and for each of a grid of
lambdas a 64-64 ReLU network is trained on standardized features and target with the penalized
objective  mse + lambda * (max_k e_k - min_k e_k)  over stratified batches of 64, Adam (1e-3, 0.9,
0.999, 1e-7), early stopping on the full validation objective with patience 10 and the best epoch
restored. lambda = 0 is the plain mse model. The model is chosen on validation by the rule of
`fairreg sweep`: the lowest validation MSE among the models whose validation gap is at most
TARGET x the mse model's validation gap, else the lowest validation gap. Everything is written
here from the formulas (backpropagation by hand); nothing is shared with fairreg's code.

Prints, per split and as means, the chosen model's test gap and test MSE as ratios of the mse
model's, the best the lambda grid offers on test (an oracle, for scale), and with --fairreg-dir the
same ratios of fairreg's sweeps of the same splits (frontier CSVs named <variant>.s<seed>.csv, as
tools/figures/fairness_reference.sh writes them), averaged over the variants given (one per
initial-weight seed, --seed of fairreg sweep), so that both sides average over initializations.

Usage: fair_numpy.py [--splits 1-5] [--inits 3] [--target 0.5] [--fairreg-dir DIR --variants V1,V2]
       fair_numpy.py --self-check      (backpropagation against finite differences)
"""
import argparse, csv, os, statistics as st
import numpy as np

REAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../core/src/test/resources/real")
LAMBDAS = [0.0] + [round(0.02 * i, 2) for i in range(3, 16)] + [0.4, 0.5, 1.0, 3.0]


def load():
    rows = list(csv.DictReader(open(os.path.join(REAL, "insurance.csv"))))
    y = np.array([float(r["charges"]) for r in rows])
    g = np.array([r["smoker"] == "yes" for r in rows], dtype=int)
    regions = sorted({r["region"] for r in rows})
    X = np.array([[float(r["age"]), r["sex"] == "male", float(r["bmi"]), float(r["children"])]
                  + [r["region"] == k for k in regions] for r in rows], dtype=float)
    return X, y, g


def split(n, seed, test=0.2, val=0.25):
    nt = int(np.ceil(test * n))
    perm = np.random.RandomState(seed).permutation(n)
    rest = perm[nt:]
    inner = np.random.RandomState(seed).permutation(len(rest))
    nv = int(np.ceil(val * len(rest)))
    return rest[inner[nv:]], rest[inner[:nv]], perm[:nt]


class Net:
    def __init__(self, rng, sizes):
        self.W, self.b = [], []
        for i, o in zip(sizes[:-1], sizes[1:]):
            lim = np.sqrt(6.0 / (i + o))
            self.W.append(rng.uniform(-lim, lim, (i, o)))
            self.b.append(np.zeros(o))
        self.m = [np.zeros_like(p) for p in self.params()]
        self.v = [np.zeros_like(p) for p in self.params()]
        self.t = 0

    def params(self):
        return self.W + self.b

    def forward(self, X):
        acts = [X]
        for k, (W, b) in enumerate(zip(self.W, self.b)):
            z = acts[-1] @ W + b
            acts.append(np.maximum(z, 0) if k < len(self.W) - 1 else z)
        return acts

    def backward(self, acts, df):
        gW, gb = [None] * len(self.W), [None] * len(self.W)
        d = df[:, None]
        for k in range(len(self.W) - 1, -1, -1):
            gW[k] = acts[k].T @ d
            gb[k] = d.sum(axis=0)
            if k > 0:
                d = (d @ self.W[k].T) * (acts[k] > 0)
        return gW + gb

    def adam(self, grads, lr=1e-3, b1=0.9, b2=0.999, eps=1e-7):
        self.t += 1
        alpha = lr * np.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        for p, gr, m, v in zip(self.params(), grads, self.m, self.v):
            m += (gr - m) * (1 - b1)
            v += (gr * gr - v) * (1 - b2)
            p -= alpha * m / (np.sqrt(v) + eps)

    def copy_params(self):
        return [p.copy() for p in self.params()]

    def set_params(self, ps):
        for p, q in zip(self.params(), ps):
            p[...] = q


def objective(f, y, g, lam):
    """Loss and dL/df of mse + lam * (max e_k - min e_k) over the groups present."""
    r = f - y
    n = len(r)
    present = [k for k in (0, 1) if np.any(g == k)]
    e = {k: np.mean(r[g == k] ** 2) for k in present}
    loss = np.mean(r ** 2)
    df = 2 * r / n
    if lam > 0 and len(present) == 2:
        hi, lo = (1, 0) if e[1] >= e[0] else (0, 1)
        loss += lam * (e[hi] - e[lo])
        for k, sign in ((hi, 1.0), (lo, -1.0)):
            mask = g == k
            df[mask] += sign * lam * 2 * r[mask] / mask.sum()
    return loss, df


def stratified_batches(rng, g, size):
    """Each group's rows shuffled and dealt over the batches in proportion to the group's share."""
    n = len(g)
    batches = max(1, n // size)
    slots = [[] for _ in range(batches)]
    for k in (0, 1):
        idx = rng.permutation(np.flatnonzero(g == k))
        for j, i in enumerate(idx):
            slots[j * batches // len(idx)].append(i)
    return [np.array(s) for s in slots]


def train(X, y, g, tr, va, lam, seed, patience=10, max_epochs=500):
    rng = np.random.RandomState(seed)
    net = Net(rng, [X.shape[1], 64, 64, 1])
    best, best_params, since = np.inf, net.copy_params(), 0
    for _ in range(max_epochs):
        for b in stratified_batches(rng, g[tr], 64):
            rows = tr[b]
            acts = net.forward(X[rows])
            _, df = objective(acts[-1][:, 0], y[rows], g[rows], lam)
            net.adam(net.backward(acts, df))
        val, _ = objective(net.forward(X[va])[-1][:, 0], y[va], g[va], lam)
        if val < best:
            best, best_params, since = val, net.copy_params(), 0
        else:
            since += 1
            if since >= patience:
                break
    net.set_params(best_params)
    return net


def figures(net, X, y, g, idx, scale):
    r = (net.forward(X[idx])[-1][:, 0] - y[idx]) * scale
    e = [np.mean(r[g[idx] == k] ** 2) for k in (0, 1)]
    return np.mean(r ** 2), max(e) - min(e)


def choose(points, target):
    """fairreg sweep's rule over (lam, val_mse, val_gap, test_mse, test_gap), lam 0 the reference."""
    ref = points[0]
    candidates = points[1:]
    ok = [p for p in candidates if p[2] <= target * ref[2]]
    return min(ok, key=lambda p: p[1]) if ok else min(candidates, key=lambda p: p[2])


def fairreg_ratios(directory, variant, seed):
    path = os.path.join(directory, f"{variant}.s{seed}.csv")
    if not os.path.exists(path):
        return None
    rows = list(csv.DictReader(open(path)))
    ref = next(r for r in rows if r["label"] == "mse (reference)")
    chosen = next(r for r in rows if r.get("selected") == "true")
    return (float(chosen["test_gap"]) / float(ref["test_gap"]),
            float(chosen["test_mse"]) / float(ref["test_mse"]))


def self_check():
    """Backpropagation of the penalized objective against central differences, in float64."""
    rng = np.random.RandomState(7)
    X, y, g = rng.normal(size=(40, 5)), rng.normal(size=40), (rng.uniform(size=40) < 0.3).astype(int)
    net = Net(rng, [5, 8, 8, 1])
    for p in net.b:
        p[...] = rng.normal(scale=0.1, size=p.shape)
    acts = net.forward(X)
    _, df = objective(acts[-1][:, 0], y, g, 0.7)
    grads = net.backward(acts, df)
    worst = 0.0
    for p, gr in zip(net.params(), grads):
        for i in np.ndindex(p.shape):
            keep = p[i]
            p[i] = keep + 1e-6
            up = objective(net.forward(X)[-1][:, 0], y, g, 0.7)[0]
            p[i] = keep - 1e-6
            down = objective(net.forward(X)[-1][:, 0], y, g, 0.7)[0]
            p[i] = keep
            worst = max(worst, abs((up - down) / 2e-6 - gr[i]) / max(1e-8, abs(gr[i]) + 1e-3))
    print(f"largest relative gradient error {worst:.2e}")
    return worst < 1e-5


def parse_range(text):
    lo, _, hi = text.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--splits", default="1-5", help="split seeds, such as 1-5 or 1-20")
    ap.add_argument("--inits", type=int, default=3, help="initial-weight seeds per split, averaged")
    ap.add_argument("--target", type=float, default=0.5, help="target share of the mse model's validation gap")
    ap.add_argument("--fairreg-dir", help="folder of fairreg frontier CSVs <variant>.s<seed>.csv")
    ap.add_argument("--variants", default="default", help="comma-separated variants to average")
    ap.add_argument("--self-check", action="store_true", help="check the gradient by finite differences")
    args = ap.parse_args()
    if args.self_check:
        raise SystemExit(0 if self_check() else 1)
    X, y, g = load()
    print("| split | numpy gap x | numpy mse x | numpy oracle mse x at gap x <= 0.53 | fairreg gap x | fairreg mse x |")
    print("| --- | --- | --- | --- | --- | --- |")
    totals = {"ng": [], "nm": [], "no": [], "fg": [], "fm": []}
    for seed in parse_range(args.splits):
        tr, va, te = split(len(y), seed)
        mu, sd = X[tr].mean(axis=0), X[tr].std(axis=0)
        Xs = (X - mu) / np.where(sd > 0, sd, 1)
        ymu, ysd = y[tr].mean(), y[tr].std()
        ys = (y - ymu) / ysd
        gaps, mses, oracles = [], [], []
        for init in range(args.inits):
            points = []
            for lam in LAMBDAS:
                net = train(Xs, ys, g, tr, va, lam, seed=1000 * seed + init)
                points.append((lam,) + figures(net, Xs, ys, g, va, ysd) + figures(net, Xs, ys, g, te, ysd))
            ref, pick = points[0], choose(points, args.target)
            gaps.append(pick[4] / ref[4])
            mses.append(pick[3] / ref[3])
            fair = [p[3] / ref[3] for p in points[1:] if p[4] <= 0.53 * ref[4]]
            oracles.append(min(fair) if fair else float("nan"))
        row = [st.mean(gaps), st.mean(mses), st.mean(oracles)]
        totals["ng"].append(row[0]); totals["nm"].append(row[1]); totals["no"].append(row[2])
        found = [fairreg_ratios(args.fairreg_dir, v, seed) for v in args.variants.split(",")] \
            if args.fairreg_dir else []
        fr = [st.mean(f[0] for f in found), st.mean(f[1] for f in found)] if found and all(found) else None
        if fr:
            totals["fg"].append(fr[0]); totals["fm"].append(fr[1])
        cells = [f"{x:.3f}" for x in row] + ([f"{fr[0]:.3f}", f"{fr[1]:.3f}"] if fr else ["", ""])
        print(f"| {seed} | " + " | ".join(cells) + " |", flush=True)
    mean = lambda k: f"{st.mean(totals[k]):.3f}" if totals[k] else ""
    print(f"| mean | {mean('ng')} | {mean('nm')} | {mean('no')} | {mean('fg')} | {mean('fm')} |")


if __name__ == "__main__":
    main()
