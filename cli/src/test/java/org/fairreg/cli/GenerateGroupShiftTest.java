package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.fairreg.data.GroupShiftRegression;
import org.fairreg.data.GroupShiftSettings;
import org.fairreg.data.Splits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fairreg generate --kind group-shift}: the file holds the library's numbers exactly (they
 * are written in shortest round-trip form), the options reach the generator, and options of the
 * other kind or bad values are usage errors naming the option.
 */
@ExtendWith(StrayOutputGuard.class)
class GenerateGroupShiftTest {

    @Test
    void groupShiftWithDefaultsWritesTheLibraryDataExactly(@TempDir Path folder) throws IOException {
        Path all = folder.resolve("all.csv");

        Fairreg.Run run = Fairreg.run("generate", "--kind", "group-shift", "--out", all.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("20000 rows x 10 features in 2 groups (0: ", "written to");
        GroupShiftRegression expected = GroupShiftRegression.generate(GroupShiftSettings.defaults());
        assertRowsEqual(all, expected, everyRow(expected.exampleCount()));
    }

    @Test
    void groupShiftOptionsReachTheGenerator(@TempDir Path folder) throws IOException {
        Path all = folder.resolve("all.csv");

        Fairreg.Run run = Fairreg.run("generate", "--kind", "group-shift", "--out", all.toString(), "-q",
                "--samples", "300", "--features", "3", "--noise", "0.5", "--seed", "9", "--shares", "0.6,0.3,0.1",
                "--shift", "1.5", "--curvature", "0.25", "--noise-ratio", "4");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        GroupShiftSettings settings = GroupShiftSettings.defaults().withExampleCount(300).withFeatureCount(3)
                .withNoise(0.5).withSeed(9).withShares(0.6, 0.3, 0.1).withShift(1.5).withCurvature(0.25)
                .withNoiseRatio(4.0);
        assertRowsEqual(all, GroupShiftRegression.generate(settings), everyRow(300));
    }

    /**
     * Typed shares replace the default ones. Before, picocli appended them to the default of the
     * option inside its argument group, so {@code --shares 0.5,0.5} became four shares summing to 2.
     */
    @Test
    void typedSharesReplaceTheDefaultShares(@TempDir Path folder) throws IOException {
        Path all = folder.resolve("all.csv");

        Fairreg.Run run = Fairreg.run("generate", "--kind", "group-shift", "--out", all.toString(),
                "--samples", "50", "--shares", "0.5,0.5");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("in 2 groups");
    }

    @Test
    void groupShiftWithSplitsDirWritesTheSplitsTrainUses(@TempDir Path folder) throws IOException {
        Path splits = Files.createDirectory(folder.resolve("splits"));

        Fairreg.Run run = Fairreg.run("generate", "--kind", "group-shift",
                "--out", folder.resolve("all.csv").toString(), "--samples", "200", "--splits-dir", splits.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        GroupShiftRegression expected = GroupShiftRegression.generate(
                GroupShiftSettings.defaults().withExampleCount(200));
        Splits parts = Splits.threeWay(200, 0.5, 0.2, 42);
        assertRowsEqual(splits.resolve("train.csv"), expected, parts.train());
        assertRowsEqual(splits.resolve("val.csv"), expected, parts.validation());
        assertRowsEqual(splits.resolve("test.csv"), expected, parts.test());
    }

    @Test
    void explicitRecipeKindWritesTheSameBytesAsTheDefault(@TempDir Path folder) throws IOException {
        Path implicit = folder.resolve("implicit.csv");
        Path explicit = folder.resolve("explicit.csv");

        Fairreg.run("generate", "--out", implicit.toString(), "--samples", "100", "-q");
        Fairreg.Run run = Fairreg.run("generate", "--kind", "recipe", "--out", explicit.toString(), "--samples", "100");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.errLines()).containsExactly("100 rows x 10 features written to " + explicit);
        assertThat(Files.readAllBytes(explicit)).isEqualTo(Files.readAllBytes(implicit));
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of("unknown kind", List.of("--kind", "shifted"),
                        List.of("--kind", "'shifted'", "recipe", "group-shift")),
                Arguments.of("shares with the recipe kind", List.of("--shares", "0.5,0.5"),
                        List.of("--shares", "group-shift")),
                Arguments.of("shift with the recipe kind", List.of("--kind", "recipe", "--shift", "1"),
                        List.of("--shift", "group-shift")),
                Arguments.of("groups with the group-shift kind", List.of("--kind", "group-shift", "--groups", "3"),
                        List.of("--groups", "recipe", "--shares")),
                Arguments.of("negative shift", List.of("--kind", "group-shift", "--shift", "-1"),
                        List.of("--shift", "-1")),
                Arguments.of("one share", List.of("--kind", "group-shift", "--shares", "1"),
                        List.of("--shares", "at least 2")),
                Arguments.of("shares not summing to 1", List.of("--kind", "group-shift", "--shares", "0.5,0.4"),
                        List.of("--shares", "sum to 1", "[0.5, 0.4]")),
                Arguments.of("negative noise ratio", List.of("--kind", "group-shift", "--noise-ratio", "-2"),
                        List.of("--noise-ratio", "-2")),
                Arguments.of("zero samples", List.of("--kind", "group-shift", "--samples", "0"),
                        List.of("--samples", "0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void badCommandLineIsAUsageErrorNamingTheOptionAndWritesNothing(
            String problem,
            List<String> options,
            List<String> named,
            @TempDir Path folder) {
        Path all = folder.resolve("all.csv");
        String[] args = Fairreg.concat(new String[] {"generate", "--out", all.toString()},
                options.toArray(String[]::new));

        Fairreg.Run run = Fairreg.run(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("fairreg generate: ").contains(named);
        assertThat(run.errLines().get(1)).isEqualTo("Try 'fairreg generate --help'.");
        assertThat(all).doesNotExist();
    }

    /**
     * Checks that a written file has the usual header and, line by line, the given examples of
     * the generated data, every number read back equal to the generated {@code double}.
     */
    private static void assertRowsEqual(Path written, GroupShiftRegression data, int[] rows) throws IOException {
        List<String> lines = Files.readAllLines(written, StandardCharsets.UTF_8);
        int featureCount = data.featureCount();
        StringBuilder header = new StringBuilder();
        for (int f = 0; f < featureCount; f++) {
            header.append('x').append(f).append(',');
        }
        assertThat(lines.get(0)).isEqualTo(header + "y,g");
        assertThat(lines).hasSize(rows.length + 1);
        double[][] features = data.features();
        double[] targets = data.targets();
        int[] groups = data.groups();
        for (int line = 1; line < lines.size(); line++) {
            String[] fields = lines.get(line).split(",");
            int e = rows[line - 1];
            String where = written.getFileName() + ":" + (line + 1);
            for (int f = 0; f < featureCount; f++) {
                assertThat(Double.parseDouble(fields[f])).as("x%d at %s", f, where).isEqualTo(features[f][e]);
            }
            assertThat(Double.parseDouble(fields[featureCount])).as("y at %s", where).isEqualTo(targets[e]);
            assertThat(Integer.parseInt(fields[featureCount + 1])).as("g at %s", where).isEqualTo(groups[e]);
        }
    }

    private static int[] everyRow(int count) {
        int[] rows = new int[count];
        for (int e = 0; e < count; e++) {
            rows[e] = e;
        }
        return rows;
    }
}
