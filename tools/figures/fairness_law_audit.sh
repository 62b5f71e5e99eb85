#!/usr/bin/env bash
# The audit's verdict on the plain mse model's law-school gaps over many splits (docs/fairness.md,
# "Where the gap is real, and where it is noise"): white vs the rest and the eight race codes,
# 60/20/20 split seeds 1..N, one line per run with the test gap, its p-value and the verdict.
# Usage: tools/figures/fairness_law_audit.sh [N (default 10)]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fairness_common.sh"
for seed in $(seq 1 "${1:-10}"); do
    for grouping in law-white law-race8; do
        read -ra data <<<"$(dataset_args "$grouping")"
        verdict=$(fr train "${data[@]}" "${SPLIT[@]}" --split-seed "$seed" --objective mse --standardize-target -q \
            | awk '/^gap /{gap=$2} /^p-value/{p=$2} /^the gap is/{v=($4 == "within") ? "within noise" : "beyond noise"}
                   END{print gap, p, v}')
        echo "$grouping split $seed: gap p-value verdict = $verdict"
    done
done
