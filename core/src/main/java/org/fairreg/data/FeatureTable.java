package org.fairreg.data;

import java.util.List;

/**
 * Named feature columns of equal length, stored by column.
 *
 * <p>{@code column(f)[e]} is feature {@code f} of example {@code e}. The arrays are shared, not
 * copied: callers must not modify them. Instances are otherwise immutable.
 */
public final class FeatureTable {

    private final List<String> names;
    private final float[][] columns;
    private final int rowCount;

    /**
     * @param names the feature names, distinct, in column order
     * @param columns one array per name, all of the same length
     * @throws IllegalArgumentException if names repeat or the shapes disagree
     */
    public FeatureTable(List<String> names, float[][] columns) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException("names and columns must have the same length, found "
                    + names.size() + " names and " + columns.length + " columns");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("names must be distinct, found " + names);
        }
        int rows = columns.length == 0 ? 0 : columns[0].length;
        for (int f = 0; f < columns.length; f++) {
            if (columns[f].length != rows) {
                throw new IllegalArgumentException("every column must have " + rows + " rows, column '"
                        + names.get(f) + "' has " + columns[f].length);
            }
        }
        this.names = List.copyOf(names);
        this.columns = columns.clone();
        this.rowCount = rows;
    }

    /** @return the feature names in column order */
    public List<String> names() {
        return names;
    }

    /** @return the number of features */
    public int featureCount() {
        return columns.length;
    }

    /** @return the number of examples */
    public int rowCount() {
        return rowCount;
    }

    /**
     * @param feature a feature index, from 0 to {@code featureCount() - 1}
     * @return the values of that feature for every example; not to be modified
     */
    public float[] column(int feature) {
        return columns[feature];
    }

    /**
     * Copies the chosen examples into a new table.
     *
     * @param rows indices of the examples to keep, in the order wanted; may repeat
     * @return the new table
     */
    public FeatureTable rows(int[] rows) {
        float[][] picked = new float[columns.length][rows.length];
        for (int f = 0; f < columns.length; f++) {
            float[] source = columns[f];
            float[] target = picked[f];
            for (int e = 0; e < rows.length; e++) {
                target[e] = source[rows[e]];
            }
        }
        return new FeatureTable(names, picked);
    }

    /**
     * Copies one example's features into a row-major buffer.
     *
     * @param example the example index
     * @param out receives the features at {@code out[offset + f]}; modified
     * @param offset the position of the first feature in {@code out}
     */
    public void copyRow(int example, float[] out, int offset) {
        for (int f = 0; f < columns.length; f++) {
            out[offset + f] = columns[f][example];
        }
    }
}
