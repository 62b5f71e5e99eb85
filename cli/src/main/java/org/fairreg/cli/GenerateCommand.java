package org.fairreg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.fairreg.data.RecipeData;
import org.fairreg.data.Splits;
import org.fairreg.data.SyntheticRegression;
import org.fairreg.io.SyntheticCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fairreg generate}: writes scikit-learn's {@code make_regression} data with random groups,
 * the same numbers numpy computes for the same seeds.
 */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes synthetic regression data with random groups as CSV (columns x0..x<f-1>, y, g).",
            "The numbers are those of scikit-learn's make_regression and numpy's RandomState for the same seeds;",
            "the defaults give the recipe's data."
        },
        footer = {
            "%nExample:",
            "  fairreg generate --out all.csv --splits-dir splits/",
            ExitCodes.HELP_SECTION
        })
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "CSV", required = true, description = "Where to write all rows.")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + RecipeData.EXAMPLE_COUNT,
            description = "Number of rows (n_samples). Default: ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--features", paramLabel = "N", defaultValue = "" + RecipeData.FEATURE_COUNT,
            description = "Number of features, all informative (n_features). Default: ${DEFAULT-VALUE}")
    int features;

    @Option(names = "--noise", paramLabel = "X", defaultValue = "" + RecipeData.NOISE,
            description = "Standard deviation of the noise on the target. Default: ${DEFAULT-VALUE}")
    double noise;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + RecipeData.DATA_SEED,
            description = "random_state of make_regression. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--groups", paramLabel = "K", defaultValue = "" + RecipeData.GROUP_COUNT,
            description = "Number of groups, drawn uniformly: RandomState(group-seed).randint(0, K). "
                    + "Default: ${DEFAULT-VALUE}")
    int groups;

    @Option(names = "--group-seed", paramLabel = "N", defaultValue = "" + RecipeData.GROUP_SEED,
            description = "Seed of the group draw. Default: ${DEFAULT-VALUE}")
    long groupSeed;

    @Option(names = "--splits-dir", paramLabel = "DIR",
            description = "Also write train.csv, val.csv and test.csv here, split as fairreg train splits.")
    Path splitsDir;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "" + RecipeData.TEST_FRACTION,
            description = "Share of rows in test.csv. Default: ${DEFAULT-VALUE}")
    double testFraction;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "" + RecipeData.VALIDATION_FRACTION,
            description = "Share of the remaining rows in val.csv. Default: ${DEFAULT-VALUE}")
    double validationFraction;

    @Option(names = "--split-seed", paramLabel = "N", defaultValue = "" + RecipeData.SPLIT_SEED,
            description = "Seed of the split (train_test_split random_state). Default: ${DEFAULT-VALUE}")
    long splitSeed;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws IOException {
        logging.configure();
        SyntheticRegression data;
        Splits splits = null;
        try {
            data = SyntheticRegression.generate(samples, features, noise, seed, groups, groupSeed);
            if (splitsDir != null) {
                splits = Splits.threeWay(samples, testFraction, validationFraction, splitSeed);
            }
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        if (splitsDir != null && !Files.isDirectory(splitsDir)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--splits-dir': '" + splitsDir + "' is not a folder");
        }
        int[] everyRow = new int[samples];
        for (int e = 0; e < samples; e++) {
            everyRow[e] = e;
        }
        SyntheticCsv.write(data, everyRow, out);
        List<Path> written = List.of(out);
        if (splits != null) {
            SyntheticCsv.write(data, splits.train(), splitsDir.resolve("train.csv"));
            SyntheticCsv.write(data, splits.validation(), splitsDir.resolve("val.csv"));
            SyntheticCsv.write(data, splits.test(), splitsDir.resolve("test.csv"));
            written = List.of(out, splitsDir.resolve("train.csv"), splitsDir.resolve("val.csv"),
                    splitsDir.resolve("test.csv"));
        }
        if (!logging.quiet) {
            spec.commandLine().getErr().println(samples + " rows x " + features + " features written to " + written);
        }
        return ExitCodes.OK;
    }
}
