"""Measures this machine's float32 matrix-multiply rate with numpy, for the arithmetic limit of
docs/benchmarks.md.

Prints one line per shape, "m k n threads GFLOP/s", the rate of C = A @ B with A m x k and
B k x n (2 m k n floating-point operations per product), written into a preallocated C so that
no allocation is timed; then a last line "rate GFLOP/s" with the best single-thread rate at the
recipe's shapes, which run-recipe-benchmark.sh passes to RecipeReport. The best of several
repeats is kept, as the least disturbed by the other work of a shared machine.

Usage: OPENBLAS_NUM_THREADS=1 python3 bench/matrix_rate.py
"""
import os
import time

import numpy as np

# The recipe's layer products at batch 64 (forward, parameter gradient, input delta), and the
# same inner sizes at a batch of 1024, where the call overhead of numpy no longer counts.
SHAPES = [
    (64, 10, 64), (64, 64, 64), (10, 64, 64), (64, 64, 10),
    (1024, 64, 64), (1024, 256, 256),
]
RECIPE_SHAPES = {(64, 64, 64), (1024, 64, 64)}
MIN_SECONDS = 0.2
REPEATS = 7


def rate(m, k, n):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((m, k), dtype=np.float32)
    b = rng.standard_normal((k, n), dtype=np.float32)
    c = np.empty((m, n), dtype=np.float32)
    calls = 1
    while True:
        started = time.perf_counter()
        for _ in range(calls):
            np.matmul(a, b, out=c)
        if time.perf_counter() - started > MIN_SECONDS / 10:
            break
        calls *= 2
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        for _ in range(calls):
            np.matmul(a, b, out=c)
        best = min(best, (time.perf_counter() - started) / calls)
    return 2.0 * m * k * n / best / 1e9


def main():
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    best_recipe = 0.0
    for m, k, n in SHAPES:
        gflops = rate(m, k, n)
        print(f"{m} {k} {n} {threads} {gflops:.1f}")
        if (m, k, n) in RECIPE_SHAPES:
            best_recipe = max(best_recipe, gflops)
    print(f"rate {best_recipe:.1f}")


if __name__ == "__main__":
    main()
