package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files whose row counts sit around the reader's capacities: its first arrays hold 1024 rows and
 * grow by half, so 1024 and 1536 rows fill them exactly (kept without a copy at the end), and
 * 1, 1023, 1025 and 1537 rows leave them part empty (cut to size). Every value must arrive in its
 * place either way, with a numeric and a categorical feature, targets and groups.
 */
class CsvDataReaderGrowthTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 1023, 1024, 1025, 1536, 1537, 5000})
    void readLabelledKeepsEveryRowAroundCapacities(int rows) throws IOException {
        Path file = writeRows(rows);

        CsvReadResult read = CsvDataReader.readLabelled(file, ColumnSelection.of("y", "g")
                .withCategorical(List.of("c")));

        Dataset data = read.data();
        assertThat(read.rowsRead()).isEqualTo(rows);
        assertThat(data.size()).isEqualTo(rows);
        int categories = Math.min(rows, 3);
        assertThat(data.features().names()).containsExactly(
                List.of("x", "c=a", "c=b", "c=c").subList(0, 1 + categories).toArray(new String[0]));
        float[] x = data.features().column(0);
        double[] targets = data.targets();
        int[] groups = data.groupCodes();
        assertThat(x).hasSize(rows);
        assertThat(targets).hasSize(rows);
        assertThat(groups).hasSize(rows);
        for (int e = 0; e < rows; e++) {
            assertThat(x[e]).as("x of example %d", e).isEqualTo(e + 0.5f);
            assertThat(targets[e]).as("y of example %d", e).isEqualTo(-e * 0.25);
            assertThat(groups[e]).as("group of example %d", e).isEqualTo(e % 2);
            for (int c = 0; c < categories; c++) {
                float expected = e % 3 == c ? 1f : 0f;
                assertThat(data.features().column(1 + c)[e]).as("c=%d of example %d", c, e).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 1537})
    void readFeaturesKeepsEveryRowAroundCapacities(int rows) throws IOException {
        Path file = writeRows(rows);

        FeatureTable table = CsvDataReader.readFeatures(file, FeatureEncoding.numeric(List.of("y", "x")),
                Optional.empty());

        assertThat(table.rowCount()).isEqualTo(rows);
        for (int e = 0; e < rows; e++) {
            assertThat(table.column(0)[e]).as("y of example %d", e).isEqualTo((float) (-e * 0.25));
            assertThat(table.column(1)[e]).as("x of example %d", e).isEqualTo(e + 0.5f);
        }
    }

    /** Writes {@code x = e + 0.5, c = a|b|c in turn, y = -e / 4, g = e mod 2} for example {@code e}. */
    private Path writeRows(int rows) throws IOException {
        StringBuilder text = new StringBuilder("x,c,y,g\n");
        for (int e = 0; e < rows; e++) {
            text.append(e + 0.5).append(',').append((char) ('a' + e % 3)).append(',')
                    .append(-e * 0.25).append(',').append(e % 2).append('\n');
        }
        Path file = dir.resolve("rows" + rows + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
