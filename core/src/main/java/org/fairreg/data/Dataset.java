package org.fairreg.data;

import java.util.Objects;

/**
 * Labelled examples: features, a target and a group for each example.
 *
 * <p>Features are encoded: {@link #encoding()} says which source column each one comes from (a
 * number, or one indicator per category), and {@link #groupDefinition()} how the group was made
 * from the source cells. Data built from numbers alone, such as the built-in recipe data, has a
 * numeric-only encoding and a one-column group. Targets are kept as {@code double} in their
 * original unit so that reports are exact; training converts them to {@code float}. Group codes
 * index {@link #groups()}. Two datasets cut from the same source share their {@code GroupLabels},
 * so a code means the same group in each. Arrays are shared, not copied: callers must not modify
 * them.
 */
public final class Dataset {

    private final FeatureTable features;
    private final FeatureEncoding encoding;
    private final String targetName;
    private final double[] targets;
    private final GroupDefinition groupDefinition;
    private final int[] groupCodes;
    private final GroupLabels groups;

    /**
     * Creates numeric data: each feature is a source column of its own name, and the group comes
     * from one column.
     *
     * @param features the feature columns
     * @param targetName the name of the target column
     * @param targets one target per example
     * @param groupName the name of the group column; not blank
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
        this(features, numericEncoding(features), targetName, targets, GroupDefinition.column(groupName), groupCodes,
                groups);
    }

    /**
     * Creates data with encoded features and a group made by a definition.
     *
     * @param features the encoded feature columns, named as {@code encoding.encodedNames()}
     * @param encoding how the features were encoded from their source columns
     * @param targetName the name of the target column
     * @param targets one target per example
     * @param groupDefinition how the groups were made from the source cells
     * @param groupCodes one group code per example, each in {@code [0, groups.size())}
     * @param groups the labels the codes refer to
     * @throws IllegalArgumentException if the feature names differ from the encoding's, lengths
     *         disagree or a code is out of range
     */
    public Dataset(
            FeatureTable features,
            FeatureEncoding encoding,
            String targetName,
            double[] targets,
            GroupDefinition groupDefinition,
            int[] groupCodes,
            GroupLabels groups) {
        if (!features.names().equals(encoding.encodedNames())) {
            throw new IllegalArgumentException("features must be named as the encoding names them, "
                    + encoding.encodedNames() + ", found " + features.names());
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
        this.encoding = encoding;
        this.targetName = Objects.requireNonNull(targetName, "targetName");
        this.targets = targets;
        this.groupDefinition = Objects.requireNonNull(groupDefinition, "groupDefinition");
        this.groupCodes = groupCodes;
        this.groups = groups;
    }

    private static FeatureEncoding numericEncoding(FeatureTable features) {
        if (features.featureCount() == 0) {
            throw new IllegalArgumentException("features must hold at least one column, found none");
        }
        return FeatureEncoding.numeric(features.names());
    }

    /** @return the number of examples */
    public int size() {
        return targets.length;
    }

    /** @return the feature columns */
    public FeatureTable features() {
        return features;
    }

    /** @return how the features were encoded from their source columns */
    public FeatureEncoding encoding() {
        return encoding;
    }

    /** @return the name of the target column */
    public String targetName() {
        return targetName;
    }

    /** @return the targets in their original unit, one per example; not to be modified */
    public double[] targets() {
        return targets;
    }

    /** @return the name of the group, as {@link GroupDefinition#name()} gives it */
    public String groupName() {
        return groupDefinition.name();
    }

    /** @return how the groups were made from the source cells */
    public GroupDefinition groupDefinition() {
        return groupDefinition;
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
     * Copies the chosen examples into a new dataset with the same encoding and groups.
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
        return new Dataset(features.rows(rows), encoding, targetName, pickedTargets, groupDefinition, pickedGroups,
                groups);
    }
}
