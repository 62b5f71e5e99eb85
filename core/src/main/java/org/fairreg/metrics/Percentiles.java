package org.fairreg.metrics;

import java.util.Arrays;

/**
 * Sample quantiles of resampled figures, by linear interpolation between order statistics
 * (definition 7 of R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The
 * American Statistician 50(4), 1996; the default of R's {@code quantile} and numpy's
 * {@code percentile}, so a reader can check a figure with either). With {@code v} sorted,
 * {@code m} values and {@code h = (m - 1) q}:
 * <pre>
 *   Q(q) = v[floor(h)] + (h - floor(h)) * (v[floor(h) + 1] - v[floor(h)])
 * </pre>
 * Stateless.
 */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * Returns the {@code q} quantile of sorted values.
     *
     * @param sorted the values in ascending order, at least one
     * @param q the probability, in {@code [0, 1]}
     * @return the quantile
     */
    static double ofSorted(double[] sorted, double q) {
        double position = (sorted.length - 1) * q;
        int below = (int) Math.floor(position);
        double fraction = position - below;
        // Equal neighbors return as they are: interpolating two equal infinities gives NaN.
        if (fraction == 0.0 || below + 1 >= sorted.length || sorted[below] == sorted[below + 1]) {
            return sorted[below];
        }
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }

    /**
     * Returns the equal-tailed percentile interval of resampled figures, from the
     * {@code (1 - level) / 2} to the {@code (1 + level) / 2} quantile (B. Efron and R. J.
     * Tibshirani, "An Introduction to the Bootstrap", Chapman &amp; Hall, 1993, chapter 13).
     *
     * @param replicates the resampled figures, at least one; sorted in place (modified)
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval
     */
    static Interval intervalSortingInPlace(double[] replicates, double level) {
        Arrays.sort(replicates);
        double tail = (1.0 - level) / 2.0;
        return new Interval(ofSorted(replicates, tail), ofSorted(replicates, 1.0 - tail));
    }
}
