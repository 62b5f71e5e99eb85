package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairreg train --checkpoint} and {@code --resume}: a run stopped by SIGTERM in a child JVM,
 * or cut after a periodic checkpoint, resumes to the model file of a run never stopped, byte for
 * byte; and the ways a resume can be misused are refused plainly.
 */
@ExtendWith(StrayOutputGuard.class)
class CheckpointCommandTest {

    /** Long enough that the child is still training when the first checkpoint appears. */
    private static final List<String> LONG_RUN = List.of("train", "--epochs", "150", "--patience", "1000",
            "--hidden", "32,32", "--no-audit", "-q");

    @TempDir
    Path dir;

    @Test
    void aRunStoppedBySigtermResumesToTheModelOfAnUnstoppedRun() throws Exception {
        Path checkpoint = dir.resolve("run.ckpt");
        Path resumedModel = dir.resolve("resumed.json");
        List<String> command = new ArrayList<>(LONG_RUN);
        command.addAll(List.of("--checkpoint", checkpoint.toString(), "--model-out", resumedModel.toString()));
        Path childErr = dir.resolve("child.err");
        Process child = childJvm(command).redirectError(childErr.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("the child was still training at its first checkpoint").isTrue();
            child.destroy();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        String err = Files.readString(childErr, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(err).isEqualTo(143);
        assertThat(err).containsPattern("fairreg train: stopped at epoch \\d+, before step \\d+ of the epoch; "
                + "checkpoint saved to .*run\\.ckpt; continue with: fairreg train --resume .*run\\.ckpt");
        assertThat(resumedModel).doesNotExist();

        Fairreg.Run resumed = Fairreg.run("train", "--resume", checkpoint.toString(), "-q");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        Path wholeModel = dir.resolve("whole.json");
        List<String> whole = new ArrayList<>(LONG_RUN);
        whole.addAll(List.of("--model-out", wholeModel.toString()));
        assertThat(Fairreg.run(whole.toArray(String[]::new)).exitCode()).isZero();
        assertThat(Files.readAllBytes(resumedModel)).isEqualTo(Files.readAllBytes(wholeModel));
    }

    @Test
    void aPeriodicCheckpointResumesToTheSameModelAndHistory() throws IOException {
        Path checkpoint = dir.resolve("every2.ckpt");
        List<String> run = List.of("train", "--epochs", "5", "--patience", "100", "--hidden", "16", "--no-audit");
        Fairreg.Run first = train(run, "--checkpoint", checkpoint.toString(), "--checkpoint-every", "2",
                "--model-out", dir.resolve("a.json").toString(), "--history", dir.resolve("a.csv").toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        byte[] uninterrupted = Files.readAllBytes(dir.resolve("a.json"));
        Files.delete(dir.resolve("a.json"));

        Fairreg.Run resumed = Fairreg.run("train", "--resume", checkpoint.toString(), "--threads", "1");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("a.json"))).isEqualTo(uninterrupted);
        assertThat(Files.readAllLines(dir.resolve("a.csv"))).hasSize(1 + 5);
        assertThat(resumed.err()).contains("resume     " + checkpoint + ": epoch 5, at its start");
    }

    @Test
    void optionsBesideResumeAreRefusedAndBadCheckpointsNamed() throws IOException {
        Fairreg.Run withLambda = Fairreg.run("train", "--resume", dir.resolve("x.ckpt").toString(), "--lambda", "2");
        assertThat(withLambda.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withLambda.err()).contains("option '--lambda' cannot be given with '--resume': the run continues "
                + "with the options it started with");

        Fairreg.Run missing = Fairreg.run("train", "--resume", dir.resolve("x.ckpt").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("x.ckpt", "does not exist");

        Path model = dir.resolve("m.json");
        Fairreg.Run same = Fairreg.run("train", "--checkpoint", model.toString(), "--model-out", model.toString());
        assertThat(same.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(same.err()).contains("option '--checkpoint'", "is the same file as the output of --model-out");
    }

    @Test
    void aCheckpointOfOtherDataIsRefused() throws IOException {
        Path csv = dir.resolve("shift.csv");
        assertThat(Fairreg.run("generate", "--kind", "group-shift", "--samples", "600", "--out", csv.toString(),
                "--quiet").exitCode()).isZero();
        Path checkpoint = dir.resolve("c.ckpt");
        assertThat(train(List.of("train", "--data", csv.toString(), "--epochs", "3", "--hidden", "8", "-q"),
                "--checkpoint", checkpoint.toString()).exitCode()).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.remove(lines.size() - 1);
        Files.write(csv, lines);

        Fairreg.Run resumed = Fairreg.run("train", "--resume", checkpoint.toString());

        assertThat(resumed.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(resumed.err()).contains("the checkpoint was made on other data");
    }

    private static Fairreg.Run train(List<String> run, String... more) {
        List<String> args = new ArrayList<>(run);
        args.addAll(List.of(more));
        return Fairreg.run(args.toArray(String[]::new));
    }

    /** The fairreg command in a JVM of its own, with the test's class path and kernels. */
    private static ProcessBuilder childJvm(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FairregCommand.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .directory(new File(System.getProperty("user.dir")));
    }
}
