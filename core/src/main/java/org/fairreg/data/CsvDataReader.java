package org.fairreg.data;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

    /** Cell values are cut to this length in messages, so that one bad cell cannot flood a log. */
    private static final int MAX_QUOTED_LENGTH = 60;

    private static final String EXPECTED_NUMBER = "expected a finite decimal number";

    /** FastCSV ends its parse messages with the line, which our message prefix already gives. */
    private static final String FASTCSV_LINE_SUFFIX = " (record starting at line ";

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

        try (Source source = Source.open(file, columns.separator())) {
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
                    int capacity = source.grownCapacity(row, rows);
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

        try (Source source = Source.open(file, separator)) {
            FeatureColumns features = new FeatureColumns(source, List.copyOf(featureNames));
            int rows = 0;
            int capacity = INITIAL_CAPACITY;
            for (CsvRecord row = source.nextRow(); row != null; row = source.nextRow()) {
                if (rows == capacity) {
                    capacity = source.grownCapacity(row, rows);
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
     * Parses one cell in plain decimal notation (see the class documentation).
     *
     * <p>Kept apart so that a faster parser can replace it; callers rely only on this contract.
     *
     * @param text the cell, verbatim
     * @return the nearest {@code double}; an infinity of the right sign when the number is
     *         beyond {@code double} range; NaN when the text is not plain decimal notation, which
     *         cannot itself spell NaN
     */
    static double parseDecimal(String text) {
        return isPlainDecimal(text) ? Double.parseDouble(text) : Double.NaN;
    }

    private static boolean isPlainDecimal(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int integerStart = i;
        i = skipDigits(text, i);
        int digits = i - integerStart;
        if (i < length && text.charAt(i) == '.') {
            int fractionStart = ++i;
            i = skipDigits(text, i);
            digits += i - fractionStart;
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            i = skipDigits(text, i);
            if (i == exponentStart) {
                return false;
            }
        }
        return i == length;
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Says why {@link #parseDecimal} rejected a cell, as a message. */
    private static String rejection(String cell, String columnName) {
        String where = " in column " + quote(columnName);
        if (cell.isEmpty()) {
            return "empty cell" + where + "; " + EXPECTED_NUMBER;
        }
        String stripped = cell.strip();
        if (!stripped.equals(cell) && isPlainDecimal(stripped)) {
            return quote(cell) + where + " has spaces around the number; " + EXPECTED_NUMBER
                    + " without spaces";
        }
        String word = stripped.toLowerCase(Locale.ROOT);
        if (word.startsWith("+") || word.startsWith("-")) {
            word = word.substring(1);
        }
        if (word.equals("nan")) {
            return quote(cell) + where + " is NaN; " + EXPECTED_NUMBER;
        }
        if (word.equals("inf") || word.equals("infinity")) {
            return quote(cell) + where + " is infinite; " + EXPECTED_NUMBER;
        }
        String kind = javaReads(cell) ? " is not in plain decimal notation" : " is not a number";
        return quote(cell) + where + kind + "; " + EXPECTED_NUMBER;
    }

    /** Tells hexadecimal and suffixed numbers, which Java reads, from text that is no number. */
    private static boolean javaReads(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** Quotes a value for a message on one line: control characters escaped, long values cut. */
    static String quote(String value) {
        int shown = Math.min(value.length(), MAX_QUOTED_LENGTH);
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder quoted = new StringBuilder(shown + 2).append('\'');
        for (int i = 0; i < shown; i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (ch < ' ') {
                        quoted.append(String.format("\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        quoted.append('\'');
        if (shown < value.length()) {
            quoted.append(" (first ").append(shown).append(" of ").append(value.length())
                    .append(" characters)");
        }
        return quoted.toString();
    }

    private static String quoteAll(List<String> values) {
        StringBuilder quoted = new StringBuilder();
        for (String value : values) {
            quoted.append(quoted.length() == 0 ? "" : ", ").append(quote(value));
        }
        return quoted.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static boolean isBlankLine(CsvRecord record) {
        return record.getFieldCount() == 1 && record.getField(0).isEmpty();
    }

    /** Returns the physical line on which a field starts; {@code field} may be the field count. */
    private static long lineOf(CsvRecord record, int field) {
        long line = record.getStartingLineNumber();
        int end = Math.min(field, record.getFieldCount());
        for (int c = 0; c < end; c++) {
            line += lineBreaks(record.getField(c));
        }
        return line;
    }

    private static int lineBreaks(String field) {
        int breaks = 0;
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            boolean lfFollows = i + 1 < field.length() && field.charAt(i + 1) == '\n';
            if (ch == '\n' || (ch == '\r' && !lfFollows)) {
                breaks++;
            }
        }
        return breaks;
    }

    private static DataException unreadable(Path file, IOException error) {
        String problem;
        if (error instanceof NoSuchFileException) {
            problem = "no such file";
        } else if (error instanceof AccessDeniedException) {
            problem = "permission denied";
        } else {
            String detail = error.getMessage();
            problem = "cannot read the file ("
                    + (detail == null ? error.getClass().getSimpleName() : detail) + ")";
        }
        return DataException.unreadable(file, problem + "; expected a readable CSV file", error);
    }

    /** One open file: its header, its rows in turn, and the checks that need both. */
    private static final class Source implements AutoCloseable {

        private final Path file;
        private final CsvReader<CsvRecord> reader;
        private final Iterator<CsvRecord> records;
        /** The record fetched last, so that a parse error can be placed on the line after it. */
        private CsvRecord lastRecord;
        private final long headerLine;
        private final List<String> header;
        private final Map<String, Integer> columnIndex = new HashMap<>();

        private Source(Path file, CsvReader<CsvRecord> reader) {
            this.file = file;
            this.reader = reader;
            this.records = reader.iterator();
            CsvRecord first = fetch();
            if (first == null) {
                throw DataException.inFile(file,
                        "the file is empty; expected a header line with column names");
            }
            this.headerLine = first.getStartingLineNumber();
            this.header = List.copyOf(first.getFields());
            indexHeader(first);
        }

        static Source open(Path file, char separator) {
            CsvReader<CsvRecord> reader;
            try {
                // Blank lines and ragged rows are handled here, to report them with line,
                // column and counts; '#' lines are data, not comments. FastCSV would by default
                // read an unclosed quote up to the end of the file, swallowing every later row.
                reader = CsvReader.builder()
                        .fieldSeparator(separator)
                        .detectBomHeader(true)
                        .commentStrategy(CommentStrategy.NONE)
                        .skipEmptyLines(false)
                        .allowUnclosedQuote(false)
                        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                        .ofCsvRecord(file);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
            try {
                return new Source(file, reader);
            } catch (RuntimeException failure) {
                try {
                    reader.close();
                } catch (IOException closing) {
                    failure.addSuppressed(closing);
                }
                throw failure;
            }
        }

        private void indexHeader(CsvRecord first) {
            if (isBlankLine(first)) {
                throw DataException.atLine(file, headerLine,
                        "empty line; expected the header with column names");
            }
            for (int c = 0; c < header.size(); c++) {
                String name = header.get(c);
                if (name.isBlank()) {
                    String found = name.isEmpty()
                            ? "empty column name"
                            : "blank column name " + quote(name);
                    throw cellError(first, c, found + "; expected a name for every column");
                }
                Integer earlier = columnIndex.putIfAbsent(name, c);
                if (earlier != null) {
                    throw cellError(first, c, "column name " + quote(name) + " repeats column "
                            + (earlier + 1) + "; expected distinct column names");
                }
            }
        }

        int columnOf(String name, String role) {
            Integer column = columnIndex.get(name);
            if (column == null) {
                throw DataException.atLine(file, headerLine, "no column named " + quote(name)
                        + " (" + role + "); expected one of the header's columns " + quoteAll(header));
            }
            return column;
        }

        List<String> otherColumns(String target, String group) {
            List<String> others = new ArrayList<>(header);
            others.remove(target);
            others.remove(group);
            if (others.isEmpty()) {
                throw DataException.atLine(file, headerLine, "no column besides " + quote(target)
                        + " (target) and " + quote(group) + " (group); expected at least one feature column");
            }
            return others;
        }

        /** Returns the next data row, with as many fields as the header, or null at the end. */
        CsvRecord nextRow() {
            CsvRecord row = fetch();
            while (row != null && header.size() > 1 && isBlankLine(row)) {
                row = fetch();
            }
            if (row != null && row.getFieldCount() != header.size()) {
                throw raggedRow(row);
            }
            return row;
        }

        private CsvRecord fetch() {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                lastRecord = records.next();
                return lastRecord;
            } catch (CsvParseException e) {
                // The failed record starts on the line after the last good one ends, since
                // every line, blank or not, is a record here.
                long line = lastRecord == null
                        ? 1
                        : lineOf(lastRecord, lastRecord.getFieldCount()) + 1;
                throw DataException.atLine(file, line, "malformed CSV record (" + reason(e) + "); expected "
                        + "each quoted field to close with '\"' before the separator or the line end");
            } catch (UncheckedIOException e) {
                throw unreadable(file, e.getCause());
            }
        }

        private static String reason(CsvParseException e) {
            String message = String.valueOf(e.getMessage());
            int suffix = message.lastIndexOf(FASTCSV_LINE_SUFFIX);
            return suffix > 0 && message.endsWith(")") ? message.substring(0, suffix) : message;
        }

        private DataException raggedRow(CsvRecord row) {
            int found = row.getFieldCount();
            int expected = header.size();
            String counts = "row has " + count(found, "field") + " but the header has "
                    + count(expected, "column");
            if (found < expected) {
                return cellError(row, found, counts + "; expected a field for column "
                        + quote(header.get(found)));
            }
            return cellError(row, expected, counts + "; expected the row to end after column "
                    + quote(header.get(expected - 1)));
        }

        int grownCapacity(CsvRecord row, int capacity) {
            if (capacity >= MAX_ROWS) {
                throw DataException.atLine(file, row.getStartingLineNumber(),
                        "more than " + MAX_ROWS + " data rows; expected at most " + MAX_ROWS);
            }
            return (int) Math.min(MAX_ROWS, (long) capacity + (capacity >> 1));
        }

        float featureAt(CsvRecord row, int column) {
            double value = numberAt(row, column);
            // Rounding decides, not the decimal value: 3.4028235e38, the shortest text of
            // Float.MAX_VALUE and what float32 writers print for it, lies just above it.
            float rounded = (float) value;
            if (Float.isInfinite(rounded)) {
                throw cellError(row, column, describe(row, column)
                        + " is beyond float range; expected a magnitude of at most " + Float.MAX_VALUE);
            }
            return rounded;
        }

        double targetAt(CsvRecord row, int column) {
            double value = numberAt(row, column);
            if (Double.isInfinite(value)) {
                throw cellError(row, column, describe(row, column)
                        + " is beyond double range; expected a magnitude of at most " + Double.MAX_VALUE);
            }
            return value;
        }

        private double numberAt(CsvRecord row, int column) {
            String cell = row.getField(column);
            double value = parseDecimal(cell);
            if (Double.isNaN(value)) {
                throw cellError(row, column, rejection(cell, header.get(column)));
            }
            return value;
        }

        String labelAt(CsvRecord row, int column) {
            String label = row.getField(column);
            if (label.isEmpty()) {
                throw cellError(row, column, "empty cell in column " + quote(header.get(column))
                        + "; expected a group label");
            }
            return label;
        }

        void requireRows(int rows) {
            if (rows == 0) {
                throw DataException.inFile(file,
                        "no data rows after the header; expected at least one example");
            }
        }

        private String describe(CsvRecord row, int column) {
            return quote(row.getField(column)) + " in column " + quote(header.get(column));
        }

        private DataException cellError(CsvRecord row, int column, String problem) {
            return DataException.atCell(file, lineOf(row, column), column + 1, problem);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
    }

    /** Feature columns filled row by row, growing on request. */
    private static final class FeatureColumns {

        private final List<String> names;
        private final int[] sourceColumns;
        private final float[][] values;

        FeatureColumns(Source source, List<String> names) {
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

        void add(Source source, CsvRecord row, int example) {
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
