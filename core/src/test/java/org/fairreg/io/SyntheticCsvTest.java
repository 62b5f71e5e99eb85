package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairreg.data.SyntheticRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCsvTest {

    private static final int EXAMPLES = 12;
    private static final int FEATURES = 3;
    private static final double NOISE = 0.5;
    private static final long DATA_SEED = 7;
    private static final int GROUPS = 3;
    private static final long GROUP_SEED = 11;

    @TempDir
    Path dir;

    @Test
    void headerNamesFeaturesThenTargetThenGroup() throws IOException {
        Path file = dir.resolve("data.csv");

        SyntheticCsv.write(generate(), new int[] {0}, file);

        assertThat(Files.readAllLines(file).get(0)).isEqualTo("x0,x1,x2,y,g");
    }

    @Test
    void chosenRowsReadBackExactlyInTheirOrder() throws IOException {
        SyntheticRegression data = generate();
        int[] rows = {5, 0, 11, 3, 5};
        Path file = dir.resolve("data.csv");

        SyntheticCsv.write(data, rows, file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(rows.length + 1);
        double[][] features = data.features();
        double[] targets = data.targets();
        int[] groups = data.groups();
        for (int r = 0; r < rows.length; r++) {
            String[] fields = lines.get(r + 1).split(",", -1);
            assertThat(fields).as("line %d", r + 2).hasSize(FEATURES + 2);
            int e = rows[r];
            for (int f = 0; f < FEATURES; f++) {
                assertThat(Double.parseDouble(fields[f])).as("line %d x%d", r + 2, f).isEqualTo(features[f][e]);
            }
            assertThat(Double.parseDouble(fields[FEATURES])).as("line %d y", r + 2).isEqualTo(targets[e]);
            assertThat(fields[FEATURES + 1]).as("line %d g", r + 2).isEqualTo(Integer.toString(groups[e]));
        }
    }

    @Test
    void noRowGivesHeaderOnly() throws IOException {
        Path file = dir.resolve("data.csv");

        SyntheticCsv.write(generate(), new int[0], file);

        assertThat(Files.readString(file)).isEqualTo("x0,x1,x2,y,g\n");
    }

    private static SyntheticRegression generate() {
        return SyntheticRegression.generate(EXAMPLES, FEATURES, NOISE, DATA_SEED, GROUPS, GROUP_SEED);
    }
}
