package org.fairreg.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one epoch measured.
 *
 * @param epoch the epoch number, from 1
 * @param trainObjective mean of the objective over the epoch's batches, on the training scale
 * @param validationObjective the selection score early stopping watches (the objective itself,
 *        except for {@code constrained}), on the training scale, computed as
 *        {@link ValidationLoss} says
 * @param constraintsMet whether the objective's constraints hold on the validation set (always
 *        true for objectives without constraints)
 * @param validationMse mean squared error of the whole validation set, in the target's original
 *        unit squared
 * @param validationGap largest minus smallest group mean squared error of the validation set, in
 *        the target's original unit squared
 * @param groupValidationMse each group's mean squared error on the validation set, indexed by
 *        group code, in the target's original unit squared; NaN for a group without validation
 *        examples; empty when the record was made without them
 * @param objectiveState the objective's state after the epoch, such as its multipliers (empty
 *        when it has none)
 * @param seconds wall-clock time of the epoch, validation included
 */
public record EpochRecord(
        int epoch,
        double trainObjective,
        double validationObjective,
        boolean constraintsMet,
        double validationMse,
        double validationGap,
        double[] groupValidationMse,
        String objectiveState,
        double seconds) {

    /**
     * @throws NullPointerException if {@code groupValidationMse} or {@code objectiveState} is null
     */
    public EpochRecord {
        groupValidationMse = groupValidationMse.clone();
        Objects.requireNonNull(objectiveState, "objectiveState");
    }

    /**
     * A record without per-group validation figures.
     *
     * @param epoch the epoch number, from 1
     * @param trainObjective mean of the batch objectives, training scale
     * @param validationObjective the selection score, training scale
     * @param constraintsMet whether the constraints hold on the validation set
     * @param validationMse validation mean squared error, original unit squared
     * @param validationGap validation gap, original unit squared
     * @param objectiveState the objective's state after the epoch
     * @param seconds wall-clock time of the epoch
     */
    public EpochRecord(
            int epoch,
            double trainObjective,
            double validationObjective,
            boolean constraintsMet,
            double validationMse,
            double validationGap,
            String objectiveState,
            double seconds) {
        this(epoch, trainObjective, validationObjective, constraintsMet, validationMse, validationGap,
                new double[0], objectiveState, seconds);
    }

    /** @return a copy of each group's validation mean squared error, by group code */
    @Override
    public double[] groupValidationMse() {
        return groupValidationMse.clone();
    }

    /** Compares the per-group figures by value, not by array identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EpochRecord that
                && epoch == that.epoch
                && Double.compare(trainObjective, that.trainObjective) == 0
                && Double.compare(validationObjective, that.validationObjective) == 0
                && constraintsMet == that.constraintsMet
                && Double.compare(validationMse, that.validationMse) == 0
                && Double.compare(validationGap, that.validationGap) == 0
                && Arrays.equals(groupValidationMse, that.groupValidationMse)
                && objectiveState.equals(that.objectiveState)
                && Double.compare(seconds, that.seconds) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, trainObjective, validationObjective, constraintsMet, validationMse, validationGap,
                Arrays.hashCode(groupValidationMse), objectiveState, seconds);
    }

    @Override
    public String toString() {
        return "EpochRecord[epoch=" + epoch + ", trainObjective=" + trainObjective + ", validationObjective="
                + validationObjective + ", constraintsMet=" + constraintsMet + ", validationMse=" + validationMse
                + ", validationGap=" + validationGap + ", groupValidationMse=" + Arrays.toString(groupValidationMse)
                + ", objectiveState=" + objectiveState + ", seconds=" + seconds + "]";
    }
}
