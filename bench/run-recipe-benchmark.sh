#!/usr/bin/env bash
# Runs the recipe end to end (10-64-64-1, gap objective, batches of 64, validation every epoch) on
# fairreg with its Vector API kernels, on fairreg with its portable kernels, and on TensorFlow for
# Java in graph mode, each in a JVM of its own so that each peak resident set is that engine's
# alone; then prints the comparison tables of docs/benchmarks.md.
#
# Usage: bench/run-recipe-benchmark.sh [EPOCHS [WARMUP [SEED [ROUNDS]]]]     (defaults: 30 20 1 3)
# WARMUP is the length of a run made and thrown away in each JVM before the timed run of EPOCHS.
# Each round runs the three engines one after the other; the report takes, per engine, the round
# with the median of the rounds' median epoch times, and the largest peak memory of any round.
# JAVA_OPTS is added to every JVM's options (the same for all three engines); by default it is
# the ./fairreg launcher's own choice, -XX:+UseSerialGC -Xms8m, so the figures are those of the
# default setup. JAVA_OPTS= (empty) measures the JVM's defaults instead.
# Writes bench/target/recipe-benchmark/: results.tsv, report.md, one log per engine and round.
# The first run downloads TensorFlow's natives (160 MB) into ~/.m2. Other heavy work on the
# machine skews the figures: the report records the load average before each run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

epochs=${1:-30}
warmup=${2:-20}
seed=${3:-1}
rounds=${4:-3}
JAVA_OPTS=${JAVA_OPTS--XX:+UseSerialGC -Xms8m}
out=bench/target/recipe-benchmark

echo "building the bench module (-Ptensorflow-natives)" >&2
mvn -B -q -Ptensorflow-natives -pl bench -am -Dmaven.test.skip=true package
classpath="bench/target/classes:$(cat bench/target/benchmark.classpath)"
rm -rf "$out"
mkdir -p "$out"
loads=()

# run_engine ROUND LABEL ENGINE [JVM OPTION...]: one engine in a fresh JVM. A failure is reported
# and the other engines still run, so that a machine where TensorFlow's natives cannot load still
# gets fairreg's figures.
run_engine() {
    local round=$1 label=$2 engine=$3
    shift 3
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    echo "round $round: $label" >&2
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options.
    if ! java ${JAVA_OPTS:-} "$@" -cp "$classpath" org.fairreg.bench.RecipeBenchmark --engine "$engine" \
            --label "$label" --epochs "$epochs" --warmup "$warmup" --seed "$seed" --results "$out/results.tsv" \
            > "$out/$label-$round.log" 2>&1; then
        echo "$label FAILED; its log, $out/$label-$round.log, ends with:" >&2
        tail -n 15 "$out/$label-$round.log" >&2
    fi
}

for round in $(seq 1 "$rounds"); do
    run_engine "$round" fairreg-vector fairreg --add-modules jdk.incubator.vector -Dfairreg.kernels=vector
    run_engine "$round" fairreg-portable fairreg -Dfairreg.kernels=portable
    run_engine "$round" tensorflow tensorflow
done

# The machine's single-thread float32 matrix rate, for the arithmetic limit: numpy (OpenBLAS) at
# the recipe's 64x64x64 product. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which some machines set
# to work around old OpenBLAS bugs, slow a current one down, so they are dropped for this command.
gflops_option=()
if python3 -c 'import numpy' 2> /dev/null; then
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 python3 bench/matrix_rate.py \
        > "$out/matrix-rate.txt"
    gflops_option=(--matrix-gflops "$(awk '$1 == "rate" {print $2}' "$out/matrix-rate.txt")")
else
    echo "no numpy: the arithmetic-limit column is left out" >&2
fi

{
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores;"
    echo "$(java -version 2>&1 | head -n 1); $epochs epochs per engine and round after a $warmup-epoch warm-up run;"
    echo "seed $seed; $rounds rounds. One-minute load average before each run, in run order: ${loads[*]}."
    echo
    java -cp "$classpath" org.fairreg.bench.RecipeReport --results "$out/results.tsv" "${gflops_option[@]}"
    if [[ -s $out/matrix-rate.txt ]]; then
        echo
        echo "numpy float32 matmul, one thread (m k n threads GFLOP/s):"
        sed 's/^/    /' "$out/matrix-rate.txt"
    fi
} | tee "$out/report.md"
