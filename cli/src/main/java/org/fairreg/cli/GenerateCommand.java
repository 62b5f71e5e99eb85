package org.fairreg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import org.fairreg.data.GroupShiftRegression;
import org.fairreg.data.GroupShiftSettings;
import org.fairreg.data.RecipeData;
import org.fairreg.data.Splits;
import org.fairreg.data.SyntheticRegression;
import org.fairreg.io.SyntheticCsv;
import org.fairreg.util.NamedChoice;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code fairreg generate}: writes built-in synthetic data as CSV. {@code --kind recipe} gives
 * scikit-learn's {@code make_regression} data with random groups, the same numbers numpy computes
 * for the same seeds; {@code --kind group-shift} gives a {@link GroupShiftRegression}, whose groups
 * really differ. Both write the same layout, so {@code fairreg train --data} reads either.
 */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes synthetic regression data with groups as CSV (columns x0..x<f-1>, y, g).",
            "With --kind recipe, the numbers are those of scikit-learn's make_regression and numpy's RandomState "
                    + "for the same seeds, the groups are random, and the defaults give the recipe's data.",
            "With --kind group-shift, the groups have different sizes and their targets depend on the features "
                    + "in different ways, while the features say nothing about the group: a model trained for "
                    + "plain MSE leaves the smaller groups with a larger error (docs/synthetic.md)."
        },
        footer = {
            "%nExamples:",
            "  fairreg generate --out all.csv --splits-dir splits/",
            "  fairreg generate --kind group-shift --out shift.csv",
            "  fairreg generate --kind group-shift --shares 0.6,0.3,0.1 --shift 1 --out three-groups.csv",
            "  fairreg train --data shift.csv --objective mse     (then without --objective, to compare the gaps)",
            ExitCodes.HELP_SECTION
        })
final class GenerateCommand implements Callable<Integer> {

