package org.fairreg.data;

import static org.fairreg.data.CsvFixtures.assertCellError;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of two million rows with one bad cell near its end fails at that cell: reading does not
 * stop short, lose count of lines over a long file, or report the row index instead of the line.
 * Quoted fields holding line breaks early in the file make row and line numbers differ.
 */
class CsvDataReaderLargeFileTest {

    private static final int ROWS = 2_000_000;
    /** The data row, counted from 1, whose feature cell is not a number. */
    private static final int BAD_ROW = ROWS - 7;
    /** Rows near the start whose group label is quoted across two lines. */
    private static final int TWO_LINE_ROWS = 3;

    @TempDir
    Path dir;

    @Test
    void badCellNearTheEndOfTwoMillionRowsIsReportedAtItsLineAndColumn() throws IOException {
        Path file = dir.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("x0,x1,y,g\n");
            for (int row = 1; row <= ROWS; row++) {
                String group = row <= TWO_LINE_ROWS ? "\"a\nb\"" : (row % 2 == 0 ? "a" : "b");
                String x1 = row == BAD_ROW ? "1.2.3" : Integer.toString(row % 97);
                out.write(row % 13 + "," + x1 + "," + row % 7 + ".5," + group + "\n");
            }
        }
        // The header is line 1, and each two-line row pushes every later row one line down.
        long badLine = 1L + BAD_ROW + TWO_LINE_ROWS;

        assertCellError(() -> CsvDataReader.readLabelled(file, ColumnSelection.of("y", "g")), file, badLine, 2,
                "'1.2.3' in column 'x1' is not a number; expected a finite decimal number, as the cells above it are; "
                        + "name the column in --categorical to read its cells as categories");
    }
}
