#!/usr/bin/env bash
# The new objectives against the recipe's gap objective at equal test MSE (docs/fairness.md,
# "Against the recipe's objective at equal test MSE"): the two-group groupings, 60/20/20 split
# seeds 1..5, penalized lambdas up to 100 and constrained epsilons down to 0.5%, so that the frontier
# reaches the recipe's MSE. Writes $OUT/vs-recipe/<grouping>.s<seed>.csv; fairness_vs_recipe.py
# prints the table. Usage: tools/figures/fairness_vs_recipe.sh [SPLITS (default 5)]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fairness_common.sh"
mkdir -p "$OUT/vs-recipe"
for grouping in ins-smoker ins-sex law-white; do
    read -ra data <<<"$(dataset_args "$grouping")"
    for seed in $(seq 1 "${1:-5}"); do
        fr sweep "${data[@]}" "${SPLIT[@]}" --split-seed "$seed" -q --refine 0 \
            --lambdas 0.03,0.1,0.3,1,2,3,5,10,20,30,100 --epsilons 0.5%,1%,2%,5%,10%,20%,50% \
            --frontier-csv "$OUT/vs-recipe/$grouping.s$seed.csv" >/dev/null
    done
done
