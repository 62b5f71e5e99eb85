package org.fairreg.metrics;

import java.util.ArrayList;
import java.util.List;

import org.fairreg.data.GroupLabels;

/**
 * A model's errors on labelled data, per group and overall, with the gap between groups.
 *
 * <p>Groups are listed in code order (see {@link GroupLabels}), and only groups with at least one
 * example appear. The gap is the largest minus the smallest group MSE. Immutable.
 *
 * @param groups one entry per group present, in code order
 * @param overall the figures over every example
 * @param gap largest minus smallest group MSE; 0 with a single group
 */
public record GroupReport(List<GroupMetrics> groups, GroupMetrics overall, double gap) {

    /**
     * @param groups one entry per group present, copied
     * @param overall the figures over every example
     * @param gap largest minus smallest group MSE
     */
    public GroupReport {
        groups = List.copyOf(groups);
    }

    /**
     * Computes the report.
     *
     * @param targets the true values, original unit
     * @param predictions the model's predictions, same length and unit
     * @param groupCodes each example's group code
     * @param labels the labels of the codes
     * @return the report
     * @throws IllegalArgumentException if the lengths differ, there is no example, or a group
     *         code is out of range
     */
    public static GroupReport of(double[] targets, double[] predictions, int[] groupCodes, GroupLabels labels) {
        if (targets.length != predictions.length || targets.length != groupCodes.length || targets.length == 0) {
            throw new IllegalArgumentException("targets, predictions and groupCodes must have the same, non-zero "
                    + "length, found " + targets.length + ", " + predictions.length + " and " + groupCodes.length);
        }
        int groupCount = labels.size();
        Accumulator[] perGroup = new Accumulator[groupCount];
        for (int k = 0; k < groupCount; k++) {
            perGroup[k] = new Accumulator();
        }
        Accumulator all = new Accumulator();
        for (int e = 0; e < targets.length; e++) {
            if (groupCodes[e] < 0 || groupCodes[e] >= groupCount) {
                throw new IllegalArgumentException("groupCodes[" + e + "] must be in [0, " + groupCount + "), found "
                        + groupCodes[e]);
            }
            perGroup[groupCodes[e]].addFirstPass(targets[e], predictions[e]);
            all.addFirstPass(targets[e], predictions[e]);
        }
        for (int e = 0; e < targets.length; e++) {
            perGroup[groupCodes[e]].addSecondPass(targets[e]);
            all.addSecondPass(targets[e]);
        }

        List<GroupMetrics> rows = new ArrayList<>();
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < groupCount; k++) {
            if (perGroup[k].n > 0) {
                GroupMetrics row = perGroup[k].metrics(labels.label(k));
                rows.add(row);
                highest = Math.max(highest, row.mse());
                lowest = Math.min(lowest, row.mse());
            }
        }
        return new GroupReport(rows, all.metrics("overall"), highest - lowest);
    }

    /** Sums for one set of examples; the second pass measures the target's spread around its mean. */
    private static final class Accumulator {
        long n;
        double lowestTarget = Double.POSITIVE_INFINITY;
        double highestTarget = Double.NEGATIVE_INFINITY;
        double sumTarget;
        double sumResidual;
        double sumSquaredResidual;
        double sumAbsoluteResidual;
        double sumSquaredDeviation;

        void addFirstPass(double target, double prediction) {
            double residual = prediction - target;
            n++;
            lowestTarget = Math.min(lowestTarget, target);
            highestTarget = Math.max(highestTarget, target);
            sumTarget += target;
            sumResidual += residual;
            sumSquaredResidual += residual * residual;
            sumAbsoluteResidual += Math.abs(residual);
        }

        void addSecondPass(double target) {
            double deviation = target - sumTarget / n;
            sumSquaredDeviation += deviation * deviation;
        }

        GroupMetrics metrics(String label) {
            double mse = sumSquaredResidual / n;
            // Equal targets have no spread even when their rounded mean leaves a tiny deviation sum.
            double r2 = highestTarget > lowestTarget ? 1.0 - sumSquaredResidual / sumSquaredDeviation : Double.NaN;
            return new GroupMetrics(label, n, mse, Math.sqrt(mse), sumAbsoluteResidual / n, sumResidual / n, r2);
        }
    }
}
