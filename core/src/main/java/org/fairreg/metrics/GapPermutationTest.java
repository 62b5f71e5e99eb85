package org.fairreg.metrics;

import java.util.Arrays;

import org.fairreg.random.LegacyRandom;

/**
 * Whether a gap between group MSEs is larger than shuffled group labels give: a Monte Carlo
 * permutation test (P. Good, "Permutation, Parametric, and Bootstrap Tests of Hypotheses", 3rd
 * edition, Springer, 2005; B. Efron and R. J. Tibshirani, "An Introduction to
 * the Bootstrap", Chapman &amp; Hall, 1993, chapter 15).
 *
 * <p>The null hypothesis is that the group labels are unrelated to the squared residuals, so that
 * any assignment of the labels to the evaluated examples, keeping each group's size, is as likely
 * as the observed one. Permutation {@code p = 1..P} shuffles the labels, recomputes the gap
 * {@code g_p} and compares it with the observed gap {@code g}:
 * <pre>
 *   c           = #{p : g_p >= g - tau}
 *   p-value     = (1 + c) / (1 + P)
 *   noise floor = Q_level(g_1, ..., g_P)
 * </pre>
 * Counting the observed labelling as one of the permutations (the {@code 1 +} terms) keeps the
 * p-value valid, {@code P(p-value <= a) <= a} under the null, and never 0 (B. Phipson and
 * G. K. Smyth, "Permutation p-values should never be zero", Statistical Applications in Genetics
 * and Molecular Biology 9(1), 2010). {@code tau} is {@link #TIE_TOLERANCE} times the largest
 * group MSE, so that a permuted gap equal to the observed one in exact arithmetic counts as at
 * least as large even when the two sums were rounded differently. {@code Q_level} is the sample
 * quantile of {@link Percentiles}.
 *
 * <p>Shuffling the labels is shuffling the squared residuals and cutting them into the groups'
 * blocks again. Each permutation runs the forward Fisher-Yates shuffle on the first
 * {@code n - n_last} positions only: they then hold a uniformly random ordered choice of rows, and
 * the rows left form the last group, so its draws are saved. The shuffled array is shuffled again
 * for the next permutation, which leaves each permutation uniform.
 *
 * <p>Cost: {@code P (n - n_last)} uniform draws and {@code P n} additions; memory {@code 8 (n + P)}
 * bytes, allocated once before the loop. Stateless; each call uses only its arguments.
 */
final class GapPermutationTest {

    /**
     * Relative tolerance of "at least as large": a permuted gap counts as reaching the observed
     * one when it falls short by less than this times the largest group MSE. Summing the same
     * values in another order changes a mean in about its 13th digit for a million examples, so
     * 1e-9 covers rounding with room and is far below any gap worth reporting.
     */
    static final double TIE_TOLERANCE = 1e-9;

    /**
     * The outcome of one test.
     *
     * @param noiseFloor the {@code level} quantile of the permuted gaps
     * @param atLeastObserved {@code c}, the number of permuted gaps at least the observed one
     * @param permutations {@code P}, the number of permutations
     */
    record Result(double noiseFloor, int atLeastObserved, int permutations) {

        /** @return {@code (1 + c) / (1 + P)}, in {@code (0, 1]} */
        double pValue() {
            return (1.0 + atLeastObserved) / (1.0 + permutations);
        }
    }

    private GapPermutationTest() {
    }

    /**
     * Permutes the group labels and compares the permuted gaps with the observed one.
     *
     * @param residuals the squared residuals by group, {@linkplain GroupedResiduals#isResamplable()
     *        resamplable}
     * @param permutations the number of permutations {@code P}, at least 1
     * @param level the quantile of the permuted gaps that makes the noise floor, in {@code (0, 1)}
     * @param random the generator; advanced by the draws (modified)
     * @return the noise floor and the count of permuted gaps at least the observed one
     */
    static Result run(GroupedResiduals residuals, int permutations, double level, LegacyRandom random) {
        double observed = residuals.gap();
        double largestMse = 0.0;
        for (int k = 0; k < residuals.groupCount(); k++) {
            largestMse = Math.max(largestMse, residuals.mse(k));
        }
        double reached = observed - TIE_TOLERANCE * largestMse;
        double[] pooled = residuals.copyOfSquared();
        int shuffled = residuals.size() - residuals.size(residuals.groupCount() - 1);
        double[] gaps = new double[permutations];

        int atLeastObserved = 0;
        for (int p = 0; p < permutations; p++) {
            shuffleLeadingInPlace(pooled, shuffled, random);
            gaps[p] = residuals.gapOfBlocks(pooled);
            if (gaps[p] >= reached) {
                atLeastObserved++;
            }
        }

        Arrays.sort(gaps);
        return new Result(Percentiles.ofSorted(gaps, level), atLeastObserved, permutations);
    }

    /**
     * Puts a uniformly random ordered choice of {@code count} values in the first {@code count}
     * positions: for {@code i = 0 .. count - 1}, swaps {@code values[i]} with {@code values[j]},
     * {@code j} uniform in {@code [i, n)}.
     *
     * @param values the values; modified
     */
    private static void shuffleLeadingInPlace(double[] values, int count, LegacyRandom random) {
        int lastIndex = values.length - 1;
        for (int i = 0; i < count; i++) {
            int j = i + random.interval(lastIndex - i);
            double swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }
}
