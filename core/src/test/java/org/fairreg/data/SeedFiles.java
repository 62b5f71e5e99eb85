package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the seed fixtures under {@code src/test/resources/seed/}, made by numpy with
 * {@code make_seed_data.py}, and compares generated values with them.
 *
 * <p>The CSV files have a header {@code x0,...,x9,y,g}, features and target written with 17
 * significant digits (so each parses back to the exact {@code double} numpy held) and an integer
 * group. This reader knows only that layout; it is a fixture loader, not a CSV parser.
 */
final class SeedFiles {

    /**
     * Relative difference allowed between a generated value and numpy's. Features differ by at
     * most a few units in the last place (the logarithm behind the normal variates) and targets
     * by about 1e-12 (numpy sums the linear model with BLAS, in another order), so 1e-9 leaves a
     * wide margin while any value taken from the wrong draw or row still fails.
     */
    static final double SEED_RELATIVE_TOLERANCE = 1e-9;

    /** Largest relative error of rounding a {@code double} to {@code float}: 2^-24. */
    static final double FLOAT_RELATIVE_TOLERANCE = 0x1p-24;

    private static final String FOLDER = "/seed/";

    private SeedFiles() {
    }

    /**
     * The content of one seed CSV file.
     *
     * @param featureNames the feature column names, in file order
     * @param features {@code features[f][e]}: feature {@code f} of example {@code e}
     * @param targets the target of each example
     * @param groups the group of each example
     */
    record Table(List<String> featureNames, double[][] features, double[] targets, int[] groups) {

        int size() {
            return targets.length;
        }
    }

    /**
     * Reads a gzipped seed CSV file.
     *
     * @param name the file name, such as {@code all.csv.gz}
     * @return its content
     */
    static Table readCsv(String name) {
        List<String> lines = readLines(name, true);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int featureCount = header.size() - 2;
        int rowCount = lines.size() - 1;
        double[][] features = new double[featureCount][rowCount];
        double[] targets = new double[rowCount];
        int[] groups = new int[rowCount];
        for (int e = 0; e < rowCount; e++) {
            String[] cells = lines.get(e + 1).split(",");
            if (cells.length != header.size()) {
                throw new IllegalStateException(name + ":" + (e + 2) + ": expected " + header.size()
                        + " cells, found " + cells.length);
            }
            for (int f = 0; f < featureCount; f++) {
                features[f][e] = Double.parseDouble(cells[f]);
            }
            targets[e] = Double.parseDouble(cells[featureCount]);
            groups[e] = Integer.parseInt(cells[featureCount + 1]);
        }
        return new Table(List.copyOf(header.subList(0, featureCount)), features, targets, groups);
    }

    /**
     * Reads {@code coef.txt}: one coefficient per line, in final column order.
     *
     * @return the coefficients
     */
    static double[] readCoefficients() {
        List<String> lines = readLines("coef.txt", false);
        double[] coefficients = new double[lines.size()];
        for (int f = 0; f < coefficients.length; f++) {
            coefficients[f] = Double.parseDouble(lines.get(f).trim());
        }
        return coefficients;
    }

    /**
     * Opens a seed file as a stream; the caller closes it.
     *
     * @param name the file name
     * @return the stream
     */
    static InputStream open(String name) {
        InputStream stream = SeedFiles.class.getResourceAsStream(FOLDER + name);
        if (stream == null) {
            throw new IllegalStateException("missing test resource " + FOLDER + name);
        }
        return stream;
    }

    /**
     * Asserts that every value is within {@link #SEED_RELATIVE_TOLERANCE} of the seed value,
     * naming the first example that is not.
     *
     * @param column the column name, for the message
     * @param actual the generated values
     * @param expected the seed values
     */
    static void assertClose(String column, double[] actual, double[] expected) {
        assertThat(actual).as(column).hasSameSizeAs(expected);
        for (int e = 0; e < expected.length; e++) {
            double allowed = SEED_RELATIVE_TOLERANCE * Math.abs(expected[e]);
            if (!(Math.abs(actual[e] - expected[e]) <= allowed)) {
                assertThat(actual[e]).as("%s of example %d", column, e).isEqualTo(expected[e]);
            }
        }
    }

    /**
     * Asserts that every {@code float} value is the seed value rounded to {@code float}, up to
     * {@link #FLOAT_RELATIVE_TOLERANCE} plus {@link #SEED_RELATIVE_TOLERANCE}, naming the first
     * example that is not.
     *
     * @param column the column name, for the message
     * @param actual the generated values, as a dataset holds them
     * @param expected the seed values
     */
    static void assertClose(String column, float[] actual, double[] expected) {
        assertThat(actual).as(column).hasSize(expected.length);
        double relative = FLOAT_RELATIVE_TOLERANCE + SEED_RELATIVE_TOLERANCE;
        for (int e = 0; e < expected.length; e++) {
            if (!(Math.abs(actual[e] - expected[e]) <= relative * Math.abs(expected[e]))) {
                assertThat((double) actual[e]).as("%s of example %d", column, e)
                        .isEqualTo(expected[e]);
            }
        }
    }

    private static List<String> readLines(String name, boolean gzipped) {
        try (InputStream raw = open(name);
                InputStream content = gzipped ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(content, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test resource " + FOLDER + name, e);
        }
    }
}
