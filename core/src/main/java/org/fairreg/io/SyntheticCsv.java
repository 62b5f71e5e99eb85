package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Path;

import org.fairreg.data.SyntheticRegression;

/**
 * Writes generated data as CSV with the header {@code x0, ..., x{f-1}, y, g}, one row per example,
 * features and target at full double precision and the group as a whole number, the layout of
 * the recipe's seed files.
 */
public final class SyntheticCsv {

    private SyntheticCsv() {
    }

    /**
     * @param data the generated data
     * @param rows the examples to write, in this order
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(SyntheticRegression data, int[] rows, Path file) throws IOException {
        int featureCount = data.featureCount();
        double[][] columns = data.features();
        double[] targets = data.targets();
        int[] groups = data.groups();
        CsvOutput.write(file, csv -> {
            String[] fields = new String[featureCount + 2];
            for (int f = 0; f < featureCount; f++) {
                fields[f] = SyntheticRegression.FEATURE_PREFIX + f;
            }
            fields[featureCount] = SyntheticRegression.TARGET_NAME;
            fields[featureCount + 1] = SyntheticRegression.GROUP_NAME;
            csv.writeRecord(fields);
            for (int e : rows) {
                for (int f = 0; f < featureCount; f++) {
                    fields[f] = CsvOutput.number(columns[f][e]);
                }
                fields[featureCount] = CsvOutput.number(targets[e]);
                fields[featureCount + 1] = Integer.toString(groups[e]);
                csv.writeRecord(fields);
            }
        });
    }
}
