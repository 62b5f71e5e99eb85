package org.fairreg.data;

import static org.fairreg.data.MessageText.quote;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of a file being read, labelled by a {@link GroupDefinition}: coded in order of first
 * appearance while reading, then recoded in the order of {@link GroupLabels#of}, which does not
 * depend on row order.
 *
 * <p>An instance is used by one thread, for one read.
 */
final class GroupCoder {

    private final GroupDefinition definition;
    private final int[] columns;
    private final boolean versusRest;
    private final StringBuilder joined = new StringBuilder();
    private final Map<String, Integer> firstSeenCode = new HashMap<>();
    private final List<String> firstSeenLabels = new ArrayList<>();
    /** The line on which each label's first kept row starts, by first-seen code. */
    private final List<Long> firstSeenLines = new ArrayList<>();
    private int[] codes;

    /**
     * @param source the open file, whose header must hold every group column
     * @param definition how to label the groups
     * @param capacity rows allocated at first
     * @throws DataException at the header if a group column is missing
     */
    GroupCoder(CsvSource source, GroupDefinition definition, int capacity) {
        this.definition = definition;
        List<String> names = definition.columns();
        this.columns = new int[names.size()];
        for (int g = 0; g < columns.length; g++) {
            columns[g] = source.columnOf(names.get(g), "group");
        }
        this.versusRest = definition.versusRest().isPresent();
        this.codes = new int[capacity];
    }

    /** @return the 0-based positions of the group columns in the file */
    int[] columns() {
        return columns.clone();
    }

    /** Grows or cuts the codes to {@code capacity} rows. */
    void resize(int capacity) {
        codes = Arrays.copyOf(codes, capacity);
    }

    /**
     * Labels a kept row, whose group cells are not missing.
     *
     * @param example the row's index among kept rows, below the capacity
     * @throws DataException at a cell holding {@value GroupDefinition#JOIN} when several group
     *         columns are joined
     */
    void add(CsvSource source, CsvRecord row, int example) {
        String label;
        if (versusRest) {
            label = definition.versusRestLabel(row.getField(columns[0]));
        } else if (columns.length == 1) {
            label = row.getField(columns[0]);
        } else {
            label = join(source, row);
        }
        Integer code = firstSeenCode.get(label);
        if (code == null) {
            code = firstSeenLabels.size();
            firstSeenCode.put(label, code);
            firstSeenLabels.add(label);
            firstSeenLines.add(row.getStartingLineNumber());
        }
        codes[example] = code;
    }

    private String join(CsvSource source, CsvRecord row) {
        joined.setLength(0);
        for (int g = 0; g < columns.length; g++) {
            String cell = row.getField(columns[g]);
            if (cell.contains(GroupDefinition.JOIN)) {
                throw source.cellError(row, columns[g], quote(cell) + " in group column "
                        + quote(source.columnName(columns[g])) + " holds '" + GroupDefinition.JOIN
                        + "', which joins the cells of several group columns; expected values without it");
            }
            joined.append(g == 0 ? "" : GroupDefinition.JOIN).append(cell);
        }
        return joined.toString();
    }

    /**
     * Orders the labels seen.
     *
     * @param file the file read, for the message
     * @throws DataException if the value set against the rest occurs in no kept row
     */
    GroupLabels labels(Path file) {
        if (versusRest) {
            String value = definition.versusRest().orElseThrow();
            if (!firstSeenCode.containsKey(value)) {
                throw DataException.inFile(file, "no row kept holds " + quote(value) + " in group column "
                        + quote(definition.columns().get(0)) + "; expected the value set against the rest to occur");
            }
        }
        return GroupLabels.of(firstSeenLabels);
    }

    /**
     * @param labels what {@link #labels} returned
     * @return for each group, in the order of {@code labels}, the 1-based line on which its first
     *         kept row starts, so that a message about a group can point at one of its rows
     */
    long[] firstLines(GroupLabels labels) {
        long[] lines = new long[labels.size()];
        for (int seen = 0; seen < firstSeenLabels.size(); seen++) {
            lines[labels.codeOf(firstSeenLabels.get(seen)).getAsInt()] = firstSeenLines.get(seen);
        }
        return lines;
    }

    /**
     * @param labels what {@link #labels} returned
     * @param rows the number of kept rows
     * @return the code of every kept row in the order of {@code labels}
     */
    int[] finishCodes(GroupLabels labels, int rows) {
        int[] recode = new int[firstSeenLabels.size()];
        for (int seen = 0; seen < recode.length; seen++) {
            recode[seen] = labels.codeOf(firstSeenLabels.get(seen)).getAsInt();
        }
        int[] finished = Arrays.copyOf(codes, rows);
        for (int e = 0; e < rows; e++) {
            finished[e] = recode[finished[e]];
        }
        return finished;
    }
}
