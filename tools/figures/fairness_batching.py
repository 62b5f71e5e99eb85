#!/usr/bin/env python3
"""Tables of the batching x gap-estimate comparison (docs/fairness.md, task 1).

Reads $OUT/batching/<dataset>.<batching>.<estimate>.s<seed>.csv written by fairness_batching.sh.
Every figure is a ratio to the plain-mse model of the same split trained with the default
batching (shuffle): its validation figures for validation ratios, its test figures for test ratios.

  V50 / V25  lowest validation MSE ratio among the lambda points whose validation gap ratio is at
             most 0.50 / 0.25 (n/a when none is);
  HV         area dominated by the lambda points in the (validation gap ratio, validation MSE ratio)
             plane inside the box [0, 1] x [1, 1.5], as a share of the box (larger is better);
  T-HV       the same area on test figures (the frontier the models really have; no selection);
  chosen     the point the V50 rule picks (the sweep's rule with the common 50% target); its test
             MSE and gap ratios and the test gap's p-value.
Usage: fairness_batching.py [OUT] [--seeds 1,2,3]
"""
import csv, glob, os, re, sys, statistics as st
from collections import defaultdict

args = [a for a in sys.argv[1:]]
only = None
if "--seeds" in args:
    i = args.index("--seeds")
    only = {int(s) for s in args[i + 1].split(",")}
    del args[i:i + 2]
OUT = args[0] if args else os.environ.get("OUT", "/tmp/fairreg-fairness")
COMBOS = [("shuffle", "batch"), ("shuffle", "running"), ("stratified", "batch"), ("stratified", "running")]
MSE_CAP = 1.5
# the plain-mse model: the sweep's reference, or lambda 0 where the sweep ran without references
MSE_LABELS = ("mse (reference)", "lambda=0.0")


