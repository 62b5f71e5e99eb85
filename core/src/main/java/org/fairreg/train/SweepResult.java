package org.fairreg.train;

import org.fairreg.metrics.GroupReport;

/**
 * A trained sweep point with its reports on the validation and test examples.
 *
 * @param point the point
 * @param training its run
 * @param validation its per-group report on the validation examples
 * @param test its per-group report on the test examples
 */
public record SweepResult(SweepPoint point, TrainingResult training, GroupReport validation, GroupReport test) {

    /** @return the validation MSE, in the target's unit squared */
    public double validationMse() {
        return validation.overall().mse();
    }

    /** @return the validation gap (largest minus smallest group MSE) */
    public double validationGap() {
        return validation.gap();
    }
}
