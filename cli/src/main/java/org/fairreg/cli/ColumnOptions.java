package org.fairreg.cli;

import java.util.List;

import org.fairreg.data.ColumnSelection;

import picocli.CommandLine.Option;

/** Which columns of a CSV file hold the target, the group and the features. */
final class ColumnOptions {

    @Option(names = "--target", paramLabel = "NAME",
            description = "Column holding the target. Default: y for train; the model's for evaluate.")
    String target;

    @Option(names = "--group", paramLabel = "NAME",
            description = "Column holding the group label (any text or number). "
                    + "Default: g for train; the model's for evaluate.")
    String group;

    @Option(names = "--features", paramLabel = "NAME", split = ",",
            description = "Comma-separated feature columns. Default: every column but the target and the group.")
    List<String> features;

    // Initialized here as well: picocli applies defaultValue to a nested group only when one of
    // its options is given.
    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",",
            description = "Field separator of the CSV file. Default: ${DEFAULT-VALUE}")
    char separator = ColumnSelection.DEFAULT_SEPARATOR;
}
