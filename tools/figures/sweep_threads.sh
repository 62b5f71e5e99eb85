#!/usr/bin/env bash
# Times a sweep of 8 models (256-256 networks, 20 epochs each) on the built-in group-shift data with
# --threads 1 and with --threads 2, in the same sitting, and checks that both write the same
# frontier. Reports the sweep's own training time (the "models in N s" of its output, which leaves
# out starting the JVM and generating the data) and the whole command's wall time.
# Usage: tools/figures/sweep_threads.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fairreg-sweep.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$root/fairreg" --version >/dev/null

declare -A training wall
for threads in 1 2; do
    start=$(date +%s.%N)
    "$root/fairreg" sweep --builtin group-shift --lambdas 0.1,0.3,1,3,10,30 --hidden 256,256 --epochs 20 \
        --patience 20 --no-audit --quiet --threads "$threads" --frontier-json "$work/frontier-$threads.json" \
        >"$work/out-$threads.txt"
    end=$(date +%s.%N)
    wall[$threads]=$(python3 -c "print(f'{$end - $start:.1f}')")
    training[$threads]=$(sed -n 's/^frontier: .*, 8 models in \([0-9.]*\) s;.*/\1/p' "$work/out-$threads.txt")
done
cmp -s "$work/frontier-1.json" "$work/frontier-2.json" && same=yes || same=no
echo "| threads | models | training s | command s |"
echo "| ---: | ---: | ---: | ---: |"
echo "| 1 | 8 | ${training[1]} | ${wall[1]} |"
echo "| 2 | 8 | ${training[2]} | ${wall[2]} |"
python3 -c "print(f'speed-up of training {${training[1]} / ${training[2]}:.2f}x, of the command \
{${wall[1]} / ${wall[2]}:.2f}x; same frontier file: $same')"
