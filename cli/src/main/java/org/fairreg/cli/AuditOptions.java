package org.fairreg.cli;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.fairreg.data.Dataset;
import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.train.FittedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the report's audit (bootstrap intervals, small-group flags, the ratio and the
 * permutation test of the gap; docs/audit.md), shared by {@code train} and {@code evaluate} as a
 * mixin. The options sit in a group of their own so that the help lists them under one heading.
 *
 * <p>A value out of range is a usage error naming the option, raised while the command line is
 * parsed, so a bad value stops {@code train} before any training. The small-group threshold is
 * {@code --small-group-rows}, not {@code --min-group-rows}, which is left to the data options.
 */
final class AuditOptions {

    @ArgGroup(validate = false, heading = "%nAudit of the report:%n", order = 4)
    Values values = new Values();

    /**
     * The option values, checked one by one as they are parsed. Picocli creates a fresh instance
     * when one of these options is given, so the defaults come from the field initializers, not
     * only from the {@code defaultValue} attributes (which also show them in the help).
     */
    static final class Values {

        @Spec
        CommandSpec spec;

        AuditSettings settings = AuditSettings.defaults();

        @Option(names = "--no-audit", order = 6,
                description = "Skip the audit: print and write the report alone, without intervals, flags, ratio "
                        + "or permutation test.")
        boolean skipped;

        @Option(names = "--confidence", paramLabel = "LEVEL", order = 1,
                defaultValue = "" + AuditSettings.DEFAULT_LEVEL,
                description = "Level of the bootstrap intervals and of the noise floor, in (0, 1); a gap whose "
                        + "p-value is at least 1 - LEVEL is within sampling noise. Default: ${DEFAULT-VALUE}")
        void setConfidence(double level) {
            change("--confidence", plain(level), s -> s.withLevel(level));
        }

        @Option(names = "--resamples", paramLabel = "N", order = 2,
                defaultValue = "" + AuditSettings.DEFAULT_RESAMPLES,
                description = "Bootstrap resamples, drawn within each group, for the intervals. "
                        + "Default: ${DEFAULT-VALUE}")
        void setResamples(int resamples) {
            change("--resamples", Integer.toString(resamples), s -> s.withResamples(resamples));
        }

        @Option(names = "--permutations", paramLabel = "N", order = 3,
                defaultValue = "" + AuditSettings.DEFAULT_PERMUTATIONS,
                description = "Shufflings of the group labels for the noise floor and p-value of the gap. "
                        + "Default: ${DEFAULT-VALUE}")
        void setPermutations(int permutations) {
            change("--permutations", Integer.toString(permutations), s -> s.withPermutations(permutations));
        }

        @Option(names = "--audit-seed", paramLabel = "N", order = 4,
                defaultValue = "" + AuditSettings.DEFAULT_SEED,
                description = "Seed of the resamples and permutations, in [0, 2^32); the same seed gives the same "
                        + "figures. Default: ${DEFAULT-VALUE}")
        void setSeed(long seed) {
            change("--audit-seed", Long.toString(seed), s -> s.withSeed(seed));
        }

        @Option(names = "--small-group-rows", paramLabel = "N", order = 5,
                defaultValue = "" + AuditSettings.DEFAULT_MIN_GROUP_ROWS,
                description = "Flag groups with fewer examples than this as small; 0 flags none. "
                        + "Default: ${DEFAULT-VALUE}")
        void setSmallGroupRows(int rows) {
            change("--small-group-rows", Integer.toString(rows), s -> s.withMinGroupRows(rows));
        }

        /** Applies one option's value, turning a refusal into a usage error that names the option. */
        private void change(String option, String shown, UnaryOperator<AuditSettings> change) {
            try {
                settings = change.apply(settings);
            } catch (IllegalArgumentException invalid) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '"
                        + shown + "': " + invalid.getMessage());
            }
        }

        /** Shows 2.0 as 2 and 0.95 as 0.95, closer to what was typed than {@code Double.toString}. */
        private static String plain(double value) {
            return Double.isFinite(value)
                    ? new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
                    : Double.toString(value);
        }
    }

    /** @return the audit's settings, or empty with {@code --no-audit} */
    Optional<AuditSettings> settings() {
        return values.skipped ? Optional.empty() : Optional.of(values.settings);
    }

    /**
     * Audits a model's errors on labelled data, unless {@code --no-audit} was given. Predicts the
     * data again, which costs one forward pass, small next to the resampling.
     *
     * @param model the model evaluated
     * @param data labelled examples holding at least the model's features
     * @return the audit, or empty with {@code --no-audit}
     * @throws IllegalArgumentException naming the missing features if the data lacks some
     */
    Optional<GroupAudit> run(FittedModel model, Dataset data) {
        if (values.skipped) {
            return Optional.empty();
        }
        return run(data, model.predict(data.features()));
    }

    /**
     * Audits predictions of labelled data, unless {@code --no-audit} was given.
     *
     * @param data the labelled examples
     * @param predictions one prediction per example, in the target's unit
     * @return the audit, or empty with {@code --no-audit}
     * @throws IllegalArgumentException if there is not one prediction per example
     */
    Optional<GroupAudit> run(Dataset data, double[] predictions) {
        return settings().map(s -> GroupAudit.of(data.targets(), predictions, data.groupCodes(), data.groups(), s));
    }
}
