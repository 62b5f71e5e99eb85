package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Path;

import org.fairreg.data.SyntheticData;

/**
 * Writes generated data as CSV with the header {@code x0, ..., x{f-1}, y, g}, one row per example,
 * features and target at full double precision and the group as a whole number, the layout of
 * the recipe's seed files. Every generator is written the same way, so a file from one reads
 * like a file from another.
 */
public final class SyntheticCsv {

    private SyntheticCsv() {
    }

    /**
     * Writes examples of generated data.
     *
     * @param data the generated data
     * @param rows the examples to write, in this order
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(SyntheticData data, int[] rows, Path file) throws IOException {
        write(data.features(), data.targets(), data.groups(), rows, file);
    }

    /** Writes the header, then one record per row: features by column, target, group code. */
    private static void write(
            double[][] columns,
            double[] targets,
            int[] groups,
            int[] rows,
            Path file) throws IOException {
        int featureCount = columns.length;
        CsvOutput.write(file, csv -> {
            String[] fields = new String[featureCount + 2];
            for (int f = 0; f < featureCount; f++) {
                fields[f] = SyntheticData.FEATURE_PREFIX + f;
            }
            fields[featureCount] = SyntheticData.TARGET_NAME;
            fields[featureCount + 1] = SyntheticData.GROUP_NAME;
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