def read(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def hypervolume(points):
    """Share of [0,1] x [1, MSE_CAP] dominated by (gap ratio, mse ratio) points."""
    pts = sorted((g, m) for g, m in points if g < 1 and m < MSE_CAP)
    area, best = 0.0, MSE_CAP
    xs = [g for g, _ in pts] + [1.0]
    for i, (g, m) in enumerate(pts):
        best = min(best, m)
        area += (xs[i + 1] - g) * (MSE_CAP - best)
    return area / (MSE_CAP - 1.0)


def fmt(x, d=3):
    return "n/a" if x is None else f"{x:.{d}f}"


def mean_sd(xs, d=3):
    xs = [x for x in xs if x is not None]
    if not xs:
        return "n/a"
    if len(xs) == 1:
        return f"{xs[0]:.{d}f}"
    return f"{st.mean(xs):.{d}f} ± {st.stdev(xs):.{d}f}"


def paired(xs, sign):
    """mean ± sd of paired differences, and in how many seeds the combination did better."""
    xs = [x for x in xs if x is not None]
    if len(xs) < 2:
        return "n/a"
    better = sum(1 for x in xs if sign * x > 0)
    se = st.stdev(xs) / len(xs) ** 0.5
    return f"{st.mean(xs):+.3f} ± {st.stdev(xs):.3f} (se {se:.3f}; better in {better}/{len(xs)})"


runs = defaultdict(dict)   # (ds, seed) -> combo -> rows
for path in glob.glob(os.path.join(OUT, "batching", "*.csv")):
    m = re.match(r"(.+)\.(shuffle|stratified)\.(batch|running)\.s(\d+)\.csv$", os.path.basename(path))
    if m and (only is None or int(m.group(4)) in only):
        runs[(m.group(1), int(m.group(4)))][(m.group(2), m.group(3))] = read(path)

metrics = defaultdict(dict)   # (ds, combo) -> seed -> dict
for (ds, seed), combos in sorted(runs.items()):
    if len(combos) < 4:
        continue
    base = next(r for r in combos[("shuffle", "batch")] if r["label"] in MSE_LABELS)
    bv_mse, bv_gap = float(base["validation_mse"]), float(base["validation_gap"])
    bt_mse, bt_gap = float(base["test_mse"]), float(base["test_gap"])
    for combo, rows in combos.items():
        lam = [r for r in rows if r["label"].startswith("lambda=") and r["label"] != "lambda=0.0"]
        pts = [(float(r["validation_gap"]) / bv_gap, float(r["validation_mse"]) / bv_mse, r) for r in lam]
        def best(limit):
            ok = [p for p in pts if p[0] <= limit]
            return min(ok, key=lambda p: p[1]) if ok else None
        b50, b25 = best(0.5), best(0.25)
        chosen = b50 or min(pts, key=lambda p: (p[0], p[1]))
        metrics[(ds, combo)][seed] = dict(
            V50=b50[1] if b50 else None, V25=b25[1] if b25 else None,
            HV=hypervolume([(g, m) for g, m, _ in pts]),
            THV=hypervolume([(float(r["test_gap"]) / bt_gap, float(r["test_mse"]) / bt_mse) for r in lam]),
            label=chosen[2]["label"],
            tmse=float(chosen[2]["test_mse"]) / bt_mse, tgap=float(chosen[2]["test_gap"]) / bt_gap,
            tgap_abs=float(chosen[2]["test_gap"]), pval=float(chosen[2]["test_gap_p_value"]))

datasets = sorted({ds for ds, _ in metrics})
for ds in datasets:
    seeds = sorted(metrics[(ds, COMBOS[0])])
    print(f"\n#### {ds}: per split seed\n")
    print("| batching | gap estimate | seed | V50 | V25 | HV | T-HV | chosen (V50 rule) "
          "| chosen test MSE ratio | chosen test gap ratio | chosen test gap | p-value |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for combo in COMBOS:
        for seed in seeds:
            x = metrics[(ds, combo)][seed]
            print(f"| {combo[0]} | {combo[1]} | {seed} | {fmt(x['V50'])} | {fmt(x['V25'])} | {fmt(x['HV'])} "
                  f"| {fmt(x['THV'])} | {x['label']} | {fmt(x['tmse'])} | {fmt(x['tgap'])} "
                  f"| {x['tgap_abs']:.4g} | {fmt(x['pval'], 3)} |")
    print(f"\n#### {ds}: mean ± sd over {len(seeds)} split seeds ({seeds[0]}..{seeds[-1]})\n")
    print("| batching | gap estimate | V50 | HV | T-HV | chosen test MSE ratio | chosen test gap ratio "
          "| chosen test gap (mean) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for combo in COMBOS:
        xs = [metrics[(ds, combo)][s] for s in seeds]
        print(f"| {combo[0]} | {combo[1]} | {mean_sd([x['V50'] for x in xs])} | {mean_sd([x['HV'] for x in xs])} "
              f"| {mean_sd([x['THV'] for x in xs])} | {mean_sd([x['tmse'] for x in xs])} "
              f"| {mean_sd([x['tgap'] for x in xs])} | {st.mean(x['tgap_abs'] for x in xs):.4g} |")
    print(f"\n#### {ds}: paired differences from the default (shuffle, batch), same split seed\n")
    print("| batching | gap estimate | V50 difference (lower is better) | HV difference (higher is better) "
          "| T-HV difference (higher is better) |")
    print("| --- | --- | --- | --- | --- |")
    for combo in COMBOS[1:]:
        def diff(key):
            out = []
            for s in seeds:
                a, b = metrics[(ds, combo)][s][key], metrics[(ds, COMBOS[0])][s][key]
                out.append(None if a is None or b is None else a - b)
            return out
        print(f"| {combo[0]} | {combo[1]} | {paired(diff('V50'), -1)} | {paired(diff('HV'), 1)} "
              f"| {paired(diff('THV'), 1)} |")
