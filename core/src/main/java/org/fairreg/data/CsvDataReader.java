package org.fairreg.data;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads labelled examples, or feature columns alone, from CSV files.
 *
 * <h2>What is accepted</h2>
 * <ul>
 *   <li>UTF-8 text, with or without a byte order mark; lines end with LF, CRLF or CR.</li>
 *   <li>The first line is the header. Every column has a non-blank name, names are distinct, and
 *       they are compared exactly, spaces and case included. Columns are picked by name, in any
 *       header order; the content of columns not picked is not examined.</li>
 *   <li>Fields are split at the separator, given or detected from the header line (one of
 *       {@code ,} {@code ;} tab {@code |}: the one the header holds outside quotes; see
 *       {@code SeparatorDetector}). A field may be quoted with {@code "}; a quoted field may hold
 *       the separator, line breaks and doubled quotes {@code ""}.</li>
 *   <li>Every row has as many fields as the header. A line with no characters at all is skipped
 *       when the header has several columns, since it cannot be a row there; in a one-column file
 *       it is a row with an empty cell, a missing value.</li>
 *   <li>A cell that is empty or exactly {@code NA} is missing ({@link MissingPolicy}). A row
 *       with a missing value in a used column (target, group columns, features) is rejected or
 *       dropped, as the selection's policy says; dropped rows are counted in the
 *       {@link CsvReadResult}. The whole row is checked before any cell of it is used.</li>
 *   <li>Numbers are in plain decimal notation: an optional sign, digits with an optional
 *       fraction ({@code 12}, {@code 12.}, {@code 12.5}, {@code .5}), and an optional exponent
 *       ({@code e-3}, {@code E+07}). Hexadecimal, Java's {@code d} and {@code f} suffixes, NaN and
 *       infinities in any spelling, and spaces around a number are not numbers: every cell is
 *       read verbatim, as a space in a header name or category is significant.</li>
 *   <li>The target must be a number; it keeps the nearest {@code double}, and a number beyond
 *       {@code double} range is rejected.</li>
 *   <li>A feature column is categorical when the selection names it so, or when its first cell
 *       is text that is not a number; it is numeric otherwise, and then every cell must be a
 *       number (a typo deep in a numeric column is an error, not a new category). A numeric feature is rounded to
 *       the nearest {@code double}, then to {@code float}; the double rounding can differ from a
 *       direct rounding by one unit in the last place, far below the noise of any training. A
 *       number beyond {@link Float#MAX_VALUE} by more than half a unit in the last place is
 *       rejected; one below the smallest {@code float} becomes zero. A categorical column with
 *       categories {@code c1 .. cm} (its distinct cells, ordered as {@link GroupLabels#of} orders
 *       labels) becomes the indicator features {@code col=c1 .. col=cm} ({@link FeatureEncoding});
 *       it may have at most {@link FeatureEncoding#MAX_CATEGORIES} categories. With a fixed
 *       encoding, a numeric column must hold numbers and a categorical cell must be one of the
 *       encoding's categories.</li>
 *   <li>Groups are made from the group columns by a {@link GroupDefinition}: a cell, several
 *       cells joined with {@code |}, or one value against the rest; labels are ordered by
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
 * blank or repeated column name, a header with several possible separators, a selected column
 * missing from the header, no column left for features, a row with fewer or more fields than the
 * header, a missing value (unless dropped), a target that is not a number or is beyond
 * {@code double} range, a numeric feature beyond {@code float} range, a category outside a fixed
 * encoding, too many categories, a group cell holding {@code |} when several group columns are
 * joined, a value set against the rest that no row holds, malformed quoting, no data row, no
 * row left after dropping, a cell of a numeric feature column that is not a number (the message
 * suggests naming the column categorical), and more than {@link #MAX_ROWS} data rows. A value
 * quoted in a message has its control characters escaped, and a long one is cut.
 *
 * <h2>Limits</h2>
 * All examples are held in memory, by column: 4 bytes per numeric feature, per indicator and for
 * the group code, 8 for the target, per row. Arrays grow by half their size as rows arrive; at the
 * end, column after column is cut to size and its larger array let go, so the peak is reached
 * at the last growth and is at most about one and a half times the result: ten million rows of
 * ten numeric features, a target and a group take 520 MB and load with {@code -Xmx736m}. The file
 * is read once. Malformed UTF-8 bytes are decoded as U+FFFD instead of being reported: a number
 * holding one is not a number, but a category or group label keeps it.
 *
 * <p>The class is stateless and its methods may be called from several threads at once; each
 * call opens and closes its own file.
 */
public final class CsvDataReader {

    /** The most data rows one file may hold: the array length limit the JDK itself keeps to. */
    public static final int MAX_ROWS = Integer.MAX_VALUE - 8;

    /** Rows between two reports to a progress display: a few milliseconds of reading. */
    static final int PROGRESS_ROWS = 1 << 16;

    private static final Logger LOG = LoggerFactory.getLogger(CsvDataReader.class);

    /** Rows allocated before the first growth, small so that small files stay cheap. */
    private static final int INITIAL_CAPACITY = 1024;

    private static final String DROP_REMEDY =
            "expected a value in every used column, or --missing drop to leave out rows with a missing value";

    private static final String PREDICT_REMEDY =
            "expected a value in every feature column, since every row gets a prediction";

    private CsvDataReader() {
    }

    /**
     * Reads the features, target and group of every example of a file.
     *
     * @param file a CSV file with a header line, as described in the class documentation
     * @param columns the columns to read, their encoding, the separator and the missing-value
     *        policy
     * @return the examples in file order, as {@link #readLabelled} gives them; rows dropped for a
     *         missing value are not reported here, so use {@link #readLabelled}
     *         when the selection drops rows
     * @throws DataException if the file cannot be read or breaks a rule of the class
     *         documentation; the message names the file, line and column
     */
    public static Dataset read(Path file, ColumnSelection columns) {
        return readLabelled(file, columns).data();
    }

    /**
     * Reads the features, target and group of every example of a file, with the count of rows
     * dropped for a missing value.
     *
     * @param file a CSV file with a header line, as described in the class documentation
     * @param columns the columns to read, their encoding, the separator and the missing-value
     *        policy
     * @return the examples in file order, with features encoded in the order of
     *         {@link ColumnSelection#features()} (header order when none are named), and what
     *         the read found
     * @throws DataException if the file cannot be read or breaks a rule of the class
     *         documentation; the message names the file, line and column
     */
    public static CsvReadResult readLabelled(Path file, ColumnSelection columns) {
        return readLabelled(file, columns, rowsRead -> { });
    }

    /**
     * Reads a labelled file as {@link #readLabelled(Path, ColumnSelection)}, telling a progress
     * display how far it is every {@value #PROGRESS_ROWS} rows.
     *
     * @param file a CSV file with a header line
     * @param columns which columns to read and how
     * @param progress given the data rows read so far, on the reading thread
     * @return the data and what reading it found
     * @throws DataException as {@link #readLabelled(Path, ColumnSelection)}
     */
    public static CsvReadResult readLabelled(Path file, ColumnSelection columns, LongConsumer progress) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(columns, "columns");

        try (CsvSource source = CsvSource.open(file, columns.separator())) {
            int targetColumn = source.columnOf(columns.target(), "target");
            GroupCoder groups = new GroupCoder(source, columns.group(), INITIAL_CAPACITY);
            FeatureColumnReader[] features = columns.encoding().isPresent()
                    ? fixedReaders(source, columns.encoding().get(), usedNonFeatures(columns))
                    : foundReaders(source, columns);
            MissingCells missing = new MissingCells(usedColumns(targetColumn, groups, features), columns.missing(),
                    DROP_REMEDY);
            double[] targets = new double[INITIAL_CAPACITY];

            int rowsRead = 0;
            int rows = 0;
            for (CsvRecord row = source.nextRow(); row != null; row = source.nextRow()) {
                rowsRead = countRow(source, row, rowsRead);
                if (rowsRead % PROGRESS_ROWS == 0) {
                    progress.accept(rowsRead);
                }
                if (missing.dropsRow(source, row)) {
                    continue;
                }
                if (rows == targets.length) {
                    int capacity = grownCapacity(source, row, rows);
                    resize(features, capacity);
                    groups.resize(capacity);
                    targets = Arrays.copyOf(targets, capacity);
                }
                add(features, source, row, rows);
                targets[rows] = source.targetAt(row, targetColumn);
                groups.add(source, row, rows);
                rows++;
            }

            requireKeptRows(file, source, rowsRead, rows);
            Encoded encoded = finish(features, rows);
            GroupLabels labels = groups.labels(file);
            int[] groupCodes = groups.finishCodes(labels, rows);
            // Reassigned so that the array at capacity can be collected once it is cut.
            targets = targets.length == rows ? targets : Arrays.copyOf(targets, rows);
            Dataset data = new Dataset(encoded.table(), encoded.encoding(), columns.target(),
                    targets, columns.group(), groupCodes, labels);
            LOG.info("read {}: {} rows, {} dropped for a missing value, separator {}, {} features from {} columns",
                    file, rowsRead, missing.rowsDropped(), SeparatorDetector.describe(source.separator()),
                    encoded.encoding().featureCount(), encoded.encoding().columns().size());
            return new CsvReadResult(data, source.separator(), rowsRead, missing.rowsDropped(),
                    missing.missingByColumn(source), groups.firstLines(labels));
        }
    }

    /**
     * Reads the named numeric feature columns of a file, as for prediction; other columns, a
     * target or group among them, are ignored.
     *
     * @param file a CSV file with a header line, as described in the class documentation
     * @param featureNames the header names of the features, in the order wanted; at least one,
     *        distinct and not blank
     * @param separator the field separator; not a double quote, carriage return or line feed
     * @return the features of every example, in file order
     * @throws IllegalArgumentException if {@code featureNames} is empty, holds a blank or repeated
     *         name, or the separator is forbidden
     * @throws DataException if the file cannot be read, a cell is missing or not a number, or the
     *         file breaks another rule of the class documentation; the message names the file,
     *         line and column
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
        return readFeatures(file, FeatureEncoding.numeric(featureNames), Optional.of(separator));
    }

    /**
     * Reads the source columns of an encoding and encodes them, as for prediction with a fitted
     * model; other columns are ignored. Every row must have a value in every source column.
     *
     * @param file a CSV file with a header line, as described in the class documentation
     * @param encoding the source columns to read and how to encode them
     * @param separator the field separator, or empty to detect it from the header
     * @return the encoded features of every example, in file order, named as
     *         {@link FeatureEncoding#encodedNames()}
     * @throws IllegalArgumentException if the separator is forbidden
     * @throws DataException if the file cannot be read, a cell is missing, a numeric cell is not
     *         a number, a categorical cell is not one of the encoding's categories, or the file
     *         breaks another rule of the class documentation; the message names the file, line
     *         and column, and for a category, the categories known
     */
    public static FeatureTable readFeatures(Path file, FeatureEncoding encoding, Optional<Character> separator) {
        return readFeatures(file, encoding, separator, List.of());
    }

    /**
     * Reads the source columns of an encoding, as {@link #readFeatures(Path, FeatureEncoding,
     * Optional)}, knowing that some other columns may be present for another use.
     *
     * @param file a CSV file with a header line
     * @param encoding the source columns to read and how to encode them
     * @param separator the field separator, or empty to detect it from the header
     * @param otherColumns columns not read but known, such as the model's target and group: when
     *        features are missing, the error names the header's unknown columns, and these are not
     * @return the encoded features of every example, in file order
     * @throws IllegalArgumentException if the separator is forbidden
     * @throws DataException as {@link #readFeatures(Path, FeatureEncoding, Optional)}
     */
    public static FeatureTable readFeatures(Path file, FeatureEncoding encoding, Optional<Character> separator,
            List<String> otherColumns) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(encoding, "encoding");
        separator.ifPresent(ColumnSelection::checkSeparator);

        try (CsvSource source = CsvSource.open(file, separator)) {
            FeatureColumnReader[] features = fixedReaders(source, encoding, otherColumns);
            MissingCells missing = new MissingCells(sourceColumns(features), MissingPolicy.ERROR, PREDICT_REMEDY);
            int rows = 0;
            int capacity = INITIAL_CAPACITY;
            for (CsvRecord row = source.nextRow(); row != null; row = source.nextRow()) {
                missing.dropsRow(source, row);
                if (rows == capacity) {
                    capacity = grownCapacity(source, row, rows);
                    resize(features, capacity);
                }
                add(features, source, row, rows);
                rows++;
            }

            source.requireRows(rows);
            return finish(features, rows).table();
        }
    }

    /** Encoded features and their encoding. */
    private record Encoded(FeatureTable table, FeatureEncoding encoding) {
    }

    private static FeatureColumnReader[] foundReaders(CsvSource source, ColumnSelection columns) {
        List<String> names = columns.features()
                .orElseGet(() -> source.otherColumns(columns.target(),
                        columns.groupAsFeature() ? List.of() : columns.group().columns()));
        if (columns.groupAsFeature()) {
            names = new ArrayList<>(names);
            for (String groupColumn : columns.group().columns()) {
                if (!names.contains(groupColumn)) {
                    names.add(groupColumn);
                }
            }
        }
        for (String categorical : columns.categorical()) {
            source.columnOf(categorical, "categorical");
        }
        FeatureColumnReader[] readers = new FeatureColumnReader[names.size()];
        for (int f = 0; f < readers.length; f++) {
            String name = names.get(f);
            boolean categorical = columns.categorical().contains(name)
                    || columns.groupAsFeature() && columns.group().columns().contains(name);
            readers[f] = FeatureColumnReader.found(source, name, categorical, INITIAL_CAPACITY);
        }
        return readers;
    }

    /**
     * Readers of the columns an encoding names; every one missing from the header is named at
     * once, and, if some are, the header's columns that are neither features nor {@code otherUsed}.
     */
    private static FeatureColumnReader[] fixedReaders(CsvSource source, FeatureEncoding encoding,
            List<String> otherUsed) {
        ModelColumns.requireFeatures(source.file(), source.headerLine(), source.header(), encoding, otherUsed);
        List<FeatureEncoding.Column> columns = encoding.columns();
        FeatureColumnReader[] readers = new FeatureColumnReader[columns.size()];
        for (int f = 0; f < readers.length; f++) {
            readers[f] = FeatureColumnReader.fixed(source, columns.get(f), INITIAL_CAPACITY);
        }
        return readers;
    }

    private static List<String> usedNonFeatures(ColumnSelection columns) {
        List<String> used = new ArrayList<>(columns.group().columns());
        used.add(columns.target());
        return used;
    }

    private static int[] usedColumns(int targetColumn, GroupCoder groups, FeatureColumnReader[] features) {
        int[] groupColumns = groups.columns();
        int[] featureColumns = sourceColumns(features);
        int[] used = new int[1 + groupColumns.length + featureColumns.length];
        used[0] = targetColumn;
        System.arraycopy(groupColumns, 0, used, 1, groupColumns.length);
        System.arraycopy(featureColumns, 0, used, 1 + groupColumns.length, featureColumns.length);
        return used;
    }

    private static int[] sourceColumns(FeatureColumnReader[] features) {
        int[] columns = new int[features.length];
        for (int f = 0; f < features.length; f++) {
            columns[f] = features[f].sourceColumn();
        }
        return columns;
    }

    private static void resize(FeatureColumnReader[] features, int capacity) {
        for (FeatureColumnReader feature : features) {
            feature.resize(capacity);
        }
    }

    private static void add(FeatureColumnReader[] features, CsvSource source, CsvRecord row, int example) {
        for (FeatureColumnReader feature : features) {
            feature.add(source, row, example);
        }
    }

    private static Encoded finish(FeatureColumnReader[] features, int rows) {
        List<FeatureEncoding.Column> columns = new ArrayList<>(features.length);
        List<float[]> values = new ArrayList<>(features.length);
        for (FeatureColumnReader feature : features) {
            columns.add(feature.finish(rows, values));
        }
        FeatureEncoding encoding = FeatureEncoding.of(columns);
        return new Encoded(new FeatureTable(encoding.encodedNames(), values.toArray(new float[0][])), encoding);
    }

    /** Counts a data row, dropped or not. */
    private static int countRow(CsvSource source, CsvRecord row, int rowsRead) {
        if (rowsRead >= MAX_ROWS) {
            throw source.rowError(row, "more than " + MAX_ROWS + " data rows; expected at most " + MAX_ROWS);
        }
        return rowsRead + 1;
    }

    /** Rejects a file with no data row, or whose every row was dropped. */
    private static void requireKeptRows(Path file, CsvSource source, int rowsRead, int rows) {
        source.requireRows(rowsRead);
        if (rows == 0) {
            throw DataException.inFile(file, "every one of the " + MessageText.count(rowsRead, "data row")
                    + " has a missing value in a used column; expected at least one complete row");
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
}
