#!/usr/bin/env bash
# Task: the frontier of penalized and constrained training against mse and the recipe's gap, with
# the audit, on law school (white vs rest; the eight race codes) and medical insurance (sex, smoker,
# region). Writes $OUT/frontiers/<dataset>.s<seed>.{csv,json,txt}; fairness_frontiers.py makes tables.
# With more than two groups the recipe's gap objective does not exist; sweep then leaves that
# reference out by itself and keeps the plain-mse one.
# Usage: tools/figures/fairness_frontiers.sh [SPLIT_SEED...]   (default 1)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fairness_common.sh"
seeds=("$@"); [ ${#seeds[@]} -gt 0 ] || seeds=(1)
LAMBDAS="${LAMBDAS:-0.03,0.1,0.3,1,3}"
EPSILONS="${EPSILONS:-5%,20%,50%}"
EXTRA=(${EXTRA:-})          # more training options for every sweep, e.g. EXTRA="--batching stratified"
mkdir -p "$OUT/frontiers"
run() {   # run NAME ARGS...: one logged sweep
    local name="$1"; shift
    echo "+ fairreg sweep $* --frontier-csv $OUT/frontiers/$name.csv --frontier-json $OUT/frontiers/$name.json" >&2
    fr sweep "$@" --frontier-csv "$OUT/frontiers/$name.csv" --frontier-json "$OUT/frontiers/$name.json" \
        >"$OUT/frontiers/$name.txt" 2>"$OUT/frontiers/$name.err"
}
for seed in "${seeds[@]}"; do
    for ds in law-white law-race8 ins-smoker ins-sex ins-region; do
        read -ra data <<<"$(dataset_args "$ds")"
        run "$ds.s$seed" "${data[@]}" "${SPLIT[@]}" --split-seed "$seed" "${EXTRA[@]}" -q \
            --lambdas "$LAMBDAS" --epsilons "$EPSILONS"
    done
done
