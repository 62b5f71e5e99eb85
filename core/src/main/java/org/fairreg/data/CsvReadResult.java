package org.fairreg.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What reading a labelled CSV file gave: the examples, how many rows the file held and how many
 * were dropped for a missing value, and where values were missing. Instances are immutable (the
 * dataset's arrays are shared, as {@link Dataset} says) and thread-safe.
 *
 * @param data the examples kept, in file order
 * @param separator the field separator, given or detected
 * @param rowsRead the data rows in the file, dropped ones included (lines skipped as empty are not
 *        rows)
 * @param rowsDropped the rows left out for a missing value in a used column; 0 unless missing
 *        values are dropped
 * @param missingCells for each used column with a missing cell, in the order target, group
 *        columns, features: how many of its cells were missing; a dropped row with several
 *        missing cells counts in each of their columns. Unmodifiable
 * @param groupFirstLines for each group, indexed by its code in {@code data.groups()}: the 1-based
 *        line on which the group's first kept row starts; a copy is kept and a copy returned
 */
public record CsvReadResult(
        Dataset data,
        char separator,
        int rowsRead,
        int rowsDropped,
        Map<String, Integer> missingCells,
        long[] groupFirstLines) {

    /**
     * Copies the map so that the result is immutable.
     *
     * @throws IllegalArgumentException if the counts are negative or disagree with the data, or
     *         there is not one line per group
     */
    public CsvReadResult {
        Objects.requireNonNull(data, "data");
        if (rowsDropped < 0 || rowsRead != data.size() + rowsDropped) {
            throw new IllegalArgumentException("rowsRead must equal the " + data.size() + " examples plus rowsDropped, "
                    + "found rowsRead " + rowsRead + " and rowsDropped " + rowsDropped);
        }
        missingCells = Collections.unmodifiableMap(new LinkedHashMap<>(missingCells));
        if (groupFirstLines.length != data.groups().size()) {
            throw new IllegalArgumentException("groupFirstLines must hold one line for each of the "
                    + data.groups().size() + " groups, found " + groupFirstLines.length);
        }
        groupFirstLines = groupFirstLines.clone();
    }

    /** @return for each group, by code: the line on which its first kept row starts; a copy */
    @Override
    public long[] groupFirstLines() {
        return groupFirstLines.clone();
    }

    /**
     * @param code a group code of {@code data.groups()}
     * @return the 1-based line on which the group's first kept row starts
     */
    public long firstLineOf(int code) {
        return groupFirstLines[code];
    }
}
