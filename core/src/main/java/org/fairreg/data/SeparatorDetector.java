package org.fairreg.data;

import static org.fairreg.data.MessageText.quote;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the field separator of a CSV file from its header line, for files read without a given
 * separator.
 *
 * <p>The rule: the candidates are {@code ,} {@code ;} tab and {@code |}; each is counted in the
 * header line outside double-quoted parts (the line ends at the first line break outside quotes).
 * When exactly one candidate occurs, it is the separator. When none occurs, the header is one
 * column, and the separator is {@link ColumnSelection#DEFAULT_SEPARATOR}. When several occur, the
 * file is ambiguous and is rejected with a message that names them and asks for the separator.
 * Column names, and so the header line, rarely hold a separator character of another format,
 * which is why the header alone decides; data rows are not looked at.
 *
 * <p>The class is stateless and safe to use from several threads at once.
 */
final class SeparatorDetector {

    /** The separators looked for, in the order messages list them. */
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    /** Characters of the header read at most; a longer line is judged by its start. */
    private static final int MAX_HEADER_CHARS = 1 << 20;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SeparatorDetector() {
    }

    /**
     * Detects the separator of a file.
     *
     * @param file the CSV file
     * @return the separator, by the rule of the class documentation
     * @throws DataException if the file cannot be read, or its header holds several candidates
     */
    static char detect(Path file) {
        int[] counts;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            counts = countInHeader(reader);
        } catch (IOException e) {
            throw CsvSource.unreadable(file, e);
        }
        return choose(file, counts);
    }

    /** Counts each candidate outside quotes in the first line; malformed bytes read as U+FFFD. */
    private static int[] countInHeader(Reader reader) throws IOException {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int read = 0; read < MAX_HEADER_CHARS; read++) {
            int next = reader.read();
            if (next < 0) {
                break;
            }
            char ch = (char) next;
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted && !(read == 0 && ch == BYTE_ORDER_MARK)) {
                for (int c = 0; c < CANDIDATES.length; c++) {
                    if (ch == CANDIDATES[c]) {
                        counts[c]++;
                    }
                }
            }
        }
        return counts;
    }

    private static char choose(Path file, int[] counts) {
        int found = -1;
        StringBuilder several = new StringBuilder();
        int occurring = 0;
        for (int c = 0; c < CANDIDATES.length; c++) {
            if (counts[c] > 0) {
                found = c;
                occurring++;
                several.append(several.length() == 0 ? "" : ", ").append(describe(CANDIDATES[c]))
                        .append(" (").append(MessageText.count(counts[c], "time")).append(')');
            }
        }
        if (occurring == 0) {
            return ColumnSelection.DEFAULT_SEPARATOR;
        }
        if (occurring > 1) {
            throw DataException.atLine(file, 1, "the header holds several possible separators: " + several
                    + "; expected only one of ',', ';', tab and '|', or the separator given (--separator)");
        }
        return CANDIDATES[found];
    }

    /**
     * @param separator a separator character
     * @return its name in messages: {@code tab} for a tab, else the character quoted
     */
    static String describe(char separator) {
        return separator == '\t' ? "tab" : quote(String.valueOf(separator));
    }
}
