package org.fairreg.train;

import org.fairreg.data.GroupLabels;
import org.fairreg.model.Architecture;

/**
 * What a run is about to train, for its header line.
 *
 * @param settings the run's settings
 * @param architecture the network's shape
 * @param groups the groups of the training data
 * @param trainGroupCounts examples per group in the training data, by group code
 * @param validationGroupCounts examples per group in the validation data, by group code
 * @param objective the objective's description, as {@code Objective.describe()} gives it
 * @param optimizer the optimizer's description, as {@code Optimizer.describe()} gives it
 */
public record TrainingPlan(
        TrainingSettings settings,
        Architecture architecture,
        GroupLabels groups,
        int[] trainGroupCounts,
        int[] validationGroupCounts,
        String objective,
        String optimizer) {

    /** @return the number of training examples */
    public int trainSize() {
        return sum(trainGroupCounts);
    }

    /** @return the number of validation examples */
    public int validationSize() {
        return sum(validationGroupCounts);
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }
}
