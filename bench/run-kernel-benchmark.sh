#!/usr/bin/env bash
# Runs the JMH benchmarks of the dense-layer kernels (forward, parameter gradient, input delta;
# batch 64, 256, 1024; width 64 and 256; portable and Vector API kernels) and prints their times
# with GFLOP/s as a Markdown table.
#
# Usage: bench/run-kernel-benchmark.sh [JMH OPTION...]
#   e.g. bench/run-kernel-benchmark.sh -p width=64 -f 2      (see: java -cp ... org.openjdk.jmh.Main -h)
# Writes bench/target/kernel-benchmark/: jmh.json, jmh.log, report.md. Takes 6-7 minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=bench/target/kernel-benchmark
echo "building the bench module" >&2
mvn -B -q -Ptensorflow-natives -pl bench -am -Dmaven.test.skip=true package
classpath="bench/target/classes:$(cat bench/target/benchmark.classpath)"
rm -rf "$out"
mkdir -p "$out"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/jmh.log"
java -cp "$classpath" org.openjdk.jmh.Main DenseKernelBenchmark -rf json -rff "$out/jmh.json" "$@" \
    | tee -a "$out/jmh.log"
java -cp "$classpath" org.fairreg.bench.KernelReport "$out/jmh.json" | tee "$out/report.md"
