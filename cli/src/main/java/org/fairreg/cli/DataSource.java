package org.fairreg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.CsvReadResult;
import org.fairreg.data.GroupDefinition;
import org.fairreg.data.MissingPolicy;
import org.fairreg.data.RecipeData;
import org.fairreg.data.SmallGroups;
import org.fairreg.data.Splits;
import org.fairreg.data.TrainingMemory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where {@code train} gets its data: a CSV file split into train, validation and test parts, or,
 * with no file, the recipe's built-in data and its fixed split. After {@link #load} it also holds
 * what the command prints about the data: a description with the rows dropped, and warnings.
 */
final class DataSource {

    /** Prefixes every warning line on standard error. */
    static final String WARNING = "warning: ";

    /** How a user of the command gives it a larger heap; {@code %s} is a size such as -Xmx4g. */
    static final String HOW_TO_RAISE = "FAIRREG_JAVA_OPTS=%1$s ./fairreg ..., or java %1$s -jar fairreg.jar ...";

    @Option(names = "--data", paramLabel = "CSV", order = 1,
            description = "Labelled CSV file with a header line. Default: the built-in data of --builtin.")
    Path data;

    @Option(names = "--builtin", paramLabel = "KIND", order = 2,
            description = "Built-in data used without --data: recipe (make_regression, 20000 x 10, two random "
                    + "groups, the recipe's 8000/2000/10000 split) or group-shift (20000 x 10 with a 20%% minority "
                    + "that really differs, split by the split options). Default: recipe")
    BuiltinData builtin;

    @Option(names = "--features", paramLabel = "NAME", split = ",", order = 14,
            description = "Comma-separated feature columns. A column whose cells are not all numbers is "
                    + "categorical and becomes one 0/1 feature per category, named column=category. "
                    + "Default: every column but the target and the group columns.")
    List<String> features;

    @Option(names = "--categorical", paramLabel = "NAME", split = ",", order = 15,
            description = "Comma-separated feature columns to read as categorical even though their cells are "
                    + "numbers, such as codes of a school tier. Default: none; only columns holding text are.")
    List<String> categorical;

    @Option(names = "--group-as-feature", order = 17,
            description = "Also give the model the group column(s) as categorical features. Off by default, so "
                    + "that the model cannot treat groups differently by name; the report states which was chosen.")
    boolean groupAsFeature;

    @ArgGroup(validate = false)
    ColumnOptions columns = new ColumnOptions();

    @ArgGroup(validate = false)
    CsvOptions csv = new CsvOptions();

    @Option(names = "--test-fraction", paramLabel = "F", order = 30, defaultValue = "" + RecipeData.TEST_FRACTION,
            description = "Share of all rows held out for the test report. Default: ${DEFAULT-VALUE}")
    double testFraction = RecipeData.TEST_FRACTION;

    @Option(names = "--validation-fraction", paramLabel = "F", order = 31,
            defaultValue = "" + RecipeData.VALIDATION_FRACTION,
            description = "Share of the remaining rows used for validation and early stopping. "
                    + "Default: ${DEFAULT-VALUE}")
    double validationFraction = RecipeData.VALIDATION_FRACTION;

    @Option(names = "--split-seed", paramLabel = "N", order = 32, defaultValue = "" + RecipeData.SPLIT_SEED,
            description = "Seed of the split, as scikit-learn's train_test_split random_state. "
                    + "Default: ${DEFAULT-VALUE}")
    long splitSeed = RecipeData.SPLIT_SEED;

    private String description;
    private final List<String> warnings = new ArrayList<>();

