package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsCsvTest {

    private static final long RANDOM_SEED = 5;
    private static final int RANDOM_COUNT = 500;

    @TempDir
    Path dir;

    @Test
    void awkwardValuesReadBackExactly() throws IOException {
        double[] predictions = {0.1, 1.0 / 3, -0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1e-300, -123_456.789e200, 1e16, 1e7, 1e-3, 9_007_199_254_740_993.0};

        assertReadsBackExactly(predictions);
    }

    @Test
    void randomValuesReadBackExactly() throws IOException {
        Random random = new Random(RANDOM_SEED);
        double[] predictions = new double[RANDOM_COUNT];
        for (int e = 0; e < predictions.length; e++) {
            predictions[e] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        }

        assertReadsBackExactly(predictions);
    }

    @Test
    void noPredictionGivesHeaderOnly() throws IOException {
        Path file = dir.resolve("predictions.csv");

        PredictionsCsv.write(new double[0], file);

        assertThat(Files.readString(file)).isEqualTo(PredictionsCsv.COLUMN + "\n");
    }

    private void assertReadsBackExactly(double[] predictions) throws IOException {
        Path file = dir.resolve("predictions.csv");

        PredictionsCsv.write(predictions, file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(predictions.length + 1);
        assertThat(lines.get(0)).isEqualTo("prediction");
        for (int e = 0; e < predictions.length; e++) {
            double read = Double.parseDouble(lines.get(e + 1));
            assertThat(Double.doubleToRawLongBits(read)).as("row %d: %s", e, lines.get(e + 1))
                    .isEqualTo(Double.doubleToRawLongBits(predictions[e]));
        }
    }
}
