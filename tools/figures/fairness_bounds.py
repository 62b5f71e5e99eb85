#!/usr/bin/env python3
"""Bounds of group-blind models (docs/fairness.md, task 4).

1. fairreg's per-group test MSE (from $OUT/bounds/*.json, fairness_bounds.sh), means over splits:
   the blind mse model, the same network with the group as a feature, and penalized lambda 1 and 3.
2. numpy, on the same 60/20/20 splits (numpy's RandomState permutation, as fairreg splits):
   least squares blind, least squares per group (the group known), and for insurance with smoker
   an estimate of the best blind predictors: with m_k(x) a per-group fit and p(k|x) a logistic fit
   of the group on the blind features, f_a(x) = sum_k c_k p(k|x) m_k(x) / sum_k c_k p(k|x) with
   c_1 = a / pi_1, c_0 = (1 - a) / pi_0 minimizes (1 - a) e_0 + a e_1 over blind predictors when m
   and p are exact; a runs over [0, 1]. It is a plug-in estimate, not a proof: m and p are fitted.
Usage: fairness_bounds.py [OUT]
"""
import csv, glob, json, os, re, sys, statistics as st
from collections import defaultdict
import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("OUT", "/tmp/fairreg-fairness")
REAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../core/src/test/resources/real")

# ---------------------------------------------------------------- 1. fairreg's per-group figures
reports = defaultdict(dict)
for path in glob.glob(os.path.join(OUT, "bounds", "*.json")):
    m = re.match(r"(.+)\.(.+)\.s(\d+)\.json$", os.path.basename(path))
    with open(path) as f:
        reports[(m.group(1), m.group(2))][int(m.group(3))] = json.load(f)
names = {"mse-blind": "mse, blind", "mse-aware": "mse, group as feature",
         "pen1-blind": "penalized λ=1, blind", "pen3-blind": "penalized λ=3, blind"}
for ds in sorted({d for d, _ in reports}):
    any_report = next(iter(reports[(ds, "mse-blind")].values()))
    groups = [g["group"] for g in any_report["groups"]]
    seeds = sorted(reports[(ds, "mse-blind")])
    print(f"\n#### {ds}: fairreg, test MSE per group, mean over split seeds {','.join(map(str, seeds))}\n")
    print("| model | " + " | ".join(f"{g} (n≈{st.mean(r['groups'][i]['n'] for r in reports[(ds, 'mse-blind')].values()):.0f})"
                                   for i, g in enumerate(groups))
          + " | overall | gap | gaps within noise (p >= 0.05) |")
    print("|" + " --- |" * (len(groups) + 4))
    for model in ["mse-blind", "mse-aware", "pen1-blind", "pen3-blind"]:
        rs = [reports[(ds, model)][s] for s in seeds if s in reports[(ds, model)]]
        cells = [f"{st.mean(r['groups'][i]['mse'] for r in rs):.4g}" for i in range(len(groups))]
        within = sum(1 for r in rs if r.get("gap_within_noise"))
        print(f"| {names[model]} | " + " | ".join(cells)
              + f" | {st.mean(r['overall']['mse'] for r in rs):.4g} | {st.mean(r['gap'] for r in rs):.4g} | {within}/{len(rs)} |")


# ---------------------------------------------------------------- 2. numpy
def split(n, seed, test=0.2, val=0.25):
    nt = int(np.ceil(test * n))
    perm = np.random.RandomState(seed).permutation(n)
    rest = perm[nt:]
    inner = np.random.RandomState(seed).permutation(len(rest))
    nv = int(np.ceil(val * len(rest)))
    return rest[inner[nv:]], rest[inner[:nv]], perm[:nt]


def lstsq(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]


def logistic(X, t, iters=50, ridge=1e-6):
    w = np.zeros(X.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-X @ w))
        H = X.T @ (X * (p * (1 - p))[:, None]) + ridge * np.eye(X.shape[1])
        w -= np.linalg.solve(H, X.T @ (p - t) + ridge * w)
    return w


def group_mse(pred, y, g, idx):
    r = (pred[idx] - y[idx]) ** 2
    return [r[g[idx] == k].mean() for k in (0, 1)] + [r.mean()]


def per_group_fit(X, y, g, tr):
    p = np.zeros(len(y))
    for k in (0, 1):
        m = tr[g[tr] == k]
        p[g == k] = X[g == k] @ lstsq(X[m], y[m])
    return p


