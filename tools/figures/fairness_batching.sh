#!/usr/bin/env bash
# Task: which --batching x --gap-estimate should be the default for --objective penalized?
# One sweep per dataset x split seed x combination (the mse and gap references included), each
# written as a frontier CSV under $OUT/batching/; fairness_batching.py makes the tables.
# Usage: [DATASETS="ins-smoker law-white"] [LAMBDAS=0.1,0.3,1,3,10] \
#        tools/figures/fairness_batching.sh [SPLIT_SEED...]   (default 1 2 3)
# docs/fairness.md ran it with seeds 1-6, then DATASETS=ins-smoker with 7-20, DATASETS=law-race8 with 1-3.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fairness_common.sh"
seeds=("$@"); [ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
LAMBDAS="${LAMBDAS:-0.1,0.3,1,3,10}"
mkdir -p "$OUT/batching"
for ds in ${DATASETS:-ins-smoker law-white}; do
    read -ra data <<<"$(dataset_args "$ds")"
    for seed in "${seeds[@]}"; do
        for batching in shuffle stratified; do
            for estimate in batch running; do
                name="$ds.$batching.$estimate.s$seed"
                # more than two groups: no recipe reference; lambda 0 is plain mse on the same target
                if [ "$ds" = law-race8 ]; then
                    refs=(--no-references --target-gap 0 --lambdas "0,$LAMBDAS")
                else
                    refs=(--lambdas "$LAMBDAS")
                fi
                echo "+ fairreg sweep ${data[*]} ${SPLIT[*]} --split-seed $seed --batching $batching" \
                     "--gap-estimate $estimate ${refs[*]} -q --frontier-csv $OUT/batching/$name.csv" >&2
                fr sweep "${data[@]}" "${SPLIT[@]}" --split-seed "$seed" --batching "$batching" \
                    --gap-estimate "$estimate" "${refs[@]}" -q \
                    --frontier-csv "$OUT/batching/$name.csv" >"$OUT/batching/$name.txt" 2>"$OUT/batching/$name.err"
            done
        done
    done
done
