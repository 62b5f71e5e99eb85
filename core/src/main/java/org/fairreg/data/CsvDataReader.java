package org.fairreg.data;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads labelled examples, or feature columns alone, from CSV files.
 *
 * <h2>What is accepted</h2>
 * <ul>
 *   <li>UTF-8 text, with or without a byte order mark; lines end with LF, CRLF or CR.</li>
 *   <li>The first line is the header. Every column has a non-blank name, names are distinct, and
 *       they are compared exactly, spaces and case included. Columns are picked by name, in any
 *       header order; the content of columns not picked is not examined.</li>
 *   <li>Fields are split at the separator. A field may be quoted with {@code "}; a quoted field may
 *       hold the separator, line breaks and doubled quotes {@code ""}.</li>
 *   <li>Every row has as many fields as the header. A line with no characters at all is skipped
 *       when the header has several columns, since it cannot be a row there; in a one-column file
 *       it would be a row with an empty cell, and is rejected so that no example is lost
 *       silently.</li>
 *   <li>Features and the target are numbers in plain decimal notation: an optional sign, digits
 *       with an optional fraction ({@code 12}, {@code 12.}, {@code 12.5}, {@code .5}), and an
 *       optional exponent ({@code e-3}, {@code E+07}). Hexadecimal, Java's {@code d} and {@code f}
 *       suffixes, NaN and infinities in any spelling are rejected. So are spaces around a number:
 *       every cell is read verbatim, as a space in a header name or group label is significant,
 *       and trimming numbers alone would hide a misaligned file.</li>
 *   <li>A feature is rounded to the nearest {@code double}, then to {@code float}; the double
 *       rounding can differ from a direct rounding by one unit in the last place, which is far
 *       below the noise of any training. A number that rounds to a {@code float} infinity, one
 *       beyond {@link Float#MAX_VALUE} by more than half a unit in the last place, is rejected;
 *       one below the smallest {@code float} becomes zero. The target keeps the nearest
 *       {@code double}, and a number beyond {@code double} range is rejected.</li>
 *   <li>A group label is any non-empty string, kept verbatim; labels are coded by
 *       {@link GroupLabels#of}, so the codes do not depend on row order.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Reading stops at the first problem with a {@link DataException} whose message is one line of
 * the form {@code file:line:column: what was found; expected what}. The line is the 1-based
 * physical line on which the offending field starts, counting the line breaks inside earlier
 * quoted fields; the column is the field's 1-based position in the header. Problems with the
 * header as a whole carry no column, and problems with the whole file no line. The problems
 * reported are: a missing or unreadable file, an empty file, a blank first line, an empty,
 * blank or repeated column name, a selected column missing from the header, no column left for
 * features, a row with fewer or more fields than the header, an empty cell in a selected
 * column, a cell that is not a number, NaN or infinite, a number beyond the range of its type,
 * malformed quoting, no data row, and more than {@link #MAX_ROWS} data rows. A value quoted in a
 * message has its control characters escaped, and a long one is cut.
 *
 * <h2>Limits</h2>
 * All examples are held in memory, by column. Arrays grow by half their size as rows arrive and
 * are cut to size at the end, so peak memory is about two and a half times that of the result.
 * Malformed UTF-8 bytes are decoded as U+FFFD instead of being reported: a number holding one is
 * rejected as not a number, but a group label keeps it.
 *
 * <p>The class is stateless and its methods may be called from several threads at once; each
 * call opens and closes its own file.
 */
public final class CsvDataReader {

    /** The most data rows one file may hold: the array length limit the JDK itself keeps to. */
    public static final int MAX_ROWS = Integer.MAX_VALUE - 8;

    /** Rows allocated before the first growth, small so that small files stay cheap. */
    private static final int INITIAL_CAPACITY = 1024;

    private CsvDataReader() {
    }

    /**
     * Reads the features, target and group of every example of a file.
     *
     * @param file a CSV file with a header line, as described in the class documentation
     * @param columns the columns to read and the field separator
     * @return the examples in file order, with features in the order of
     *         {@link ColumnSelection#features()}, or in header order when none are named
     * @throws DataException if the file cannot be read or breaks a rule of the class
     *         documentation; the message names the file, line and column
     */
    public static Dataset read(Path file, ColumnSelection columns) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(columns, "columns");

        try (CsvSource source = CsvSource.open(file, columns.separator())) {
            int targetColumn = source.columnOf(columns.target(), "target");
            int groupColumn = source.columnOf(columns.group(), "group");
            List<String> featureNames = columns.features()
                    .orElseGet(() -> source.otherColumns(columns.target(), columns.group()));
            FeatureColumns features = new FeatureColumns(source, featureNames);
            GroupCoder groups = new GroupCoder();
            double[] targets = new double[INITIAL_CAPACITY];

            int rows = 0;
            for (CsvRecord row = source.nextRow(); row != null; row = source.nextRow()) {
                if (rows == targets.length) {
                    int capacity = grownCapacity(source, row, rows);
                    features.resize(capacity);
                    groups.resize(capacity);
                    targets = Arrays.copyOf(targets, capacity);
                }
                features.add(source, row, rows);
                targets[rows] = source.targetAt(row, targetColumn);
                groups.add(source.labelAt(row, groupColumn), rows);
                rows++;
            }

            source.requireRows(rows);
            GroupLabels labels = groups.labels();
            return new Dataset(
                    features.finish(rows),
                    columns.target(),
                    Arrays.copyOf(targets, rows),
                    columns.group(),
                    groups.finishCodes(labels, rows),
                    labels);
        }
    }

    /**
     * Reads the named feature columns of a file, as for prediction; other columns, a target or
     * group among them, are ignored.
     *
     * @param file a CSV file with a header line, as described in the class documentation
     * @param featureNames the header names of the features, in the order wanted; at least one,
     *        distinct and not blank
     * @param separator the field separator; not a double quote, carriage return or line feed
     * @return the features of every example, in file order
     * @throws IllegalArgumentException if {@code featureNames} is empty, holds a blank or repeated
     *         name, or the separator is forbidden
     * @throws DataException if the file cannot be read or breaks a rule of the class
     *         documentation; the message names the file, line and column
     */
    public static FeatureTable readFeatures(Path file, List<String> featureNames, char separator) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(featureNames, "featureNames");
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException(
                    "featureNames must hold at least one name, found none");
        }
        ColumnSelection.checkNames("featureNames", featureNames);
        ColumnSelection.checkSeparator(separator);

        try (CsvSource source = CsvSource.open(file, separator)) {
            FeatureColumns features = new FeatureColumns(source, List.copyOf(featureNames));
            int rows = 0;
            int capacity = INITIAL_CAPACITY;
            for (CsvRecord row = source.nextRow(); row != null; row = source.nextRow()) {
                if (rows == capacity) {
                    capacity = grownCapacity(source, row, rows);
                    features.resize(capacity);
                }
                features.add(source, row, rows);
                rows++;
            }

            source.requireRows(rows);
            return features.finish(rows);
        }
    }

    /**
     * Returns the row capacity after {@code capacity} rows are full: half as many again, up to
     * {@link #MAX_ROWS}.
     *
     * @throws DataException at the line of {@code row} if {@code capacity} is already
     *         {@link #MAX_ROWS}
     */
    private static int grownCapacity(CsvSource source, CsvRecord row, int capacity) {
        if (capacity >= MAX_ROWS) {
            throw source.rowError(row,
                    "more than " + MAX_ROWS + " data rows; expected at most " + MAX_ROWS);
        }
        return (int) Math.min(MAX_ROWS, (long) capacity + (capacity >> 1));
    }

    /** Feature columns filled row by row, growing on request. */
    private static final class FeatureColumns {

        private final List<String> names;
        private final int[] sourceColumns;
        private final float[][] values;

        FeatureColumns(CsvSource source, List<String> names) {
            this.names = names;
            this.sourceColumns = new int[names.size()];
            this.values = new float[names.size()][];
            for (int f = 0; f < names.size(); f++) {
                sourceColumns[f] = source.columnOf(names.get(f), "feature");
                values[f] = new float[INITIAL_CAPACITY];
            }
        }

        void resize(int capacity) {
            for (int f = 0; f < values.length; f++) {
                values[f] = Arrays.copyOf(values[f], capacity);
            }
        }

        void add(CsvSource source, CsvRecord row, int example) {
            for (int f = 0; f < values.length; f++) {
                values[f][example] = source.featureAt(row, sourceColumns[f]);
            }
        }

        FeatureTable finish(int rows) {
            for (int f = 0; f < values.length; f++) {
                values[f] = Arrays.copyOf(values[f], rows);
            }
            return new FeatureTable(names, values);
        }
    }

    /**
     * Group labels coded in order of first appearance while reading, then recoded in the order
     * of {@link GroupLabels#of}, which does not depend on row order.
     */
    private static final class GroupCoder {

        private final Map<String, Integer> firstSeenCode = new HashMap<>();
        private final List<String> firstSeenLabels = new ArrayList<>();
        private int[] codes = new int[INITIAL_CAPACITY];

        void resize(int capacity) {
            codes = Arrays.copyOf(codes, capacity);
        }

        void add(String label, int example) {
            Integer code = firstSeenCode.get(label);
            if (code == null) {
                code = firstSeenLabels.size();
                firstSeenCode.put(label, code);
                firstSeenLabels.add(label);
            }
            codes[example] = code;
        }

        GroupLabels labels() {
            return GroupLabels.of(firstSeenLabels);
        }

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
}
