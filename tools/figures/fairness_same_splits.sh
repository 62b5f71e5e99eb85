#!/usr/bin/env bash
# Issue 3's reference protocol run twice on the same splits: fairreg's default sweep and the
# independent numpy implementation tools/reference/fair_numpy.py (docs/fairness.md, "The same
# protocol in numpy, on the same splits"). Insurance, smoker the group, 60/20/20 split seeds 1..20,
# stratified batches, five initial-weight seeds on each side. Writes $OUT/reference/init<i>.s<seed>.csv
# and prints the table. Usage: tools/figures/fairness_same_splits.sh [SPLITS (default 20)]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fairness_common.sh"
splits="${1:-20}"
mkdir -p "$OUT/reference"
read -ra data <<<"$(dataset_args ins-smoker)"
for init in 1 2 3 4 5; do
    for seed in $(seq 1 "$splits"); do
        fr sweep "${data[@]}" "${SPLIT[@]}" --split-seed "$seed" --batching stratified --seed $((100 + init)) -q \
            --no-audit --frontier-csv "$OUT/reference/init$init.s$seed.csv" >/dev/null
    done
done
python3 "$root/tools/reference/fair_numpy.py" --splits "1-$splits" --inits 5 --fairreg-dir "$OUT/reference" \
    --variants init1,init2,init3,init4,init5
