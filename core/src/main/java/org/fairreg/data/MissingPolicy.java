package org.fairreg.data;

import org.fairreg.util.NamedChoice;

/**
 * What reading does with a row that has a missing value in a column it uses (the target, a group
 * column or a feature).
 *
 * <p>A cell is missing when it is empty or is exactly {@value #NOT_AVAILABLE} (two capital
 * letters, nothing around them). No other spelling is missing: {@code na}, {@code N/A},
 * {@code NaN}, {@code null} and {@code " "} are ordinary text, so in a feature column they make
 * the column categorical, and in the target they are rejected as not a number. The set is kept
 * this small because every extra spelling is a word some data uses as a real category.
 */
public enum MissingPolicy implements NamedChoice {

    /** Stop at the first missing value with an error naming file, line and column. */
    ERROR,

    /**
     * Leave out every row with a missing value in a column that is used, and count the rows left
     * out; columns that are not used do not matter.
     */
    DROP;

    /** The one text, besides the empty cell, that means a missing value. */
    public static final String NOT_AVAILABLE = "NA";

    /**
     * Tells whether a cell spells a missing value.
     *
     * @param cell a cell, verbatim
     * @return whether it is empty or exactly {@value #NOT_AVAILABLE}
     */
    public static boolean isMissing(String cell) {
        return cell.isEmpty() || (cell.length() == 2 && cell.equals(NOT_AVAILABLE));
    }

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static MissingPolicy fromId(String id) {
        return NamedChoice.fromId(MissingPolicy.class, "missing-value policy", id);
    }
}
