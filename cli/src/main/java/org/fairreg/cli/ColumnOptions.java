package org.fairreg.cli;

import java.util.List;

import org.fairreg.data.GroupDefinition;
import org.fairreg.data.SmallGroups;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which columns of a CSV file hold the target and the groups, and how small a group may be before
 * a warning; shared by {@code train} and {@code evaluate}.
 */
final class ColumnOptions {

    @Option(names = "--target", paramLabel = "NAME", order = 10,
            description = "Column holding the target. Default: y for train; the model's for evaluate.")
    String target;

    @Option(names = "--group", paramLabel = "NAME", split = ",", order = 11,
            description = "Column holding the group label (any text or number). Several comma-separated columns "
                    + "make intersectional groups, labelled by their values joined with '|' in the order given, "
                    + "such as white|female. Default: g for train; the model's for evaluate.")
    List<String> group;

    @Option(names = "--group-vs-rest", paramLabel = "VALUE", order = 12,
            description = "Makes two groups of the single group column: the rows whose value is VALUE, and the "
                    + "rest, labelled 'not VALUE'. Default: every value is a group of its own for train; the "
                    + "model's grouping for evaluate.")
    String versusRest;

    // Initialized here as well: picocli applies defaultValue to a nested group only when one of
    // its options is given.
    @Option(names = "--min-group-rows", paramLabel = "N", order = 13,
            defaultValue = "" + SmallGroups.DEFAULT_MIN_ROWS,
            description = "Warn on standard error about each group with fewer than N rows in a split (train, "
                    + "validation, test) or, for evaluate, in the file; 0 turns the warnings off. "
                    + "Default: ${DEFAULT-VALUE}")
    int minGroupRows = SmallGroups.DEFAULT_MIN_ROWS;

    /**
     * Builds the group definition the options ask for.
     *
     * @param commandLine the command, for usage errors
     * @param fallback the definition used when neither --group nor --group-vs-rest is given
     * @return the definition: {@code --group}'s columns, or the fallback's, with
     *         {@code --group-vs-rest} applied when given
     * @throws ParameterException if a column repeats or is blank, or --group-vs-rest meets
     *         several group columns
     */
    GroupDefinition groupDefinition(CommandLine commandLine, GroupDefinition fallback) {
        if (group == null && versusRest == null) {
            return fallback;
        }
        GroupDefinition columns;
        try {
            columns = GroupDefinition.columns(group != null ? group : fallback.columns());
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(commandLine, "Invalid value for option '--group': " + invalid.getMessage());
        }
        if (versusRest == null) {
            return columns;
        }
        if (columns.columns().size() != 1) {
            throw new ParameterException(commandLine, "Invalid value for option '--group-vs-rest': it needs a "
                    + "single group column, found " + columns.columns().size() + " (" + columns.name() + ")");
        }
        try {
            return columns.withVersusRest(versusRest);
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(commandLine, "Invalid value for option '--group-vs-rest': "
                    + invalid.getMessage());
        }
    }

    /**
     * @param commandLine the command, for usage errors
     * @return the --min-group-rows value
     * @throws ParameterException if it is negative
     */
    int minGroupRows(CommandLine commandLine) {
        if (minGroupRows < 0) {
            throw new ParameterException(commandLine, "Invalid value for option '--min-group-rows': must be at "
                    + "least 0, found " + minGroupRows);
        }
        return minGroupRows;
    }
}
