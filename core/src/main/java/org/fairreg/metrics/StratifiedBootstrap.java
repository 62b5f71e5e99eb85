package org.fairreg.metrics;

import java.util.ArrayList;
import java.util.List;

import org.fairreg.random.LegacyRandom;

/**
 * Percentile bootstrap intervals of each group's MSE and of the gap, resampling within each group
 * (B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman &amp; Hall, 1993:
 * section 8.3 for resampling each sample of a multi-sample problem separately, chapter 13 for the
 * percentile interval).
 *
 * <p>With {@code s} the squared residuals of group {@code k} ({@code n_k} of them), resample
 * {@code b = 1..B} draws {@code n_k} indices {@code I_{k,b,j}} uniformly from
 * {@code [0, n_k)} with replacement, for every group, and computes
 * <pre>
 *   e*_{k,b} = (1 / n_k) sum_j s[I_{k,b,j}]
 *   g*_b     = max_k e*_{k,b} - min_k e*_{k,b}
 *   m*_b     = (1 / n) sum_k n_k e*_{k,b}        (the overall MSE, group sizes fixed)
 * </pre>
 * The interval of a group's MSE and of the overall MSE runs from the {@code (1 - level) / 2} to the
 * {@code (1 + level) / 2} quantile of its {@code B} replicates ({@link Percentiles}).
 *
 * <p>The gap's interval is that percentile interval moved down by the bootstrap's estimate of the
 * gap's bias, {@code mean_b g*_b - g} with {@code g} the observed gap (Efron and Tibshirani,
 * chapter 10), and cut at 0. Why: a largest-minus-smallest of noisy group MSEs overstates the gap,
 * and a resample adds its own noise on top of the data's, so the replicates overstate the observed
 * gap once more. With small groups the plain percentile interval then lay wholly above the gap it
 * was computed for (law school, eight race codes: gap 0.218, interval [0.220, 1.06]). Moved by the
 * estimated bias, the interval describes how the measured gap varies from one test set to another
 * around the value observed; for large groups and a clear gap the bias is near 0 and nothing moves.
 *
 * <p>Why within each group (a stratified bootstrap) rather than over all examples: a group's MSE
 * is a mean over that group's examples, and the report states how many there are. Resampling all
 * examples together would make each group's size random, adding a variability the reported
 * figure does not have, and would leave a small group out of some resamples altogether, where its
 * MSE, and so the gap, is undefined. Resampling each group separately keeps every size fixed, as
 * the two-sample bootstrap does.
 *
 * <p>Cost: {@code B n} uniform draws and additions, {@code n} the number of examples; memory
 * {@code 8 B (K + 2)} bytes for {@code K} groups, allocated once before the loop. Groups are
 * resampled one after another, group {@code 0} first, each {@code B} times, from one generator;
 * this order fixes which draws go where, so the same seed gives the same intervals bit for bit.
 *
 * <p>Stateless; each call uses only its arguments.
 */
final class StratifiedBootstrap {

    /**
     * The intervals of one bootstrap.
     *
     * @param groupMse one interval per group, in the layout's order
     * @param overallMse the interval of the overall MSE
     * @param gap the interval of the gap
     */
    record Result(List<Interval> groupMse, Interval overallMse, Interval gap) {
        Result {
            groupMse = List.copyOf(groupMse);
        }
    }

    private StratifiedBootstrap() {
    }

    /**
     * Resamples each group and returns the percentile intervals.
     *
     * @param residuals the squared residuals by group, {@linkplain GroupedResiduals#isResamplable()
     *        resamplable}
     * @param resamples the number of resamples {@code B}, at least 1
     * @param level the confidence level, in {@code (0, 1)}
     * @param random the generator; advanced by the draws (modified)
     * @return the intervals
     */
    static Result run(GroupedResiduals residuals, int resamples, double level, LegacyRandom random) {
        int groupCount = residuals.groupCount();
        double[][] replicates = new double[groupCount][resamples];

        for (int k = 0; k < groupCount; k++) {
            resampleGroupMse(residuals, k, random, replicates[k]);
        }
        double[] gaps = new double[resamples];
        double[] overall = new double[resamples];
        double gapSum = 0.0;
        for (int b = 0; b < resamples; b++) {
            double highest = Double.NEGATIVE_INFINITY;
            double lowest = Double.POSITIVE_INFINITY;
            double weighted = 0.0;
            for (int k = 0; k < groupCount; k++) {
                highest = Math.max(highest, replicates[k][b]);
                lowest = Math.min(lowest, replicates[k][b]);
                weighted += residuals.size(k) * replicates[k][b];
            }
            gaps[b] = highest - lowest;
            gapSum += gaps[b];
            overall[b] = weighted / residuals.size();
        }
        double gapBias = gapSum / resamples - residuals.gap();

        List<Interval> groupMse = new ArrayList<>(groupCount);
        for (int k = 0; k < groupCount; k++) {
            groupMse.add(Percentiles.intervalSortingInPlace(replicates[k], level));
        }
        return new Result(groupMse, Percentiles.intervalSortingInPlace(overall, level),
                lessBias(Percentiles.intervalSortingInPlace(gaps, level), gapBias));
    }

    /** Moves a gap interval down by the bias, keeping both ends at or above 0 as a gap is. */
    private static Interval lessBias(Interval interval, double bias) {
        return new Interval(Math.max(0.0, interval.lower() - bias), Math.max(0.0, interval.upper() - bias));
    }

    /**
     * Fills {@code out[b]} with the MSE of resample {@code b} of group {@code k}.
     *
     * @param out the replicates, one per resample; modified
     */
    private static void resampleGroupMse(GroupedResiduals residuals, int k, LegacyRandom random, double[] out) {
        double[] squared = residuals.squared();
        int from = residuals.offset(k);
        int size = residuals.size(k);
        int lastIndex = size - 1;
        for (int b = 0; b < out.length; b++) {
            double sum = 0.0;
            for (int j = 0; j < size; j++) {
                sum += squared[from + random.interval(lastIndex)];
            }
            out[b] = sum / size;
        }
    }
}
