package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fairreg.train.FittedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process while it writes model files over one another, and checks that the file left
 * at the path is always one of the two models, complete: the property {@link AtomicFiles}
 * exists for. The kills come after different delays, so that they land in different phases of
 * a write (serializing, writing the temporary file, forcing it to disk, renaming); the test
 * asserts nothing about which phase each one hit, only what is left.
 */
class ModelFileKillTest {

    /** Delays after the child's first complete write, spread over a write's duration. */
    private static final long[] KILL_DELAYS_MILLIS = {0, 7, 19, 41, 83, 137, 211, 307};
    /** How long the child may take to start and finish its first write on a loaded machine. */
    private static final long START_LIMIT_MILLIS = 60_000;
    private static final long POLL_MILLIS = 5;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    void killedWriterLeavesTheOldModelOrTheNewOneCompleteNeverAPart() throws Exception {
        FittedModel first = ModelFixtures.model(AlternatingModelWriter.HIDDEN_SIZES, AlternatingModelWriter.FIRST_SEED);
        FittedModel second = ModelFixtures.model(AlternatingModelWriter.HIDDEN_SIZES,
                AlternatingModelWriter.SECOND_SEED);
        byte[] firstBytes = ModelFile.toJson(first);
        byte[] secondBytes = ModelFile.toJson(second);
        Path target = dir.resolve("model.json");

        for (int round = 0; round < KILL_DELAYS_MILLIS.length; round++) {
            killDuringWrites(target, round);

            byte[] left = Files.readAllBytes(target);
            boolean isFirst = Arrays.equals(left, firstBytes);
            assertThat(isFirst || Arrays.equals(left, secondBytes))
                    .as("round %d: the file holds %d bytes, equal to neither model (%d and %d bytes)",
                            round, left.length, firstBytes.length, secondBytes.length)
                    .isTrue();
            assertThat(ModelFile.read(target).network().parameters())
                    .as("round %d", round)
                    .isEqualTo((isFirst ? first : second).network().parameters());
        }
        assertThat(otherFilesThan(target))
                .as("besides the model, only the writer's temporary files may be left")
                .allMatch(AtomicFiles::isTemporary);
    }

    /** Starts the writer, waits for its first complete write, lets it run on, then kills it. */
    private void killDuringWrites(Path target, int round) throws IOException, InterruptedException {
        Path marker = logs.resolve("started-" + round);
        Path log = logs.resolve("writer-" + round + ".log");
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AlternatingModelWriter.class.getName(), target.toString(), marker.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long waited = 0;
            while (!Files.exists(marker)) {
                if (!writer.isAlive() || waited > START_LIMIT_MILLIS) {
                    fail("round " + round + ": the writer did not complete a first write; its output:\n"
                            + Files.readString(log));
                }
                Thread.sleep(POLL_MILLIS);
                waited += POLL_MILLIS;
            }
            Thread.sleep(KILL_DELAYS_MILLIS[round]);
        } finally {
            writer.destroyForcibly();
            writer.waitFor(START_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        assertThat(writer.isAlive()).as("round %d: the writer is still running", round).isFalse();
    }

    private List<Path> otherFilesThan(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target.getParent())) {
            return new ArrayList<>(files.filter(file -> !file.equals(target)).collect(Collectors.toList()));
        }
    }
}
