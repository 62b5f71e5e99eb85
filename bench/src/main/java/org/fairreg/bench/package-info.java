/**
 * Benchmarks, kept out of the library and its tests: nothing here runs during {@code mvn verify}.
 *
 * <p>Two kinds live here:
 * <ul>
 *   <li>{@link org.fairreg.bench.RecipeBenchmark}, the end-to-end recipe (10-64-64-1, gap
 *       objective, batches of 64, validation every epoch) on fairreg and on TensorFlow for Java,
 *       one engine per JVM so that each peak resident set is that engine's alone;
 *       {@link org.fairreg.bench.RecipeReport} turns their result lines into the table of
 *       {@code docs/benchmarks.md};</li>
 *   <li>{@link org.fairreg.bench.DenseKernelBenchmark}, JMH benchmarks of one dense layer's three
 *       kernels.</li>
 * </ul>
 *
 * <p>Vocabulary: an <em>epoch</em> is one pass over the 8000 training examples in 125 steps plus
 * the validation pass over the 2000 validation examples, as in the recipe; <em>epoch time</em> is
 * wall-clock time; <em>peak memory</em> is the process's peak resident set ({@code VmHWM}).
 * {@code bench/run-recipe-benchmark.sh} and {@code bench/run-kernel-benchmark.sh} run them.
 */
package org.fairreg.bench;
