package org.fairreg.metrics;

import java.util.ArrayList;
import java.util.List;

import org.fairreg.data.GroupLabels;

/**
 * Squared residuals {@code s_e = (prediction_e - target_e)^2} laid out group by group, the one
 * input the audit's resampling needs.
 *
 * <p>Only groups with at least one example are kept, in code order; group {@code k} of this
 * layout holds {@code s[offsets[k]] .. s[offsets[k + 1] - 1]}, in example order. The per-group
 * sums therefore add the same values in the same order as {@link GroupReport}, and give the same
 * MSEs bit for bit.
 *
 * <p>Immutable once built: the squared residuals are shared only with classes of this package,
 * which only read them (see {@link #squared()}), so instances are thread-safe.
 */
final class GroupedResiduals {

    private final List<String> labels;
    private final double[] squared;
    private final int[] offsets;

    private GroupedResiduals(List<String> labels, double[] squared, int[] offsets) {
        this.labels = labels;
        this.squared = squared;
        this.offsets = offsets;
    }

    /**
     * Lays out the squared residuals of labelled predictions by group.
     *
     * @param targets the true values, original unit
     * @param predictions the model's predictions, same length and unit
     * @param groupCodes each example's group code, in {@code [0, labels.size())}
     * @param labels the labels of the codes
     * @return the layout
     * @throws IllegalArgumentException if the lengths differ, there is no example, or a group
     *         code is out of range
     */
    static GroupedResiduals of(double[] targets, double[] predictions, int[] groupCodes, GroupLabels labels) {
        if (targets.length != predictions.length || targets.length != groupCodes.length || targets.length == 0) {
            throw new IllegalArgumentException("targets, predictions and groupCodes must have the same, non-zero "
                    + "length, found " + targets.length + ", " + predictions.length + " and " + groupCodes.length);
        }
        int codeCount = labels.size();
        int[] counts = new int[codeCount];
        for (int e = 0; e < groupCodes.length; e++) {
            if (groupCodes[e] < 0 || groupCodes[e] >= codeCount) {
                throw new IllegalArgumentException("groupCodes[" + e + "] must be in [0, " + codeCount + "), found "
                        + groupCodes[e]);
            }
            counts[groupCodes[e]]++;
        }

        // Each code's next free slot; codes without examples get no block.
        List<String> present = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int[] next = new int[codeCount];
        int filled = 0;
        for (int code = 0; code < codeCount; code++) {
            if (counts[code] > 0) {
                present.add(labels.label(code));
                starts.add(filled);
                next[code] = filled;
                filled += counts[code];
            }
        }
        double[] squared = new double[targets.length];
        for (int e = 0; e < targets.length; e++) {
            double residual = predictions[e] - targets[e];
            squared[next[groupCodes[e]]++] = residual * residual;
        }
        int[] offsets = new int[present.size() + 1];
        for (int k = 0; k < present.size(); k++) {
            offsets[k] = starts.get(k);
        }
        offsets[present.size()] = targets.length;
        return new GroupedResiduals(List.copyOf(present), squared, offsets);
    }

    /** @return the number of groups with at least one example */
    int groupCount() {
        return labels.size();
    }

    /**
     * @param k the group's index in this layout
     * @return its label
     */
    String label(int k) {
        return labels.get(k);
    }

    /** @return the number of examples of every group */
    int size() {
        return squared.length;
    }

    /**
     * @param k the group's index in this layout
     * @return the number of its examples, at least 1
     */
    int size(int k) {
        return offsets[k + 1] - offsets[k];
    }

    /**
     * @param k the group's index in this layout
     * @return the index of its first squared residual
     */
    int offset(int k) {
        return offsets[k];
    }

    /**
     * @param k the group's index in this layout
     * @return its mean squared error
     */
    double mse(int k) {
        return blockMean(squared, offsets[k], offsets[k + 1]);
    }

    /** @return the largest minus the smallest group MSE; 0 with one group */
    double gap() {
        return gapOfBlocks(squared);
    }

    /**
     * Whether resampling stays finite: every sum of up to {@link #size()} squared residuals is
     * finite exactly when {@code size() * max_e s_e} is. A non-finite prediction, or a residual
     * above about {@code 1e154}, fails this.
     *
     * @return whether every resampled and permuted figure is finite
     */
    boolean isResamplable() {
        double largest = 0.0;
        for (double value : squared) {
            // NaN fails every comparison, so test for it in the same pass.
            if (!(value <= largest)) {
                if (Double.isNaN(value)) {
                    return false;
                }
                largest = value;
            }
        }
        return Double.isFinite(largest * squared.length);
    }

    /** @return a new array holding the squared residuals, group by group */
    double[] copyOfSquared() {
        return squared.clone();
    }

    /**
     * @return the squared residuals, group by group; shared, not copied, so callers must not
     *         modify them
     */
    double[] squared() {
        return squared;
    }

    /**
     * Returns the gap of values cut into this layout's blocks: with {@code m_k} the mean of block
     * {@code k}, {@code max_k m_k - min_k m_k}.
     *
     * @param values one value per example, same length as the layout; only read
     * @return the gap; 0 with one group
     */
    double gapOfBlocks(double[] values) {
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < labels.size(); k++) {
            double mean = blockMean(values, offsets[k], offsets[k + 1]);
            highest = Math.max(highest, mean);
            lowest = Math.min(lowest, mean);
        }
        return highest - lowest;
    }

    private static double blockMean(double[] values, int from, int to) {
        double sum = 0.0;
        for (int e = from; e < to; e++) {
            sum += values[e];
        }
        return sum / (to - from);
    }
}