    /**
     * Loads and splits the data, and notes the warnings about it.
     *
     * @param commandLine the command, for usage errors
     * @return the three parts
     * @throws ParameterException if the column options contradict each other, or the batch is
     *         larger than the training part of a file
     * @throws org.fairreg.data.DataException if the file is unreadable, invalid, or does not suit
     *         the objective ({@link TrainingDataChecks})
     * @throws IllegalArgumentException if the fractions leave a part empty
     */
    Splits.Parts load(CommandLine commandLine, ProgressBar progress) {
        if (data != null && builtin != null) {
            throw new ParameterException(commandLine, "--builtin and --data exclude each other: give one");
        }
        int minGroupRows = columns.minGroupRows(commandLine);
        Splits.Parts parts;
        if (data == null) {
            BuiltinData kind = builtin == null ? BuiltinData.RECIPE : builtin;
            description = kind.describe();
            parts = kind.load(testFraction, validationFraction, splitSeed);
        } else {
            ColumnSelection selection = selection(commandLine);
            long estimatedRows = requireHeap(selection);
            String reading = "reading " + data.getFileName() + ", ";
            CsvReadResult read = CsvDataReader.readLabelled(data, selection, rows -> progress.update(rows,
                    Math.max(rows, estimatedRows), String.format(Locale.ROOT, "%s%,d rows of about %,d", reading, rows,
                            estimatedRows), ""));
            progress.clear();
            description = describe(data, read, csv.missing);
            addWarnings(TrainingDataChecks.checkData(data, read, optionValue(commandLine, "--objective")));
            parts = Splits.threeWay(read.data().size(), testFraction, validationFraction, splitSeed)
                    .apply(read.data());
            TrainingDataChecks.checkBatchSize(commandLine, optionValue(commandLine, "--batch-size"),
                    parts.train().size(), read.data().size());
        }
        warnAboutSmallGroups(parts, minGroupRows);
        return parts;
    }

    /**
     * Fails before reading when the file will not fit the heap with the copies training makes. The
     * shares are clamped so that fractions out of range reach {@link Splits}, which names them.
     *
     * @return the estimated number of rows, for the progress display
     */
    private long requireHeap(ColumnSelection selection) {
        double rest = Math.min(1.0, Math.max(0.0, 1.0 - testFraction));
        double validationShare = rest * Math.min(1.0, Math.max(0.0, validationFraction));
        TrainingMemory memory = TrainingMemory.estimate(data, selection, rest - validationShare, validationShare);
        memory.requireAvailable(TrainingMemory.availableHeap(), Runtime.getRuntime().maxMemory(), HOW_TO_RAISE);
        return memory.rows();
    }

    /**
     * Reads an option of the command this data source belongs to: {@code train} and
     * {@code sweep} both hold {@link TrainingOptions}, whose objective and batch size decide what
     * data can be trained on.
     */
    private static <T> T optionValue(CommandLine commandLine, String name) {
        return commandLine.getCommandSpec().findOption(name).getValue();
    }

    private ColumnSelection selection(CommandLine commandLine) {
        String target = columns.target != null ? columns.target : "y";
        GroupDefinition group = columns.groupDefinition(commandLine, GroupDefinition.column("g"));
        try {
            ColumnSelection selection = ColumnSelection.of(target, group.columns().get(0)).withGroup(group);
            if (features != null) {
                selection = selection.withFeatures(features);
            }
            if (categorical != null) {
                selection = selection.withCategorical(categorical);
            }
            return csv.applyTo(selection.withGroupAsFeature(groupAsFeature));
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(commandLine, "Invalid column options: " + invalid.getMessage());
        }
    }

    private void warnAboutSmallGroups(Splits.Parts parts, int minGroupRows) {
        addWarnings(SmallGroups.describe(parts.train(), "the train split", minGroupRows));
        addWarnings(SmallGroups.describe(parts.validation(), "the validation split", minGroupRows));
        addWarnings(SmallGroups.describe(parts.test(), "the test split", minGroupRows));
    }

    private void addWarnings(List<String> lines) {
        lines.forEach(line -> warnings.add(WARNING + line));
    }

    /**
     * @return a short description of the data for reports: the file, and with
     *         {@code --missing drop} how many of its rows were dropped
     */
    String describe() {
        return description;
    }

    /** @return the warnings about the data found by {@link #load}, one line each, in a stable order */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Describes a file read, with the rows dropped for a missing value when the policy drops them.
     *
     * @param file the file
     * @param read what reading it gave
     * @param policy the missing-value policy it was read with
     * @return such as {@code law.csv (2810 of 27478 rows dropped for a missing value)}
     */
    static String describe(Path file, CsvReadResult read, MissingPolicy policy) {
        if (policy != MissingPolicy.DROP) {
            return file.toString();
        }
        return file + " (" + read.rowsDropped() + " of " + read.rowsRead() + " rows dropped for a missing value)";
    }
}
