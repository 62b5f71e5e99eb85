package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes predictions as CSV: a header {@code prediction}, then one row per example in the order
 * of the data predicted.
 */
public final class PredictionsCsv {

    /** The header of the single column. */
    public static final String COLUMN = "prediction";

    private PredictionsCsv() {
    }

    /**
     * @param predictions one value per example, in the target's unit
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(double[] predictions, Path file) throws IOException {
        CsvOutput.write(file, csv -> {
            csv.writeRecord(COLUMN);
            for (double prediction : predictions) {
                csv.writeRecord(CsvOutput.number(prediction));
            }
        });
    }
}
