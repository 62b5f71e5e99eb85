package org.fairreg.cli;

import java.nio.file.Path;

import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.Dataset;
import org.fairreg.data.RecipeData;
import org.fairreg.data.Splits;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where {@code train} gets its data: a CSV file split into train, validation and test parts, or,
 * with no file, the recipe's built-in data and its fixed split.
 */
final class DataSource {

    @Option(names = "--data", paramLabel = "CSV",
            description = "Labelled CSV file with a header line. Default: the recipe's built-in data "
                    + "(make_regression, 20000 x 10, noise 0.2, two random groups; 8000/2000/10000 split).")
    Path data;

    @ArgGroup(validate = false)
    ColumnOptions columns = new ColumnOptions();

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "" + RecipeData.TEST_FRACTION,
            description = "Share of all rows held out for the test report. Default: ${DEFAULT-VALUE}")
    double testFraction = RecipeData.TEST_FRACTION;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "" + RecipeData.VALIDATION_FRACTION,
            description = "Share of the remaining rows used for validation and early stopping. "
                    + "Default: ${DEFAULT-VALUE}")
    double validationFraction = RecipeData.VALIDATION_FRACTION;

    @Option(names = "--split-seed", paramLabel = "N", defaultValue = "" + RecipeData.SPLIT_SEED,
            description = "Seed of the split, as scikit-learn's train_test_split random_state. "
                    + "Default: ${DEFAULT-VALUE}")
    long splitSeed = RecipeData.SPLIT_SEED;

    /**
     * Loads and splits the data.
     *
     * @return the three parts
     * @throws org.fairreg.data.DataException if the file is unreadable or invalid
     * @throws IllegalArgumentException if the fractions leave a part empty
     */
    Splits.Parts load() {
        if (data == null) {
            RecipeData recipe = RecipeData.generate();
            return new Splits.Parts(recipe.train(), recipe.validation(), recipe.test());
        }
        ColumnSelection selection = ColumnSelection.of(orDefault(columns.target, "y"), orDefault(columns.group, "g"))
                .withSeparator(columns.separator);
        if (columns.features != null) {
            selection = selection.withFeatures(columns.features);
        }
        Dataset all = CsvDataReader.read(data, selection);
        return Splits.threeWay(all.size(), testFraction, validationFraction, splitSeed).apply(all);
    }

    /** @return a short description of the data for reports */
    String describe() {
        return data == null ? "built-in recipe data" : data.toString();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
