package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fairreg train --data F} on files it must refuse: one error line naming
 * {@code file:line:column:} (the column where the problem is a cell, no line where it is the whole
 * file, as {@code CsvDataReader} documents), a failing exit code, no report, and no output file.
 */
@ExtendWith(StrayOutputGuard.class)
class BadInputTest {

    private static final String HEADER = "x0,x1,y,g\n";
    private static final String GOOD_ROW = "1.5,-2,3.25,0\n";

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("missing target column", "x0,x1,z,g\n" + GOOD_ROW, ":1: "),
                Arguments.of("non-numeric target", HEADER + GOOD_ROW + "4,5,abc,1\n", ":3:3: "),
                Arguments.of("non-numeric feature", HEADER + GOOD_ROW + "4,abc,6,1\n", ":3:2: "),
                Arguments.of("NaN feature", HEADER + GOOD_ROW + "NaN,5,6,1\n", ":3:1: "),
                Arguments.of("infinite feature in the first row", HEADER + "-inf,5,6,1\n" + GOOD_ROW, ":2:1: "),
                Arguments.of("empty cell", HEADER + GOOD_ROW + "4,,6,1\n", ":3:2: "),
                Arguments.of("NA cell", HEADER + GOOD_ROW + "4,5,6,NA\n", ":3:4: "),
                Arguments.of("NaN", HEADER + GOOD_ROW + "4,5,NaN,1\n", ":3:3: "),
                Arguments.of("Infinity", HEADER + GOOD_ROW + "4,5,Infinity,1\n", ":3:3: "),
                Arguments.of("feature beyond float range", HEADER + GOOD_ROW + "1e39,5,6,1\n", ":3:1: "),
                Arguments.of("row with too few fields", HEADER + GOOD_ROW + "4,5,6\n", ":3:4: "),
                Arguments.of("row with too many fields", HEADER + GOOD_ROW + "4,5,6,1,7\n", ":3:5: "),
                Arguments.of("header and no rows", HEADER, ": "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void trainOnBadFileFailsWithOneLocatedErrorAndWritesNothing(String problem, String content,
            String location, @TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("bad.csv"), content, StandardCharsets.UTF_8);

        assertFailsWithOneErrorAt(data, location, folder);
    }

    @Test
    void trainOnMissingDataFileFailsWithOneErrorNamingItAndWritesNothing(@TempDir Path folder)
            throws IOException {
        assertFailsWithOneErrorAt(folder.resolve("absent.csv"), ": ", folder);
    }

    /**
     * @param location what follows the file name in the error: {@code :line:column: },
     *        {@code :line: } or {@code : }
     */
    private static void assertFailsWithOneErrorAt(Path data, String location, Path folder) throws IOException {
        Path model = folder.resolve("m.json");
        Path report = folder.resolve("r.json");

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(Fairreg.SHORT_RUN,
                "--model-out", model.toString(), "--report-json", report.toString())));

        assertThat(run.exitCode()).as(run.toString()).isIn(ExitCodes.FAILURE, ExitCodes.USAGE);
        assertThat(run.errLines()).as(run.toString()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("fairreg train: ").contains(data + location);
        assertThat(run.out()).doesNotContain("report").doesNotContain("overall");
        assertThat(model).doesNotExist();
        assertThat(report).doesNotExist();
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).as("files left in the output folder").allMatch(data::equals);
        }
    }
}
