package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too large for the heap fails before it is read, with the estimate and the heap, rather
 * than with an OutOfMemoryError: {@code fairreg train} runs in a JVM of its own with a 16 MiB heap
 * on a file whose data alone takes about 30 MiB.
 */
class HeapCheckTest {

    private static final int ROWS = 300_000;
    private static final String HEAP = "-Xmx16m";
    /** Generous: the child JVM starts and reads a few lines of the file. */
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void fileLargerThanTheHeapFailsAtOnceStatingNeedAndHeap(@TempDir Path folder)
            throws IOException, InterruptedException {
        Path data = folder.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            out.write("x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,y,g\n");
            for (int row = 0; row < ROWS; row++) {
                out.write(row % 10 + ",1,2,3,4,5,6,7,8,9," + row % 7 + "," + row % 2 + "\n");
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
                FairregCommand.class.getName(), "train", "--data", data.toString(), "--quiet")
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        List<String> err = Files.readAllLines(folder.resolve("err.txt"));

        assertThat(process.exitValue()).as(String.join("\n", err)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err).as("standard error").hasSize(1);
        assertThat(err.get(0))
                .startsWith("fairreg train: error: " + data + ": reading and training on it needs an estimated ")
                .containsPattern("about \\d+ rows of 10 feature values")
                .containsPattern("but \\d+ MiB of the 16 MiB maximum heap are available")
                .contains("FAIRREG_JAVA_OPTS=-Xmx");
        assertThat(Files.readString(folder.resolve("out.txt"))).isEmpty();
    }

    /** evaluate and predict read a whole file too: the same check, before reading. */
    @Test
    void evaluateAndPredictCheckTheHeapBeforeReading(@TempDir Path folder) throws IOException, InterruptedException {
        Path model = folder.resolve("m.json");
        Fairreg.Run trained = Fairreg.run("train", "--epochs", "1", "--hidden", "4", "--no-audit", "-q",
                "--model-out", model.toString());
        assertThat(trained.exitCode()).as(trained.toString()).isZero();
        Path data = folder.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            out.write("x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,y,g\n");
            for (int row = 0; row < ROWS; row++) {
                out.write(row % 10 + ",1,2,3,4,5,6,7,8,9," + row % 7 + "," + row % 2 + "\n");
            }
        }
        for (String command : List.of("evaluate", "predict")) {
            List<String> args = new ArrayList<>(List.of(command, "--model", model.toString(), "--data",
                    data.toString(), "--quiet"));
            if (command.equals("predict")) {
                args.addAll(List.of("--out", folder.resolve("p.csv").toString()));
            }
            List<String> err = runChild(folder, args);
            assertThat(err).as(command).hasSize(1);
            assertThat(err.get(0)).startsWith("fairreg " + command + ": error: " + data
                    + ": reading and predicting it needs an estimated ").contains("of the 16 MiB maximum heap");
        }
        assertThat(folder.resolve("p.csv")).doesNotExist();
    }

    private static List<String> runChild(Path folder, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-cp", System.getProperty("java.class.path"), FairregCommand.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(folder.resolve("child.err").toFile()).start();
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCodes.FAILURE);
        return Files.readAllLines(folder.resolve("child.err"));
    }
}
