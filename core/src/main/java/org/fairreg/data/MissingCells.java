package org.fairreg.data;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds rows with a missing value ({@link MissingPolicy#isMissing}) in the columns a read uses,
 * rejects or counts them by a {@link MissingPolicy}, and counts missing cells per column.
 *
 * <p>A row is checked as a whole before any of its cells is parsed, so a dropped row leaves no
 * trace in the data: no category or group of it is kept. An instance is used by one thread, for
 * one read.
 */
final class MissingCells {

    private final int[] columns;
    private final MissingPolicy policy;
    private final String remedy;
    private final int[] missingCounts;
    private int rowsDropped;

    /**
     * @param columns the 0-based positions of the used columns, distinct, in the order to check
     *        and report them
     * @param policy what to do with a row that has a missing value
     * @param remedy what the error for a missing value says was expected
     */
    MissingCells(int[] columns, MissingPolicy policy, String remedy) {
        this.columns = columns.clone();
        this.policy = policy;
        this.remedy = remedy;
        this.missingCounts = new int[columns.length];
    }

    /**
     * Checks a row.
     *
     * @return whether the row has a missing value and is dropped
     * @throws DataException at the first missing cell, in column order, if the policy is
     *         {@link MissingPolicy#ERROR}
     */
    boolean dropsRow(CsvSource source, CsvRecord row) {
        boolean incomplete = false;
        for (int c = 0; c < columns.length; c++) {
            if (MissingPolicy.isMissing(row.getField(columns[c]))) {
                if (policy == MissingPolicy.ERROR) {
                    throw source.missingError(row, columns[c], remedy);
                }
                missingCounts[c]++;
                incomplete = true;
            }
        }
        if (incomplete) {
            rowsDropped++;
        }
        return incomplete;
    }

    /** @return the rows dropped so far */
    int rowsDropped() {
        return rowsDropped;
    }

    /** @return for each used column with a missing cell, in column order: its name and count */
    Map<String, Integer> missingByColumn(CsvSource source) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 0; c < columns.length; c++) {
            if (missingCounts[c] > 0) {
                counts.put(source.columnName(columns[c]), missingCounts[c]);
            }
        }
        return counts;
    }
}
