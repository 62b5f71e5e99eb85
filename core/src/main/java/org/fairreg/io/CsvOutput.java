package org.fairreg.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes CSV files atomically: comma-separated, {@code \n} line ends, UTF-8, fields quoted only
 * when they hold a comma, quote or line break. Numbers are written in Java's shortest
 * round-trip form ({@link Double#toString(double)}), so reading one back gives the same value.
 */
final class CsvOutput {

    private CsvOutput() {
    }

    /** Writes the rows of one CSV file. */
    @FunctionalInterface
    interface Rows {
        void writeTo(CsvWriter csv) throws IOException;
    }

    static void write(Path file, Rows rows) throws IOException {
        AtomicFiles.write(file, (OutputStream out) -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text);
            rows.writeTo(csv);
            csv.flush();
        });
    }

    static String number(double value) {
        return Double.toString(value);
    }
}
