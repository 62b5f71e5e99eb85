package org.fairreg.data;

import static org.fairreg.data.MessageText.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds groups with too few examples for their figures to mean much: a group MSE over a handful
 * of examples, or a gap between two such, varies widely from sample to sample, and an absent
 * group has no figure at all.
 *
 * <p>The class is stateless and safe to use from several threads at once.
 */
public final class SmallGroups {

    /** The number of examples below which a group is reported, unless another is chosen. */
    public static final int DEFAULT_MIN_ROWS = 30;

    private SmallGroups() {
    }

    /**
     * Describes every group of a dataset with fewer than {@code minRows} examples, groups absent
     * from it included, in group order.
     *
     * @param data the examples, such as one part of a split
     * @param where what the examples are, for the message, such as {@code the validation split}
     * @param minRows the smallest number of examples a group may have without a warning; 0 never
     *        warns
     * @return one line per small group, such as
     *         {@code group 'b' has 12 rows in the validation split, fewer than 30}; empty when
     *         there is none
     * @throws IllegalArgumentException if {@code minRows} is negative
     */
    public static List<String> describe(Dataset data, String where, int minRows) {
        if (minRows < 0) {
            throw new IllegalArgumentException("minRows must be at least 0, found " + minRows);
        }
        int[] counts = data.groupCounts();
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < minRows) {
                lines.add("group " + quote(data.groups().label(k)) + " has " + MessageText.count(counts[k], "row")
                        + " in " + where + ", fewer than " + minRows);
            }
        }
        return lines;
    }
}
