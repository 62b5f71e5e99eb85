package org.fairreg.data;

import static org.fairreg.data.MessageText.quote;
import static org.fairreg.data.MessageText.quoteSome;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One feature column filled row by row while {@link CsvDataReader} reads a file, then encoded.
 *
 * <p>A column holds either numbers, each kept as a {@code float}, or categories, each cell kept as
 * the code of its text. Found categories are coded in order of first appearance and recoded at
 * the end in the order of {@link GroupLabels#of}; the categories of a fixed encoding keep its
 * order, and a cell outside them is an error.
 *
 * <p>A column whose kind is found from its cells is categorical when named so, or when its first
 * cell is text that is not a number (NaN and infinities count as numbers gone wrong, not text).
 * Otherwise it is numeric, and a later cell that is not a number is an error at that cell, with
 * the hint to name the column categorical: turning a numeric column into categories because of
 * one typo deep in a file would change the model without a word. Only rows that are kept reach a
 * column, so example {@code e} is the column's {@code e}-th cell. Missing cells never reach it
 * either: rows holding them are dropped or rejected before.
 *
 * <p>An instance is used by one thread, for one read.
 */
final class FeatureColumnReader {

    /** Categories listed at most in the message for a category a fixed encoding lacks. */
    private static final int CATEGORIES_SHOWN = 20;

    private enum State { NUMBERS, CATEGORIES }

    private final String name;
    private final int sourceColumn;
    /** The column of a fixed encoding, or null when the kind and categories are found. */
    private final FeatureEncoding.Column fixed;
    private State state;
    private float[] numbers;
    private int[] codes;
    private final Map<String, Integer> firstSeenCode = new HashMap<>();
    private final List<String> firstSeen = new ArrayList<>();

    private FeatureColumnReader(
            String name,
            int sourceColumn,
            FeatureEncoding.Column fixed,
            boolean categorical,
            int capacity) {
        this.name = name;
        this.sourceColumn = sourceColumn;
        this.fixed = fixed;
        this.state = categorical ? State.CATEGORIES : State.NUMBERS;
        if (categorical) {
            codes = new int[capacity];
        } else {
            numbers = new float[capacity];
        }
    }

    /**
     * A column whose kind and categories are found from its cells.
     *
     * @param categorical whether to read the column as categorical whatever its cells
     */
    static FeatureColumnReader found(CsvSource source, String name, boolean categorical, int capacity) {
        int column = source.columnOf(name, "feature");
        return new FeatureColumnReader(name, column, null, categorical, capacity);
    }

    /** A column read as a fixed encoding has it. */
    static FeatureColumnReader fixed(CsvSource source, FeatureEncoding.Column encoded, int capacity) {
        int column = source.columnOf(encoded.name(), "feature");
        return new FeatureColumnReader(encoded.name(), column, encoded, encoded.isCategorical(), capacity);
    }

    /** @return the column's header name */
    String name() {
        return name;
    }

    /** @return the 0-based position of the column in the file */
    int sourceColumn() {
        return sourceColumn;
    }

    /** Grows or cuts the kept values to {@code capacity} rows. */
    void resize(int capacity) {
        if (numbers != null) {
            numbers = Arrays.copyOf(numbers, capacity);
        }
        if (codes != null) {
            codes = Arrays.copyOf(codes, capacity);
        }
    }

    /**
     * Reads the column's cell of a kept row.
     *
     * @param example the row's index among kept rows, below the capacity
     * @throws DataException at the cell if it is a number beyond {@code float} range, is not a
     *         number in a numeric column of a fixed encoding, is a category a fixed encoding
     *         lacks, or would exceed {@link FeatureEncoding#MAX_CATEGORIES}
     */
    void add(CsvSource source, CsvRecord row, int example) {
        String cell = row.getField(sourceColumn);
        if (state == State.NUMBERS) {
            addNumber(source, row, example, cell);
        } else {
            codes[example] = fixed == null ? foundCode(source, row, cell) : fixedCode(source, row, cell);
        }
    }

    private void addNumber(CsvSource source, CsvRecord row, int example, String cell) {
        double value = DecimalCells.parseDecimal(cell);
        if (!Double.isNaN(value)) {
            numbers[example] = source.toFeature(row, sourceColumn, value);
            return;
        }
        if (fixed != null) {
            throw source.cellError(row, sourceColumn, DecimalCells.rejection(cell, name));
        }
        if (example > 0 || DecimalCells.isNumberGoneWrong(cell)) {
            throw source.cellError(row, sourceColumn, DecimalCells.rejection(cell, name)
                    + (example > 0 ? ", as the cells above it are" : "")
                    + "; name the column in --categorical to read its cells as categories");
        }
        int capacity = numbers.length;
        numbers = null;
        state = State.CATEGORIES;
        codes = new int[capacity];
        codes[example] = foundCode(source, row, cell);
    }

    private int foundCode(CsvSource source, CsvRecord row, String cell) {
        Integer code = firstSeenCode.get(cell);
        if (code == null) {
            if (firstSeen.size() == FeatureEncoding.MAX_CATEGORIES) {
                throw source.cellError(row, sourceColumn, quote(cell) + " in column " + quote(name)
                        + " would be category " + (FeatureEncoding.MAX_CATEGORIES + 1) + "; expected at most "
                        + FeatureEncoding.MAX_CATEGORIES + " categories in a categorical column");
            }
            code = firstSeen.size();
            firstSeenCode.put(cell, code);
            firstSeen.add(cell);
        }
        return code;
    }

    private int fixedCode(CsvSource source, CsvRecord row, String cell) {
        OptionalInt index = fixed.indexOf(cell);
        if (index.isEmpty()) {
            throw source.cellError(row, sourceColumn, quote(cell) + " in column " + quote(name)
                    + " is a category the model was not trained on; expected one of its categories "
                    + quoteSome(fixed.categories(), CATEGORIES_SHOWN));
        }
        return index.getAsInt();
    }

    /**
     * Ends the column: the encoding column it is, and its encoded features. The column lets go of
     * its row arrays, so that they can be collected before the next column is finished: a read
     * then never holds every column both at capacity and cut to size. The reader cannot be used
     * afterwards.
     *
     * @param rows the number of kept rows, at least 1
     * @param into receives the column's encoded features, one array of {@code rows} values each,
     *        in encoding order; modified
     * @return the encoding of the column
     */
    FeatureEncoding.Column finish(int rows, List<float[]> into) {
        if (state == State.NUMBERS) {
            into.add(numbers.length == rows ? numbers : Arrays.copyOf(numbers, rows));
            numbers = null;
            return fixed != null ? fixed : FeatureEncoding.Column.numeric(name);
        }
        FeatureEncoding.Column column = fixed != null ? fixed : orderFoundCategories(rows);
        float[][] indicators = new float[column.categories().size()][rows];
        for (int e = 0; e < rows; e++) {
            indicators[codes[e]][e] = 1f;
        }
        codes = null;
        into.addAll(Arrays.asList(indicators));
        return column;
    }

    /** Orders the found categories by the rule of {@link GroupLabels#of} and recodes the rows. */
    private FeatureEncoding.Column orderFoundCategories(int rows) {
        List<String> ordered = GroupLabels.of(firstSeen).labels();
        int[] recode = new int[firstSeen.size()];
        for (int c = 0; c < ordered.size(); c++) {
            recode[firstSeenCode.get(ordered.get(c))] = c;
        }
        for (int e = 0; e < rows; e++) {
            codes[e] = recode[codes[e]];
        }
        return FeatureEncoding.Column.categorical(name, ordered);
    }
}
