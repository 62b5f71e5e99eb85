package org.fairreg.data;

import static org.fairreg.data.MessageText.quote;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.util.Locale;

/**
 * Strict parsing of numeric cells in plain decimal notation, as {@link CsvDataReader} documents
 * it, and the explanation of why a cell was rejected.
 *
 * <p>{@link #parseDecimal} first checks the grammar itself, in one pass over the characters with
 * no allocation, and only then converts with FastDoubleParser's {@code JavaDoubleParser}. The
 * check decides what is a number: the converter accepts Java's wider syntax (hexadecimal,
 * {@code d} and {@code f} suffixes, NaN, infinities, spaces around), none of which may pass.
 * The conversion is correctly rounded, so its result equals {@link Double#parseDouble} bit for
 * bit; it is several times faster on the 16 and 17 significant digits that a shortest
 * {@code double} text has, where the JDK falls back to big-integer arithmetic. Converting numbers
 * is the larger part of reading a numeric CSV file; the check costs about a fifth of the
 * conversion. {@link #rejection} runs only once a cell has failed, so its speed does not matter.
 *
 * <p>The class is stateless and safe to use from several threads at once.
 */
final class DecimalCells {

    private static final String EXPECTED_NUMBER = "expected a finite decimal number";

    private DecimalCells() {
    }

    /**
     * Parses one cell in plain decimal notation (see the class documentation of
     * {@link CsvDataReader}).
     *
     * @param text the cell, verbatim
     * @return the nearest {@code double}, equal to what {@link Double#parseDouble} gives; an
     *         infinity of the right sign when the number is beyond {@code double} range; NaN when
     *         the text is not plain decimal notation, which cannot itself spell NaN
     */
    static double parseDecimal(String text) {
        return isPlainDecimal(text) ? JavaDoubleParser.parseDouble(text) : Double.NaN;
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

    /**
     * Says why {@link #parseDecimal} rejected a cell, as a message.
     *
     * @param cell the cell, verbatim, for which {@link #parseDecimal} returned NaN
     * @param columnName the header name of the cell's column
     * @return what was found and what was expected, without the file, line and column
     */
    static String rejection(String cell, String columnName) {
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

    /**
     * @param cell a cell that {@link #parseDecimal} rejected
     * @return whether it spells NaN or an infinity, or is a number in a notation this reader
     *         refuses: a number gone wrong rather than text
     */
    static boolean isNumberGoneWrong(String cell) {
        String word = cell.strip().toLowerCase(Locale.ROOT);
        if (word.startsWith("+") || word.startsWith("-")) {
            word = word.substring(1);
        }
        return word.equals("nan") || word.equals("inf") || word.equals("infinity") || javaReads(cell)
                || isPlainDecimal(cell.strip());
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
}
