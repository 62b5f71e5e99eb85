package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.fairreg.data.Dataset;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.GroupLabels;
import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.GroupAudit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

@ExtendWith(StrayOutputGuard.class)
class AuditOptionsTest {

    /**
     * Sets the log level as every command does before it touches the library. These tests call
     * the library directly, and the first logger made fixes the level for the whole test run:
     * made here at the binding's default, INFO, it would let the training log of later command
     * tests through to the console.
     */
    @BeforeAll
    static void configureLoggingAsCommandsDo() {
        new LoggingOptions().configure();
    }

    /** A command holding nothing but the mixin, as train and evaluate hold it. */
    @Command(name = "probe", sortOptions = false, mixinStandardHelpOptions = true)
    static final class Probe implements Callable<Integer> {
        @Mixin
        AuditOptions audit;

        @Override
        public Integer call() {
            return ExitCodes.OK;
        }
    }

    @Test
    void noOptionGivesTheDefaults() {
        Probe probe = parse();

        assertThat(probe.audit.settings()).contains(AuditSettings.defaults());
    }

    @Test
    void everyOptionSetsItsSetting() {
        Probe probe = parse("--confidence", "0.9", "--resamples", "200", "--permutations", "300", "--audit-seed", "7",
                "--small-group-rows", "5");

        assertThat(probe.audit.settings()).contains(new AuditSettings(0.9, 200, 300, 7, 5));
    }

    @Test
    void noAuditSkipsTheAudit() {
        Probe probe = parse("--no-audit", "--resamples", "200");

        assertThat(probe.audit.settings()).isEmpty();
        assertThat(probe.audit.run(smallData(), new double[] {1, 2, 3, 4})).isEmpty();
    }

    @Test
    void runAuditsWithTheParsedSettings() {
        Probe probe = parse("--resamples", "100", "--permutations", "100", "--audit-seed", "3");
        Dataset data = smallData();
        double[] predictions = {1.5, 2.5, 2, 6};

        Optional<GroupAudit> audit = probe.audit.run(data, predictions);

        assertThat(audit).contains(GroupAudit.of(data.targets(), predictions, data.groupCodes(), data.groups(),
                new AuditSettings(0.95, 100, 100, 3, 30)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--confidence, 1.5, level must be in (0, 1)",
        "--confidence, 2, level must be in (0, 1)",
        "--resamples, 0, resamples must be in [1, 1000000]",
        "--permutations, 2000000, permutations must be in [1, 1000000]",
        "--audit-seed, -1, seed must be in [0, 4294967295]",
        "--small-group-rows, -1, minGroupRows must be at least 0"
    })
    void valueOutOfRangeIsAUsageErrorNamingTheOptionAndTheValue(String option, String value, String rule) {
        assertThatThrownBy(() -> parse(option, value))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("Invalid value for option '" + option + "': '" + value + "': ")
                .hasMessageContaining(rule);
    }

    @Test
    void dataOptionNameIsLeftFree() {
        // --min-group-rows belongs to the data options; the audit's threshold is --small-group-rows.
        assertThatThrownBy(() -> parse("--min-group-rows", "5")).isInstanceOf(UnmatchedArgumentException.class);
    }

    @Test
    void helpListsTheOptionsUnderOneHeadingWithTheirDefaults() {
        String help = new CommandLine(new Probe()).getUsageMessage();

        assertThat(help).contains("Audit of the report:");
        assertThat(help.substring(help.indexOf("Audit of the report:"))).containsSubsequence(
                "--confidence=LEVEL", "Default: 0.95",
                "--resamples=N", "Default: 1000",
                "--permutations=N", "Default: 1000",
                "--audit-seed=N", "Default: 42",
                "--small-group-rows=N", "Default: 30",
                "--no-audit");
    }

    private static Probe parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe;
    }

    /** Two groups of two examples. */
    private static Dataset smallData() {
        FeatureTable features = new FeatureTable(List.of("x"), new float[][] {{0, 1, 2, 3}});
        return new Dataset(features, "y", new double[] {1, 2, 3, 4}, "g", new int[] {0, 1, 0, 1},
                GroupLabels.inOrder(List.of("a", "b")));
    }
}
