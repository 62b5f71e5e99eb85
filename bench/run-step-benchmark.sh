#!/usr/bin/env bash
# Runs the JMH benchmark of one training step's network work at batch 1024 and width 256 on one
# thread (TrainingStepBenchmark: a 256-256-256-1 network, the batch in the trainer's 256-row
# blocks), measures numpy's single-thread float32 rate on the 1024 x 256 x 256 product in the same
# sitting, and prints each implementation's GFLOP/s and its share of that rate.
#
# Usage: bench/run-step-benchmark.sh [JMH OPTION...]. Takes about 40 s.
# Writes bench/target/step-benchmark/: jmh.json, jmh.log, numpy.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=bench/target/step-benchmark
echo "building the bench module" >&2
mvn -B -q -Ptensorflow-natives -pl bench -am -Dmaven.test.skip=true package
classpath="bench/target/classes:$(cat bench/target/benchmark.classpath)"
rm -rf "$out"
mkdir -p "$out"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/jmh.log"
java -cp "$classpath" org.openjdk.jmh.Main TrainingStepBenchmark -rf json -rff "$out/jmh.json" "$@" \
    | tee -a "$out/jmh.log" >&2
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 python3 bench/matrix_rate.py >"$out/numpy.txt"
python3 - "$out/jmh.json" "$out/numpy.txt" <<'PY'
import json, sys
results, numpy_file = sys.argv[1:]
rate = next(float(line.split()[4]) for line in open(numpy_file) if line.startswith("1024 256 256 "))
print(f"numpy float32, one thread, 1024 x 256 x 256: {rate:.1f} GFLOP/s")
print("| kernels | batch | width | step (us) | GFLOP/s | share of numpy's rate |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for result in json.load(open(results)):
    p = result["params"]
    batch, width = int(p["batchSize"]), int(p["width"])
    flops = 2.0 * batch * (5.0 * width * width + 3.0 * width)
    micros = result["primaryMetric"]["score"]
    error = result["primaryMetric"]["scoreError"]
    gflops = flops / micros / 1e3
    print(f"| {p['kernels']} | {batch} | {width} | {micros:.1f} ± {error:.1f} | {gflops:.1f} | {gflops / rate:.2f} |")
PY
