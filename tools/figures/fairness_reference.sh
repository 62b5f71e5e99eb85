#!/usr/bin/env bash
# Task: fairreg against the numpy reference on medical insurance, smoker the group (not a feature),
# 60/20/20 splits with split seeds 1..5, stratified batches, the model the sweep chooses on
# validation. One sweep per variant and split seed: $OUT/reference/<variant>.s<seed>.{csv,txt};
# fairness_reference.py computes the mean ratios (and re-applies the selection rule for other
# targets). Usage: tools/figures/fairness_reference.sh [VARIANT...]   (default: all below)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fairness_common.sh"
FINE=0.05,0.1,0.15,0.2,0.25,0.3,0.4,0.5,0.7,1,3
NARROW=0.08,0.1,0.12,0.14,0.16,0.18,0.2
declare -A V=(
    [default]=""                                          # the default lambdas 0.1,0.3,1,3
    [fine]="--lambdas $FINE"
    [constrained]="--epsilons 5%,10%,20%,30%,50%,100%"
    [linear]="--hidden none --lambdas $FINE"
    [linear-constrained]="--hidden none --epsilons 5%,10%,20%,30%,50%,100%"
    [wd1e-4]="--weight-decay 1e-4 --lambdas $FINE"
    [wd1e-3]="--weight-decay 1e-3 --lambdas $FINE"
    [wd1e-2]="--weight-decay 1e-2 --lambdas $FINE"
    [variance]="--gap-measure variance --lambdas 0.01,0.02,0.03,0.05,0.1,0.2,0.3,0.5,1,3"
    [h16]="--hidden 16 --lambdas $FINE"
    [h32x32]="--hidden 32,32 --lambdas $FINE"
    [h128x128]="--hidden 128,128 --lambdas $FINE"
    [patience30]="--patience 30 --lambdas $FINE"
    [running]="--gap-estimate running --lambdas $FINE"
    # second round, aimed at the 0.53x / 1.09x point: a narrow lambda grid, longer or slower training
    [narrow]="--lambdas $NARROW"
    [h128-p30]="--hidden 128,128 --patience 30 --lambdas $NARROW"
    [lr3e-4-p30]="--learning-rate 3e-4 --patience 30 --lambdas $NARROW"
    [h128-lr3e-4-p30]="--hidden 128,128 --learning-rate 3e-4 --patience 30 --lambdas $NARROW"
    [bs16-p30]="--batch-size 16 --patience 30 --lambdas $NARROW"
    [bs256-p30]="--batch-size 256 --patience 30 --lambdas $NARROW"
    [h256-p30]="--hidden 256,256 --patience 30 --lambdas $NARROW"
    [h128-p50]="--hidden 128,128 --patience 50 --lambdas $NARROW"
    [h128-p30-variance]="--hidden 128,128 --patience 30 --gap-measure variance --lambdas 0.03,0.04,0.05,0.06,0.07,0.08,0.1"
)
variants=("$@"); [ ${#variants[@]} -gt 0 ] || variants=(default fine constrained linear linear-constrained \
    wd1e-4 wd1e-3 wd1e-2 variance h16 h32x32 h128x128 patience30 running \
    narrow h128-p30 lr3e-4-p30 h128-lr3e-4-p30 bs16-p30 bs256-p30 h256-p30 h128-p50 h128-p30-variance)
mkdir -p "$OUT/reference"
read -ra data <<<"$(dataset_args ins-smoker)"
for variant in "${variants[@]}"; do
    read -ra opts <<<"${V[$variant]}"
    for seed in 1 2 3 4 5; do
        name="$variant.s$seed"
        echo "+ fairreg sweep ${data[*]} ${SPLIT[*]} --split-seed $seed --batching stratified ${opts[*]}" \
             "-q --frontier-csv $OUT/reference/$name.csv" >&2
        fr sweep "${data[@]}" "${SPLIT[@]}" --split-seed "$seed" --batching stratified "${opts[@]}" -q \
            --frontier-csv "$OUT/reference/$name.csv" >"$OUT/reference/$name.txt" 2>"$OUT/reference/$name.err"
    done
done
