package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap estimate made before a file is read: rows counted or extrapolated from the file's
 * start, values per row from the columns used, copies as the class documentation counts them, and
 * a one-line refusal stating the need and the heap when the heap is too small.
 */
class TrainingMemoryTest {

    private static final long MIB = 1024L * 1024L;
    /** The extrapolated row count is off by the spread of line lengths; the rows here differ little. */
    private static final double ROW_ESTIMATE_TOLERANCE = 0.02;

    @TempDir
    Path dir;

    @Test
    void bytesPerRowIsTheLargestOfReadingSplittingAndTraining() {
        // 10 features: a read holds 52 bytes a row; splitting holds two of it, 104; training with
        // all rows in the training part holds 52 + 84 = 136.
        assertThat(TrainingMemory.bytesPerRow(10, 0.0, 0.0)).isEqualTo(104.0);
        assertThat(TrainingMemory.bytesPerRow(10, 1.0, 0.0)).isEqualTo(136.0);
        assertThat(TrainingMemory.bytesPerRow(10, 0.4, 0.1)).isEqualTo(104.0);
        assertThat(TrainingMemory.bytesPerRow(10, 0.8, 0.2)).isEqualTo(52.0 + 0.8 * 84 + 0.2 * 40);
    }

    @Test
    void smallFileIsCountedExactlyWithEveryOtherColumnAsFeature() throws IOException {
        Path file = CsvFixtures.write(dir, "small.csv", "a,b,c,y,g\n1,2,3,4,x\n5,6,7,8,y\n9,10,11,12,z");

        TrainingMemory memory = TrainingMemory.estimate(file, ColumnSelection.of("y", "g"), 1.0, 0.0);

        assertThat(memory.rows()).isEqualTo(3);
        assertThat(memory.bytes()).isEqualTo((long) (3 * TrainingMemory.bytesPerRow(3, 1.0, 0.0)));
    }

    @Test
    void namedFeaturesAndGroupAsFeatureSetTheValuesPerRow() throws IOException {
        Path file = CsvFixtures.write(dir, "named.csv", "a,b,c,y,g\n1,2,3,4,x\n");

        TrainingMemory memory = TrainingMemory.estimate(file, ColumnSelection.of("y", "g")
                .withFeatures(List.of("a")).withGroupAsFeature(true), 1.0, 0.0);

        assertThat(memory.bytes()).isEqualTo((long) TrainingMemory.bytesPerRow(2, 1.0, 0.0));
    }

    @Test
    void largeFileRowsAreExtrapolatedFromItsStart() throws IOException {
        Path file = dir.resolve("large.csv");
        int rows = 200_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("x,y,g\n");
            for (int row = 0; row < rows; row++) {
                out.write(row % 1000 + ".25," + row % 10 + ",g" + row % 3 + "\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(TrainingMemory.SAMPLE_BYTES);

        TrainingMemory memory = TrainingMemory.estimate(file, ColumnSelection.of("y", "g"), 0.5, 0.2);

        assertThat((double) memory.rows()).isCloseTo(rows, org.assertj.core.data.Percentage.withPercentage(
                100 * ROW_ESTIMATE_TOLERANCE));
    }

    @Test
    void tooSmallAHeapFailsWithTheNeedTheHeapAndHowToRaiseIt() throws IOException {
        Path file = CsvFixtures.write(dir, "need.csv", "x,y,g\n1,2,a\n3,4,b\n");
        TrainingMemory memory = TrainingMemory.estimate(file, ColumnSelection.of("y", "g"), 1.0, 0.0);

        DataException error = assertThrows(DataException.class,
                () -> memory.requireAvailable(memory.bytes() - 1, 16 * MIB, "JAVA_OPTS=%1$s run"));

        assertThat(error.getMessage()).isEqualTo(file + ": reading and training on it needs an estimated 0 MiB of "
                + "heap (about 2 rows of 1 feature values, a target and a group), but 0 MiB of the 16 MiB maximum "
                + "heap are available; expected a larger heap, such as -Xmx64m: JAVA_OPTS=-Xmx64m run");
        assertThat(error.line()).isEmpty();
    }

    @Test
    void heapAsLargeAsTheEstimateIsEnough() throws IOException {
        Path file = CsvFixtures.write(dir, "fits.csv", "x,y,g\n1,2,a\n");
        TrainingMemory memory = TrainingMemory.estimate(file, ColumnSelection.of("y", "g"), 1.0, 0.0);

        assertThatCode(() -> memory.requireAvailable(memory.bytes(), memory.bytes(), "%1$s"))
                .doesNotThrowAnyException();
    }

    @Test
    void suggestedHeapIsHalfAsLargeAgainInWholeGibibytesOrSixtyFourMebibyteSteps() {
        assertThat(TrainingMemory.suggestedHeap(40 * MIB)).isEqualTo("-Xmx64m");
        assertThat(TrainingMemory.suggestedHeap(100 * MIB)).isEqualTo("-Xmx192m");
        assertThat(TrainingMemory.suggestedHeap(3L * 1024 * MIB)).isEqualTo("-Xmx5g");
    }

    @Test
    void headerProblemsAreReportedAsReadingWouldReportThem() throws IOException {
        Path file = CsvFixtures.write(dir, "dup.csv", "x,x,y,g\n1,2,3,a\n");

        CsvFixtures.assertCellError(() -> TrainingMemory.estimate(file, ColumnSelection.of("y", "g"), 1.0, 0.0),
                file, 1, 2, "column name 'x' repeats column 1; expected distinct column names");
    }
}
