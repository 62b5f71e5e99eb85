package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} and {@code --version} of fairreg and of every subcommand. */
@ExtendWith(StrayOutputGuard.class)
class HelpAndVersionTest {

    /** A version such as 0.1.0 or 0.1.0-SNAPSHOT. */
    private static final Pattern VERSION_LINE = Pattern.compile("fairreg \\d+\\.\\d+\\.\\d+\\S*");

    @ParameterizedTest(name = "fairreg {0} --help")
    @ValueSource(strings = {"", "generate", "train", "sweep", "evaluate", "predict", "export"})
    void helpExitsZeroWithAnExampleAndTheExitCodes(String subcommand) {
        Fairreg.Run run = Fairreg.run(args(subcommand, "--help"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: fairreg" + (subcommand.isEmpty() ? "" : " " + subcommand));
        String example = subcommand.isEmpty() ? "  fairreg train" : "  fairreg " + subcommand;
        assertThat(run.outLines()).as("an example invocation").anyMatch(line -> line.startsWith(example));
        assertThat(run.out()).contains("Exit codes:");
        assertThat(run.outLines()).anyMatch(line -> line.matches("\\s+0\\s+success.*"));
        assertThat(run.outLines()).anyMatch(line -> line.matches("\\s+1\\s+failure.*"));
        assertThat(run.outLines()).anyMatch(line -> line.matches("\\s+2\\s+bad usage.*"));
    }

    @ParameterizedTest(name = "fairreg {0} --version")
    @ValueSource(strings = {"", "generate", "train", "sweep", "evaluate", "predict", "export"})
    void versionExitsZeroNamingFairregAndItsVersion(String subcommand) {
        Fairreg.Run run = Fairreg.run(args(subcommand, "--version"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(0)).matches(VERSION_LINE);
    }

    private static String[] args(String subcommand, String option) {
        return subcommand.isEmpty() ? new String[] {option} : new String[] {subcommand, option};
    }
}
