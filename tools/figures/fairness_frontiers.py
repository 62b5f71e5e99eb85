#!/usr/bin/env python3
"""Markdown tables of the frontiers (docs/fairness.md, task 2), from $OUT/frontiers/*.csv
(fairness_frontiers.sh). One full table per dataset for the first split seed, then a summary of
every split seed: the mse model's test gap and p-value, and the chosen model's.
Usage: fairness_frontiers.py [OUT]
"""
import csv, glob, os, re, sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("OUT", "/tmp/fairreg-fairness")
ORDER = ["law-white", "law-race8", "ins-smoker", "ins-sex", "ins-region"]
runs = {}
for path in glob.glob(os.path.join(OUT, "frontiers", "*.csv")):
    m = re.match(r"(.+)\.s(\d+)\.csv$", os.path.basename(path))
    if m:
        with open(path) as f:
            runs[(m.group(1), int(m.group(2)))] = list(csv.DictReader(f))


def g(x):
    return f"{float(x):.4g}"


def is_mse(r):
    return r["label"] == "mse (reference)"


for ds in ORDER:
    seeds = sorted(s for d, s in runs if d == ds)
    if not seeds:
        continue
    rows = runs[(ds, seeds[0])]
    print(f"\n#### {ds}, split seed {seeds[0]}\n")
    print("| model | epochs (kept) | val MSE | val gap | test MSE [95% interval] | test gap [95% interval] "
          "| p-value | Pareto | chosen |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        label = r["label"]
        p = float(r["test_gap_p_value"])
        noise = " (noise)" if p >= 0.05 else ""
        print(f"| {label} | {r['epochs_run']} ({r['kept_epoch']}) | {g(r['validation_mse'])} | {g(r['validation_gap'])} "
              f"| {g(r['test_mse'])} [{g(r['test_mse_lower'])}, {g(r['test_mse_upper'])}] "
              f"| {g(r['test_gap'])} [{g(r['test_gap_lower'])}, {g(r['test_gap_upper'])}] | {p:.3f}{noise} "
              f"| {'P' if r['pareto'] == 'true' else ''} | {'chosen' if r['selected'] == 'true' else ''} |")

print("\n#### every split seed: the mse model and the chosen model on test\n")
print("| dataset | split seed | mse: test MSE | mse: test gap | mse: p-value | chosen | chosen: test MSE x | "
      "chosen: test gap x | chosen: p-value | points with test p < 0.05 |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for ds in ORDER:
    for s in sorted(s for d, s in runs if d == ds):
        rows = runs[(ds, s)]
        mse = next(r for r in rows if is_mse(r))
        c = next(r for r in rows if r["selected"] == "true")
        sig = sum(1 for r in rows if float(r["test_gap_p_value"]) < 0.05)
        print(f"| {ds} | {s} | {g(mse['test_mse'])} | {g(mse['test_gap'])} | {float(mse['test_gap_p_value']):.3f} "
              f"| {c['label']} | {float(c['test_mse']) / float(mse['test_mse']):.3f} "
              f"| {float(c['test_gap']) / float(mse['test_gap']):.3f} | {float(c['test_gap_p_value']):.3f} "
              f"| {sig}/{len(rows)} |")
