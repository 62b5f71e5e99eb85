package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command lines: exit code 2, a one-line reason naming the option and the value as typed
 * (STYLE section 7), then where to find help; nothing printed to standard output and no training
 * started.
 */
@ExtendWith(StrayOutputGuard.class)
class UsageErrorTest {

    private static final String DATA_CONTENT = "x0,y,g\n1,2,0\n3,4,1\n5,6,0\n";

    static Stream<Arguments> badTrainOptions() {
        return Stream.of(
                Arguments.of("unknown option", List.of("--bogus"), List.of("--bogus")),
                Arguments.of("unknown objective", List.of("--objective", "foo"),
                        List.of("--objective", "'foo'", "mse", "gap", "penalized")),
                Arguments.of("batch size 0", List.of("--batch-size", "0"), List.of("--batch-size", "0")),
                Arguments.of("negative lambda", List.of("--lambda", "-1"), List.of("--lambda", "-1")),
                Arguments.of("hidden size not a number", List.of("--hidden", "64,x"),
                        List.of("--hidden", "'x'")),
                Arguments.of("an option of a group given twice, which used to drop the group's other options",
                        List.of("--epochs", "1", "--lambda", "2", "--epochs=3"),
                        List.of("option '--epochs' is given more than once")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTrainOptions")
    void trainWithBadOptionIsAUsageErrorNamingIt(String problem, List<String> options, List<String> named) {
        Fairreg.Run run = Fairreg.run(Fairreg.concat(new String[] {"train"}, options.toArray(String[]::new)));

        assertUsageError(run, "train");
        assertThat(run.errLines().get(0)).contains(named);
    }

    /** The root command's own usage errors name it once ("fairreg: ...", not "fairreg fairreg: ..."). */
    @Test
    void fairregWithUnknownOptionIsAUsageErrorPointingAtFairregHelp() {
        Fairreg.Run run = Fairreg.run("--bogus");

        assertUsageError(run, "");
        assertThat(run.errLines().get(0)).contains("--bogus");
    }

    @Test
    void trainWithModelOutEqualToDataIsAUsageErrorAndLeavesTheDataAlone(@TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), DATA_CONTENT, StandardCharsets.UTF_8);

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, "--model-out", data.toString()));

        assertUsageError(run, "train");
        assertThat(run.errLines().get(0)).contains("--model-out", "input");
        assertThat(data).hasContent(DATA_CONTENT);
    }

    @Test
    void trainWithModelOutSpellingTheDataPathDifferentlyIsAUsageError(@TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), DATA_CONTENT, StandardCharsets.UTF_8);
        Path sameFile = folder.resolve("elsewhere").resolve("..").resolve("data.csv");

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, "--model-out", sameFile.toString()));

        assertUsageError(run, "train");
        assertThat(run.errLines().get(0)).contains("--model-out", "input");
        assertThat(data).hasContent(DATA_CONTENT);
    }

    /**
     * @param subcommand the subcommand's name, or "" for the root command
     */
    private static void assertUsageError(Fairreg.Run run, String subcommand) {
        String command = subcommand.isEmpty() ? "fairreg" : "fairreg " + subcommand;
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.errLines()).as(run.toString()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith(command + ": ");
        assertThat(run.errLines().get(1)).isEqualTo("Try '" + command + " --help'.");
    }
}
