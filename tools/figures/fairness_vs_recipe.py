#!/usr/bin/env python3
"""The new objectives against the recipe's gap objective at equal test MSE (docs/fairness.md).

Reads $OUT/vs-recipe/<grouping>.s<seed>.csv (fairness_vs_recipe.sh). For each sweep, the recipe's
gap objective gives one point (test MSE M, test gap G); for penalized and for constrained, the
lowest test gap among that objective's models whose test MSE is at most M. Both are test figures
of whole frontiers, not a choice made on validation: the question is whether the new objectives
offer a model at least as accurate as the recipe's with a gap no larger. Gaps are shown as ratios
of the plain-mse model's test gap of the same sweep, with the audit's permutation p-value of each
test gap. "No worse" is read twice: strictly (the new gap at most the recipe's), and allowing for
noise (that, or the new gap within sampling noise, p >= 0.05, since such a gap cannot be told from
no gap at all).
Usage: fairness_vs_recipe.py [OUT]
"""
import csv, glob, os, re, sys
from collections import defaultdict

OUT = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("OUT", "/tmp/fairreg-fairness")
sweeps = defaultdict(dict)
for path in glob.glob(os.path.join(OUT, "vs-recipe", "*.csv")):
    m = re.match(r"(.+)\.s(\d+)\.csv$", os.path.basename(path))
    with open(path) as f:
        sweeps[m.group(1)][int(m.group(2))] = list(csv.DictReader(f))

F = lambda r, k: float(r[k])
print("| grouping | split | recipe: test MSE x | recipe: test gap x (p) | penalized: lowest gap x at MSE ≤ "
      "recipe's (p; model, its MSE x) | constrained: the same | no worse: strictly | allowing for noise |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
tally = defaultdict(lambda: [0, 0, 0])
for grouping in sorted(sweeps):
    for seed, rows in sorted(sweeps[grouping].items()):
        mse = next(r for r in rows if r["label"] == "mse (reference)")
        recipe = next(r for r in rows if r["label"] == "gap (reference)")
        M, G, M0, G0 = F(recipe, "test_mse"), F(recipe, "test_gap"), F(mse, "test_mse"), F(mse, "test_gap")
        cells, verdicts, noisy = [], [], []
        for objective in ("penalized", "constrained"):
            ok = [r for r in rows if r["objective"].split()[0] == objective and r["reference"] == "false"
                  and F(r, "test_mse") <= M]
            if not ok:
                cells.append("none as accurate")
                verdicts.append(False)
                noisy.append(False)
                continue
            best = min(ok, key=lambda r: F(r, "test_gap"))
            cells.append(f"{F(best, 'test_gap') / G0:.3f} (p {F(best, 'test_gap_p_value'):.2f}; {best['label']}, "
                         f"{F(best, 'test_mse') / M0:.3f})")
            verdicts.append(F(best, "test_gap") <= G)
            noisy.append(verdicts[-1] or F(best, "test_gap_p_value") >= 0.05)
        for objective, strict, loose in zip(("penalized", "constrained"), verdicts, noisy):
            tally[(grouping, objective)][0] += strict
            tally[(grouping, objective)][1] += loose
            tally[(grouping, objective)][2] += 1
        yes = lambda vs: "/".join("yes" if v else "no" for v in vs)
        print(f"| {grouping} | {seed} | {M / M0:.3f} | {G / G0:.3f} ({F(recipe, 'test_gap_p_value'):.2f}) "
              f"| {cells[0]} | {cells[1]} | {yes(verdicts)} | {yes(noisy)} |")
print()
for (grouping, objective), (strict, loose, n) in sorted(tally.items()):
    print(f"- {grouping}, {objective}: no worse than the recipe on {strict} of {n} splits strictly, "
          f"{loose} of {n} allowing for noise")
