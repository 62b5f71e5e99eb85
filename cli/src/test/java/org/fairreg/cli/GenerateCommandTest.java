package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairreg generate} with its defaults against the seed files numpy wrote
 * ({@code core/src/test/resources/seed/}, made by {@code make_seed_data.py}; regenerate only on
 * purpose).
 */
@ExtendWith(StrayOutputGuard.class)
class GenerateCommandTest {

    /**
     * Relative difference allowed between a written number and numpy's. Features differ by a few
     * units in the last place and targets by about 1e-12 (numpy sums the linear model in another
     * order); 1e-9 leaves a wide margin while a value from the wrong draw or row still fails.
     */
    private static final double SEED_RELATIVE_TOLERANCE = 1e-9;

    /** The seed folder, as seen from the cli module (Maven's working directory) or the root. */
    private static final List<String> SEED_FOLDER_CANDIDATES = List.of(
            "../core/src/test/resources/seed", "core/src/test/resources/seed");

    @Test
    void generateWithDefaultsWritesTheSeedFile(@TempDir Path folder) throws IOException {
        Path all = folder.resolve("all.csv");

        Fairreg.Run run = Fairreg.run("generate", "--out", all.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertMatchesSeed(all, "all.csv.gz");
    }

    @Test
    void generateWithSplitsDirWritesTheSeedSplitsInSeedRowOrder(@TempDir Path folder) throws IOException {
        Path splits = Files.createDirectory(folder.resolve("splits"));

        Fairreg.Run run = Fairreg.run("generate", "--out", folder.resolve("all.csv").toString(),
                "--splits-dir", splits.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertMatchesSeed(splits.resolve("train.csv"), "train.csv.gz");
        assertMatchesSeed(splits.resolve("val.csv"), "val.csv.gz");
        assertMatchesSeed(splits.resolve("test.csv"), "test.csv.gz");
    }

    @Test
    void generateMakesASplitsFolderThatDoesNotExistYet(@TempDir Path folder) {
        Path splits = folder.resolve("absent").resolve("splits");

        Fairreg.Run run = Fairreg.run("generate", "--out", folder.resolve("all.csv").toString(),
                "--splits-dir", splits.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(splits.resolve("train.csv")).isRegularFile();
        assertThat(splits.resolve("val.csv")).isRegularFile();
        assertThat(splits.resolve("test.csv")).isRegularFile();
        assertThat(run.errLines()).containsExactly("20000 rows x 10 features written to " + folder.resolve("all.csv")
                + ", " + splits.resolve("train.csv") + ", " + splits.resolve("val.csv") + " and "
                + splits.resolve("test.csv"));
    }

    @Test
    void generateWithSplitsDirOnAFileIsAUsageErrorAndWritesNothing(@TempDir Path folder) throws IOException {
        Path all = folder.resolve("all.csv");
        Path file = Files.writeString(folder.resolve("file"), "not a folder");

        Fairreg.Run run = Fairreg.run("generate", "--out", all.toString(), "--splits-dir", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).contains("--splits-dir", "is not a folder");
        assertThat(run.errLines().get(1)).isEqualTo("Try 'fairreg generate --help'.");
        assertThat(all).doesNotExist();
    }

    /**
     * Compares a written CSV file with a seed file: the same header, the same number of rows in
     * the same order, every number within {@link #SEED_RELATIVE_TOLERANCE}, the group column
     * identical as text.
     */
    private static void assertMatchesSeed(Path written, String seedName) throws IOException {
        List<String> expected = readGzipLines(seedFolder().resolve(seedName));
        List<String> actual = Files.readAllLines(written, StandardCharsets.UTF_8);

        assertThat(actual).as("lines of %s", written.getFileName()).isNotEmpty();
        assertThat(actual.get(0)).as("header of %s", written.getFileName()).isEqualTo(expected.get(0));
        assertThat(actual).as("lines of %s", written.getFileName()).hasSameSizeAs(expected);
        int groupColumn = expected.get(0).split(",").length - 1;
        for (int line = 1; line < expected.size(); line++) {
            String[] want = expected.get(line).split(",");
            String[] got = actual.get(line).split(",");
            String where = written.getFileName() + ":" + (line + 1);
            assertThat(got).as("fields at %s", where).hasSameSizeAs(want);
            assertThat(got[groupColumn]).as("group at %s", where).isEqualTo(want[groupColumn]);
            for (int c = 0; c < groupColumn; c++) {
                double a = Double.parseDouble(got[c]);
                double b = Double.parseDouble(want[c]);
                if (Math.abs(a - b) > SEED_RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
                    fail("%s:%d: wrote %s, the seed has %s", where, c + 1, got[c], want[c]);
                }
            }
        }
    }

    private static Path seedFolder() {
        Path here = Path.of(System.getProperty("user.dir"));
        for (String candidate : SEED_FOLDER_CANDIDATES) {
            Path folder = here.resolve(candidate).normalize();
            if (Files.isDirectory(folder)) {
                return folder;
            }
        }
        throw new IllegalStateException("no seed folder " + SEED_FOLDER_CANDIDATES + " under " + here);
    }

    private static List<String> readGzipLines(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
