package org.fairreg.onnx;

import java.nio.file.Path;

import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.Dataset;
import org.fairreg.data.RecipeData;
import org.fairreg.data.Splits;
import org.fairreg.train.FittedModel;
import org.fairreg.train.Trainer;
import org.fairreg.train.TrainingListener;
import org.fairreg.train.TrainingSettings;

/**
 * Models trained for the tests, each in a few epochs from a fixed seed: on the recipe's seed data
 * and on the medical insurance data set (core's test resources), whose {@code sex} and
 * {@code region} are text columns.
 */
final class TrainedModels {

    /** Enough epochs to move the weights well away from their initial values. */
    static final int EPOCHS = 5;
    /** The seed of every training run. */
    static final long SEED = 42;
    /** The rows of the insurance data set: 1338. */
    static final int INSURANCE_ROWS = 1338;

    private TrainedModels() {
    }

    /** @return settings for a short run from {@link #SEED}, otherwise fairreg's defaults */
    static TrainingSettings shortRun() {
        return TrainingSettings.defaults().withMaxEpochs(EPOCHS).withSeed(SEED);
    }

    /**
     * @param recipe the recipe's data
     * @param settings the settings
     * @return a model trained on the recipe's training split
     */
    static FittedModel onRecipe(RecipeData recipe, TrainingSettings settings) {
        return new Trainer(settings).fit(recipe.train(), recipe.validation(), TrainingListener.NONE).model();
    }

    /** @return every row of the insurance data set: target charges, group smoker */
    static Dataset insurance() {
        Path file = Path.of(System.getProperty("fairreg.realData", "../core/src/test/resources/real"))
                .resolve("insurance.csv");
        return CsvDataReader.read(file, ColumnSelection.of("charges", "smoker"));
    }

    /**
     * @param data the insurance data set
     * @param settings the settings
     * @return a model trained on a training split of it
     */
    static FittedModel onInsurance(Dataset data, TrainingSettings settings) {
        Splits.Parts parts = Splits.threeWay(data.size(), 0.2, 0.2, SEED).apply(data);
        return new Trainer(settings).fit(parts.train(), parts.validation(), TrainingListener.NONE).model();
    }
}
