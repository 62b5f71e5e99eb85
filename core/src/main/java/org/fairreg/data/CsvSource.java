package org.fairreg.data;

import static org.fairreg.data.MessageText.count;
import static org.fairreg.data.MessageText.quote;
import static org.fairreg.data.MessageText.quoteAll;

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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One open CSV file for {@link CsvDataReader}: its header, its rows in turn, its cells read as
 * numbers or labels, and the checks that need both header and row.
 *
 * <p>FastCSV splits the file into records. It is set up so that every physical line, blank or
 * not, is a record, and so that blank lines and rows of the wrong length reach this class, which
 * reports them with line, column and counts. FastCSV gives only the line on which a record
 * starts; the line of a later field adds the line breaks inside the quoted fields before it.
 *
 * <p>An instance is used by one thread, for one read, and closed by it.
 */
final class CsvSource implements AutoCloseable {

    /** FastCSV ends its parse messages with the line, which our message prefix already gives. */
    private static final String FASTCSV_LINE_SUFFIX = " (record starting at line ";

    private final Path file;
    private final char separator;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    /** The record fetched last, so that a parse error can be placed on the line after it. */
    private CsvRecord lastRecord;
    private final long headerLine;
    private final List<String> header;
    private final Map<String, Integer> columnIndex = new HashMap<>();

    private CsvSource(Path file, char separator, CsvReader<CsvRecord> reader) {
        this.file = file;
        this.separator = separator;
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

    /**
     * Opens a file and reads its header.
     *
     * @param file the CSV file
     * @param given the field separator, already checked by
     *        {@link ColumnSelection#checkSeparator}, or empty to detect it with
     *        {@link SeparatorDetector}
     * @return the open file, positioned before the first data row
     * @throws DataException if the file cannot be read, is empty, its header breaks a rule, or
     *         the separator cannot be detected
     */
    static CsvSource open(Path file, Optional<Character> given) {
        char separator = given.isPresent() ? given.get() : SeparatorDetector.detect(file);
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
            return new CsvSource(file, separator, reader);
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

    /** @return the field separator, given or detected */
    char separator() {
        return separator;
    }

    /** @return the file read */
    Path file() {
        return file;
    }

    /** @return the line number of the header, from 1 */
    long headerLine() {
        return headerLine;
    }

    /** @return the header's column names, in order */
    List<String> header() {
        return header;
    }

    /** @return the number of columns of the header */
    int columnCount() {
        return header.size();
    }

    /** @return the header name of a 0-based column */
    String columnName(int column) {
        return header.get(column);
    }

    /** Returns the 0-based position of a header name; {@code role} names its use in the error. */
    int columnOf(String name, String role) {
        Integer column = columnIndex.get(name);
        if (column == null) {
            throw DataException.atLine(file, headerLine, "no column named " + quote(name)
                    + " (" + role + "); expected one of the header's columns " + quoteAll(header));
        }
        return column;
    }

    /** Returns the header names other than the target and groups, in header order; never empty. */
    List<String> otherColumns(String target, List<String> groups) {
        List<String> others = new ArrayList<>(header);
        others.remove(target);
        others.removeAll(groups);
        if (others.isEmpty()) {
            throw DataException.atLine(file, headerLine, "no column besides " + quote(target)
                    + " (target) and " + quoteAll(groups) + " (group); expected at least one feature column");
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

    /**
     * Rounds a number parsed from a cell to the nearest {@code float}.
     *
     * @param value what {@link DecimalCells#parseDecimal} gave for the cell; not NaN
     * @throws DataException at the cell if the number is beyond {@code float} range
     */
    float toFeature(CsvRecord row, int column, double value) {
        // Rounding decides, not the decimal value: 3.4028235e38, the shortest text of
        // Float.MAX_VALUE and what float32 writers print for it, lies just above it.
        float rounded = (float) value;
        if (Float.isInfinite(rounded)) {
            throw cellError(row, column, describe(row, column)
                    + " is beyond float range; expected a magnitude of at most " + Float.MAX_VALUE);
        }
        return rounded;
    }

    /** Returns the cell of a row as a target, the nearest {@code double}. */
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
        double value = DecimalCells.parseDecimal(cell);
        if (Double.isNaN(value)) {
            throw cellError(row, column, DecimalCells.rejection(cell, header.get(column)));
        }
        return value;
    }

    /**
     * Returns the error for a missing value.
     *
     * @param remedy what was expected instead, such as how to drop the row
     */
    DataException missingError(CsvRecord row, int column, String remedy) {
        String cell = row.getField(column);
        String found = cell.isEmpty() ? "missing value (empty cell)" : "missing value " + quote(cell);
        return cellError(row, column, found + " in column " + quote(header.get(column)) + "; " + remedy);
    }

    /** Returns an error for a row as a whole, placed on the line where the row starts. */
    DataException rowError(CsvRecord row, String problem) {
        return DataException.atLine(file, row.getStartingLineNumber(), problem);
    }

    /** Rejects a file whose header is followed by no data row. */
    void requireRows(int rows) {
        if (rows == 0) {
            throw DataException.inFile(file,
                    "no data rows after the header; expected at least one example");
        }
    }

    private String describe(CsvRecord row, int column) {
        return quote(row.getField(column)) + " in column " + quote(header.get(column));
    }

    /** Returns the 1-based physical line on which a cell of a row starts. */
    long cellLine(CsvRecord row, int column) {
        return lineOf(row, column);
    }

    /** Returns an error about one cell, placed on the line where the cell starts. */
    DataException cellError(CsvRecord row, int column, String problem) {
        return DataException.atCell(file, lineOf(row, column), column + 1, problem);
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

    /** Returns the error for a file that cannot be opened or read. */
    static DataException unreadable(Path file, IOException error) {
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

    /** Closes the file; a failure to close is reported as an unreadable file. */
    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }
}
