#!/usr/bin/env bash
# Measures fairreg on the recipe's built-in data for several seeds and prints a Markdown table:
# the recipe (--objective gap) and plain MSE after exactly 30 epochs and run to early stopping,
# and fairreg's default objective. Usage: tools/figures/recipe_figures.sh [SEED...] (default 1 2 3).
# The launcher picks the kernels (the Vector API ones by default); FAIRREG_JAVA_OPTS chooses others,
# e.g. FAIRREG_JAVA_OPTS=-Dfairreg.kernels=portable, as docs/recipe.md's main table was measured.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)

"$root/fairreg" --version >/dev/null   # builds the jar once, before any timing

run() {
    local label="$1" seed="$2"
    shift 2
    local out err
    out="$(mktemp)"
    err="$(mktemp)"
    "$root/fairreg" train --seed "$seed" --no-audit "$@" >"$out" 2>"$err"
    local stop mse gap epochs kept seconds
    stop="$(grep '^stop' "$err")"
    epochs="$(grep -c '^epoch' "$err")"
    kept="$(sed -n 's/.*kept epoch \([0-9]*\).*/\1/p' <<<"$stop")"
    mse="$(awk '$1 == "overall" {print $3; exit}' "$out")"
    gap="$(awk '$1 == "gap" {print $2; exit}' "$out")"
    seconds="$(sed -n 's/^time: training \([0-9.]*\) s.*/\1/p' "$out")"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$seed" "$epochs" "$kept" "$mse" "$gap" "$seconds"
    rm -f "$out" "$err"
}

echo "| run | seed | epochs run | epoch kept | test MSE | test gap | training s |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for seed in "${seeds[@]}"; do
    run "gap, 30 epochs" "$seed" --objective gap --epochs 30 --patience 30 --no-restore-best
done
for seed in "${seeds[@]}"; do
    run "gap, early stopping" "$seed" --objective gap
done
for seed in "${seeds[@]}"; do
    run "mse, 30 epochs" "$seed" --objective mse --epochs 30 --patience 30 --no-restore-best
done
for seed in "${seeds[@]}"; do
    run "mse, early stopping" "$seed" --objective mse
done
for seed in "${seeds[@]}"; do
    run "penalized lambda 1 (default)" "$seed"
done
