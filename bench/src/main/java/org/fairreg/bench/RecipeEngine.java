package org.fairreg.bench;

import org.fairreg.data.RecipeData;
import org.fairreg.train.TrainingSettings;

/**
 * One way of training the recipe for a fixed number of epochs: fairreg itself or a baseline.
 *
 * <p>Every engine trains on the same data from the same initial weights, with the same batches
 * in the same order, runs a validation pass after every epoch, and reports the trained model on
 * the test set. Implementations run on the calling thread; a call may load native code.
 */
interface RecipeEngine {

    /**
     * Trains the recipe.
     *
     * @param settings the recipe's settings, with the number of epochs to run as their maximum and
     *        early stopping off
     * @param data the recipe's data
     * @return what the run measured, every epoch timed
     */
    EngineRun run(TrainingSettings settings, RecipeData data);

    /** @return a short description for the report, such as the library version */
    String describe();
}
