package org.fairreg.data;

import java.util.Objects;

/**
 * Labelled examples: features, a target and a group for each example.
 *
 * <p>Targets are kept as {@code double} in their original unit so that reports are exact;
 * training converts them to {@code float}. Group codes index {@link #groups()}. Two datasets cut
 * from the same source share their {@code GroupLabels}, so a code means the same group in each.
 * Arrays are shared, not copied: callers must not modify them.
 */
public final class Dataset {

    private final FeatureTable features;
    private final String targetName;
    private final double[] targets;
    private final String groupName;
    private final int[] groupCodes;
    private final GroupLabels groups;

    /**
     * @param features the feature columns
     * @param targetName the name of the target column
     * @param targets one target per example
     * @param groupName the name of the group column
     * @param groupCodes one group code per example, each in {@code [0, groups.size())}
     * @param groups the labels the codes refer to
     * @throws IllegalArgumentException if there is no feature, lengths disagree or a code is out
     *         of range
     */
    public Dataset(
            FeatureTable features,
            String targetName,
            double[] targets,
            String groupName,
            int[] groupCodes,
            GroupLabels groups) {
        if (features.featureCount() == 0) {
            throw new IllegalArgumentException("features must hold at least one column, found none");
        }
        int rows = features.rowCount();
        if (targets.length != rows || groupCodes.length != rows) {
            throw new IllegalArgumentException("features, targets and groupCodes must have the same number of rows, "
                    + "found " + rows + ", " + targets.length + " and " + groupCodes.length);
        }
        for (int e = 0; e < groupCodes.length; e++) {
            if (groupCodes[e] < 0 || groupCodes[e] >= groups.size()) {
                throw new IllegalArgumentException("groupCodes[" + e + "] must be in [0, " + groups.size()
                        + "), found " + groupCodes[e]);
            }
        }
        this.features = features;
        this.targetName = Objects.requireNonNull(targetName, "targetName");
        this.targets = targets;
        this.groupName = Objects.requireNonNull(groupName, "groupName");
        this.groupCodes = groupCodes;
        this.groups = groups;
    }

    /** @return the number of examples */
    public int size() {
        return targets.length;
    }

    /** @return the feature columns */
    public FeatureTable features() {
        return features;
    }

    /** @return the name of the target column */
    public String targetName() {
        return targetName;
    }

    /** @return the targets in their original unit, one per example; not to be modified */
    public double[] targets() {
        return targets;
    }

    /** @return the name of the group column */
    public String groupName() {
        return groupName;
    }

    /** @return the group code of each example; not to be modified */
    public int[] groupCodes() {
        return groupCodes;
    }

    /** @return the groups the codes refer to */
    public GroupLabels groups() {
        return groups;
    }

    /**
     * Counts the examples of each group.
     *
     * @return {@code counts[k]} = number of examples of group {@code k}
     */
    public int[] groupCounts() {
        int[] counts = new int[groups.size()];
        for (int code : groupCodes) {
            counts[code]++;
        }
        return counts;
    }

    /**
     * Copies the chosen examples into a new dataset with the same groups.
     *
     * @param rows indices of the examples to keep, in the order wanted
     * @return the new dataset
     */
    public Dataset rows(int[] rows) {
        double[] pickedTargets = new double[rows.length];
        int[] pickedGroups = new int[rows.length];
        for (int e = 0; e < rows.length; e++) {
            pickedTargets[e] = targets[rows[e]];
            pickedGroups[e] = groupCodes[rows[e]];
        }
        return new Dataset(features.rows(rows), targetName, pickedTargets, groupName, pickedGroups, groups);
    }
}