    /** The names of the three parts' files in {@code --splits-dir}. */
    private static final String TRAIN = "train.csv";
    private static final String VALIDATION = "val.csv";
    private static final String TEST = "test.csv";

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "recipe", converter = KindConverter.class,
            description = "Which data to generate: recipe (make_regression with random groups) or group-shift "
                    + "(groups that really differ). Default: ${DEFAULT-VALUE}")
    Kind kind;

    @Option(names = "--out", paramLabel = "CSV", required = true, description = "Where to write all rows.")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + RecipeData.EXAMPLE_COUNT,
            description = "Number of rows (n_samples). Default: ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--features", paramLabel = "N", defaultValue = "" + RecipeData.FEATURE_COUNT,
            description = "Number of features, all informative (n_features). Default: ${DEFAULT-VALUE}")
    int features;

    @Option(names = "--noise", paramLabel = "X", defaultValue = "" + RecipeData.NOISE,
            description = "Standard deviation of the noise on the target; with --kind group-shift, of group 0. "
                    + "Default: ${DEFAULT-VALUE}")
    double noise;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + RecipeData.DATA_SEED,
            description = "random_state of make_regression; with --kind group-shift, the seed of every draw. "
                    + "Default: ${DEFAULT-VALUE}")
    long seed;

    @ArgGroup(validate = false, heading = "%nRecipe kind (--kind recipe only):%n", order = 1)
    RecipeOptions recipe = new RecipeOptions();

    @ArgGroup(validate = false, heading = "%nGroup-shift kind (--kind group-shift only):%n", order = 2)
    GroupShiftOptions groupShift = new GroupShiftOptions();

    @ArgGroup(validate = false, heading = "%nSplits:%n", order = 3)
    SplitOptions split = new SplitOptions();

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws IOException {
        logging.configure();
        rejectOptionsOfTheOtherKind();
        if (split.splitsDir != null && Files.exists(split.splitsDir) && !Files.isDirectory(split.splitsDir)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--splits-dir': '" + split.splitsDir + "' is not a folder");
        }
        if (split.splitsDir != null) {
            // --out inside the splits folder as train.csv, say, would be overwritten by a part.
            OutputPaths.checkDistinct(spec.commandLine(), List.of(), "--out", out,
                    "--splits-dir", split.file(TRAIN), "--splits-dir", split.file(VALIDATION),
                    "--splits-dir", split.file(TEST));
        }
        return kind == Kind.RECIPE ? writeRecipe() : writeGroupShift();
    }

    /** Writes make_regression data; its files equal the seed data for the default options. */
    private int writeRecipe() throws IOException {
        SyntheticRegression data;
        Splits splits;
        try {
            data = SyntheticRegression.generate(samples, features, noise, seed, recipe.groups, recipe.groupSeed);
            splits = makeSplits();
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        writeFiles((rows, file) -> SyntheticCsv.write(data, rows, file), splits);
        if (!logging.quiet) {
            spec.commandLine().getErr().println(
                    samples + " rows x " + features + " features written to " + written(splits));
        }
        return ExitCodes.OK;
    }

    /** Writes group-shift data, then says how many rows each group received. */
    private int writeGroupShift() throws IOException {
        GroupShiftRegression data = GroupShiftRegression.generate(groupShiftSettings());
        Splits splits;
        try {
            splits = makeSplits();
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        writeFiles((rows, file) -> SyntheticCsv.write(data, rows, file), splits);
        if (!logging.quiet) {
            spec.commandLine().getErr().println(samples + " rows x " + features + " features in "
                    + data.groupCount() + " groups (" + groupSizes(data) + ") written to " + written(splits));
        }
        return ExitCodes.OK;
    }

    /**
     * Builds the settings one option at a time, so that a value the library refuses is reported
     * under the option the user typed rather than under the library's parameter name.
     */
    private GroupShiftSettings groupShiftSettings() {
        GroupShiftSettings settings = GroupShiftSettings.defaults();
        settings = change(settings, "--samples", s -> s.withExampleCount(samples));
        settings = change(settings, "--features", s -> s.withFeatureCount(features));
        settings = change(settings, "--noise", s -> s.withNoise(noise));
        settings = change(settings, "--seed", s -> s.withSeed(seed));
        if (groupShift.shares != null) {
            settings = change(settings, "--shares", s -> s.withShares(groupShift.shares));
        }
        settings = change(settings, "--shift", s -> s.withShift(groupShift.shift));
        settings = change(settings, "--curvature", s -> s.withCurvature(groupShift.curvature));
        return change(settings, "--noise-ratio", s -> s.withNoiseRatio(groupShift.noiseRatio));
    }

    private GroupShiftSettings change(
            GroupShiftSettings settings,
            String option,
            UnaryOperator<GroupShiftSettings> update) {
        try {
            return update.apply(settings);
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + invalid.getMessage());
        }
    }

    /**
     * Refuses an option that the chosen kind would silently ignore, since a user who sets
     * {@code --shares} with the recipe kind, say, expects it to change the data.
     */
    private void rejectOptionsOfTheOtherKind() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> foreign = kind == Kind.RECIPE
                ? List.of("--shares", "--shift", "--curvature", "--noise-ratio")
                : List.of("--groups", "--group-seed");
        for (String option : foreign) {
            if (parsed.hasMatchedOption(option)) {
                String hint = kind == Kind.RECIPE ? "" : "; the number of --shares sets the number of groups";
                throw new ParameterException(spec.commandLine(), "Option '" + option
                        + "' applies only to --kind " + (kind == Kind.RECIPE ? "group-shift" : "recipe")
                        + ", found --kind " + kind.id() + hint);
            }
        }
    }

    /**
     * Writes every row to {@code --out}, then the three parts when {@code --splits-dir} is given,
     * making that folder first if it does not exist yet.
     */
    private void writeFiles(RowWriter writer, Splits splits) throws IOException {
        writer.write(everyRow(), out);
        if (splits != null) {
            Files.createDirectories(split.splitsDir);
            writer.write(splits.train(), split.file(TRAIN));
            writer.write(splits.validation(), split.file(VALIDATION));
            writer.write(splits.test(), split.file(TEST));
        }
    }

    /** @return the splits asked for with {@code --splits-dir}, or null without it */
    private Splits makeSplits() {
        if (split.splitsDir == null) {
            return null;
        }
        return Splits.threeWay(samples, split.testFraction, split.validationFraction, split.splitSeed);
    }

    private int[] everyRow() {
        int[] everyRow = new int[samples];
        for (int e = 0; e < samples; e++) {
            everyRow[e] = e;
        }
        return everyRow;
    }

    /** @return the files written, as "a.csv" or "a.csv, train.csv, val.csv and test.csv" */
    private String written(Splits splits) {
        if (splits == null) {
            return out.toString();
        }
        return out + ", " + split.file(TRAIN) + ", " + split.file(VALIDATION) + " and " + split.file(TEST);
    }

    /** @return the rows per group, such as {@code 0: 16012, 1: 3988} */
    private static String groupSizes(GroupShiftRegression data) {
        int[] counts = new int[data.groupCount()];
        for (int group : data.groups()) {
            counts[group]++;
        }
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < counts.length; k++) {
            text.append(k == 0 ? "" : ", ").append(k).append(": ").append(counts[k]);
        }
        return text.toString();
    }

    /** Writes chosen rows of the generated data to a CSV file. */
    @FunctionalInterface
    private interface RowWriter {
        void write(int[] rows, Path file) throws IOException;
    }

    /** The kinds of data the command writes, by their command-line names. */
    enum Kind implements NamedChoice {
        /** scikit-learn's make_regression with random groups. */
        RECIPE,
        /** {@link GroupShiftRegression}: groups of different sizes and different targets. */
        GROUP_SHIFT
    }

    /** Reads {@code --kind}, with a message listing the accepted names for anything else. */
    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String text) {
            try {
                return NamedChoice.fromId(Kind.class, "kind", text);
            } catch (IllegalArgumentException invalid) {
                throw new TypeConversionException(invalid.getMessage());
            }
        }
    }

    /** Options of {@code --kind recipe} only; their initial values are the defaults. */
    static final class RecipeOptions {

        @Option(names = "--groups", paramLabel = "K", defaultValue = "" + RecipeData.GROUP_COUNT,
                description = "Number of groups, drawn uniformly: RandomState(group-seed).randint(0, K). "
                        + "Default: ${DEFAULT-VALUE}")
        int groups = RecipeData.GROUP_COUNT;

        @Option(names = "--group-seed", paramLabel = "N", defaultValue = "" + RecipeData.GROUP_SEED,
                description = "Seed of the group draw. Default: ${DEFAULT-VALUE}")
        long groupSeed = RecipeData.GROUP_SEED;
    }

    /** Options of {@code --kind group-shift} only; their initial values are the defaults. */
    static final class GroupShiftOptions {

        /**
         * Null means the library's default shares. The option has no {@code defaultValue}: in an
         * argument group, picocli appends the typed values of a split multi-value option to its
         * default instead of replacing it (https://github.com/remkop/picocli/issues/2349), so
         * {@code --shares 0.6,0.4} would give four shares. The help states the default instead.
         */
        @Option(names = "--shares", paramLabel = "S", split = ",",
                description = "Comma-separated share of the rows in each group, group 0 first, summing to 1; "
                        + "their number sets the number of groups (at least 2). Group 0 follows the base "
                        + "linear model, every other group departs from it. Default: "
                        + GroupShiftSettings.DEFAULT_MAJORITY_SHARE + "," + GroupShiftSettings.DEFAULT_MINORITY_SHARE)
        double[] shares;

        @Option(names = "--shift", paramLabel = "X", defaultValue = "" + GroupShiftSettings.DEFAULT_SHIFT,
                description = "How far the coefficients of groups 1 and above depart from group 0's: they add "
                        + "X times a standard normal draw to each standard normal base coefficient. "
                        + "Default: ${DEFAULT-VALUE}")
        double shift = GroupShiftSettings.DEFAULT_SHIFT;

        @Option(names = "--curvature", paramLabel = "X", defaultValue = "" + GroupShiftSettings.DEFAULT_CURVATURE,
                description = "Weight of the curved term X * (x_j^2 - 1) in the targets of groups 1 and above, "
                        + "j = group mod features; 0 for none. Default: ${DEFAULT-VALUE}")
        double curvature = GroupShiftSettings.DEFAULT_CURVATURE;

        @Option(names = "--noise-ratio", paramLabel = "X",
                defaultValue = "" + GroupShiftSettings.DEFAULT_NOISE_RATIO,
                description = "Noise of groups 1 and above as a multiple of --noise; 1 for equal noise. "
                        + "Default: ${DEFAULT-VALUE}")
        double noiseRatio = GroupShiftSettings.DEFAULT_NOISE_RATIO;
    }

    /** Where and how to write the train, validation and test files; initial values are the defaults. */
    static final class SplitOptions {

        @Option(names = "--splits-dir", paramLabel = "DIR",
                description = "Also write " + TRAIN + ", " + VALIDATION + " and " + TEST
                        + " here, split as fairreg train splits.")
        Path splitsDir;

        /** @return the file of one part in the splits folder */
        Path file(String name) {
            return splitsDir.resolve(name);
        }

        @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "" + RecipeData.TEST_FRACTION,
                description = "Share of rows in test.csv. Default: ${DEFAULT-VALUE}")
        double testFraction = RecipeData.TEST_FRACTION;

        @Option(names = "--validation-fraction", paramLabel = "F",
                defaultValue = "" + RecipeData.VALIDATION_FRACTION,
                description = "Share of the remaining rows in val.csv. Default: ${DEFAULT-VALUE}")
        double validationFraction = RecipeData.VALIDATION_FRACTION;

        @Option(names = "--split-seed", paramLabel = "N", defaultValue = "" + RecipeData.SPLIT_SEED,
                description = "Seed of the split (train_test_split random_state). Default: ${DEFAULT-VALUE}")
        long splitSeed = RecipeData.SPLIT_SEED;
    }
}