def insurance():
    rows = list(csv.DictReader(open(os.path.join(REAL, "insurance.csv"))))
    n = len(rows)
    y = np.array([float(r["charges"]) for r in rows])
    g = np.array([r["smoker"] == "yes" for r in rows], dtype=int)
    age = np.array([float(r["age"]) for r in rows]); bmi = np.array([float(r["bmi"]) for r in rows])
    ch = np.array([float(r["children"]) for r in rows]); male = np.array([r["sex"] == "male" for r in rows], float)
    regs = sorted({r["region"] for r in rows})
    reg = np.array([[r["region"] == k for k in regs[1:]] for r in rows], float)
    Xb = np.column_stack([np.ones(n), age, male, bmi, ch, reg])                 # fairreg's blind features
    Xf = np.column_stack([Xb, age ** 2, bmi >= 30, (bmi >= 30) * bmi])          # a richer per-group fit
    out = defaultdict(list)
    for seed in range(1, 6):
        tr, va, te = split(n, seed)
        blind = Xb @ lstsq(Xb[tr], y[tr])
        out["least squares, blind"].append(group_mse(blind, y, g, te))
        out["least squares per group (group known)"].append(group_mse(per_group_fit(Xb, y, g, tr), y, g, te))
        aware = per_group_fit(Xf, y, g, tr)
        out["least squares per group + age², bmi≥30 terms (group known)"].append(group_mse(aware, y, g, te))
        # m_k(x) for every row: both groups' fits evaluated everywhere
        m = [Xf @ lstsq(Xf[tr[g[tr] == k]], y[tr[g[tr] == k]]) for k in (0, 1)]
        p1 = 1 / (1 + np.exp(-Xb @ logistic(Xb[tr], g[tr].astype(float))))
        pi1 = g[tr].mean()
        auc_pos, auc_neg = p1[te][g[te] == 1], p1[te][g[te] == 0]
        out["_auc"].append(float((auc_pos[:, None] > auc_neg[None, :]).mean()))
        curve = []
        for a in np.linspace(0, 1, 1001):
            c1, c0 = a / pi1 * p1, (1 - a) / (1 - pi1) * (1 - p1)
            f = (c1 * m[1] + c0 * m[0]) / (c1 + c0)
            curve.append((a, group_mse(f, y, g, te), group_mse(f, y, g, np.concatenate([tr, va]))))
        # a whose train+validation gap is closest to 0; and the test frontier
        a0 = min(curve, key=lambda c: abs(c[2][1] - c[2][0]))
        out["best blind, equal errors (plug-in, a set on train+validation)"].append(a0[1])
        mse_pt = min(curve, key=lambda c: abs(c[0] - pi1))   # a = pi1: the plain-MSE weighting
        out["best blind for MSE (plug-in, a = share of smokers)"].append(mse_pt[1])
        base = group_mse(blind, y, g, te)
        gap0 = base[1] - base[0]
        ok = [c[1][2] / base[2] for c in curve if abs(c[1][1] - c[1][0]) <= 0.53 * gap0]
        out["_best_at_053"].append(min(ok) if ok else float("nan"))
        # uniform shift of blind least squares: the simplest blind trade-off
        shift = [(group_mse(blind + c, y, g, te)) for c in np.linspace(0, 20000, 2001)]
        ok = [s[2] / base[2] for s in shift if abs(s[1] - s[0]) <= 0.53 * gap0]
        out["_shift_at_053"].append(min(ok) if ok else float("nan"))
    print("\n#### insurance, smoker the group: numpy on split seeds 1..5, test MSE per group (means)\n")
    print("| model | no | yes | overall | gap | overall / blind least squares |")
    print("| --- | --- | --- | --- | --- | --- |")
    ref = np.mean([r[2] for r in out["least squares, blind"]])
    for k, v in out.items():
        if k.startswith("_"):
            continue
        v = np.array(v)
        print(f"| {k} | {v[:, 0].mean():.4g} | {v[:, 1].mean():.4g} | {v[:, 2].mean():.4g} "
              f"| {np.mean(v[:, 1] - v[:, 0]):.4g} | {np.mean(v[:, 2]) / ref:.3f} |")
    print(f"\nAUC of smoker from the blind features (logistic, test): {np.mean(out['_auc']):.3f} "
          f"({' '.join(f'{x:.2f}' for x in out['_auc'])})")
    print(f"lowest test MSE / blind least squares with test gap <= 0.53 x its gap: plug-in best blind "
          f"{np.mean(out['_best_at_053']):.3f} ({' '.join(f'{x:.2f}' for x in out['_best_at_053'])}); "
          f"uniform shift of blind least squares {np.mean(out['_shift_at_053']):.3f} "
          f"({' '.join(f'{x:.2f}' for x in out['_shift_at_053'])})")


def lawschool():
    rows = list(csv.DictReader(open(os.path.join(REAL, "lawschool.csv"))))
    used = ["zfygpa", "race", "lsat", "ugpa", "fulltime", "fam_inc", "cluster"]
    rows = [r for r in rows if all(r[c] not in ("", "NA") for c in used)]
    n = len(rows)
    y = np.array([float(r["zfygpa"]) for r in rows])
    g = np.array([r["race"] != "7" for r in rows], dtype=int)         # 0: white (7), 1: the rest
    cl = sorted({int(r["cluster"]) for r in rows})
    Xb = np.column_stack([np.ones(n)] + [np.array([float(r[c]) for r in rows]) for c in ("lsat", "ugpa", "fulltime", "fam_inc")]
                         + [np.array([int(r["cluster"]) == k for r in rows], float) for k in cl[1:]])
    res = defaultdict(list)
    for seed in range(1, 6):
        tr, va, te = split(n, seed)
        res["least squares, blind"].append(group_mse(Xb @ lstsq(Xb[tr], y[tr]), y, g, te))
        res["least squares per group (group known)"].append(group_mse(per_group_fit(Xb, y, g, tr), y, g, te))
    print(f"\n#### law school, white (7) vs the rest: numpy on split seeds 1..5 ({n} rows), test MSE per group (means)\n")
    print("| model | 7 | not 7 | overall | gap (not 7 minus 7) |")
    print("| --- | --- | --- | --- | --- |")
    for k, v in res.items():
        v = np.array(v)
        print(f"| {k} | {v[:, 0].mean():.4f} | {v[:, 1].mean():.4f} | {v[:, 2].mean():.4f} | {np.mean(v[:, 1] - v[:, 0]):+.4f} |")


insurance()
lawschool()
