#!/usr/bin/env bash
# Task: what bounds a group-blind model. Per-group test errors of blind models (plain mse; penalized
# lambda 1 and 3) against the same network given the group as a feature (--group-as-feature), on
# 60/20/20 splits; $OUT/bounds/<dataset>.<model>.s<seed>.json, read by fairness_bounds.py (which
# adds least-squares fits and an estimate of the best blind models in numpy).
# Usage: tools/figures/fairness_bounds.sh [SPLIT_SEED...]   (default 1 2 3 4 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fairness_common.sh"
seeds=("$@"); [ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3 4 5)
mkdir -p "$OUT/bounds"
declare -A M=(
    [mse-blind]="--objective mse --standardize-target"
    [mse-aware]="--objective mse --standardize-target --group-as-feature"
    [pen1-blind]="--objective penalized --lambda 1"
    [pen3-blind]="--objective penalized --lambda 3"
)
for ds in ins-smoker ins-sex law-white law-race8; do
    read -ra data <<<"$(dataset_args "$ds")"
    for seed in "${seeds[@]}"; do
        for model in mse-blind mse-aware pen1-blind pen3-blind; do
            read -ra opts <<<"${M[$model]}"
            name="$ds.$model.s$seed"
            echo "+ fairreg train ${data[*]} ${SPLIT[*]} --split-seed $seed --batching stratified ${opts[*]}" \
                 "-q --report-json $OUT/bounds/$name.json" >&2
            fr train "${data[@]}" "${SPLIT[@]}" --split-seed "$seed" --batching stratified "${opts[@]}" -q \
                --report-json "$OUT/bounds/$name.json" >"$OUT/bounds/$name.txt" 2>"$OUT/bounds/$name.err"
        done
    done
done
