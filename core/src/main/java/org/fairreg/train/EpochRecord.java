package org.fairreg.train;

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
        String objectiveState,
        double seconds) {
}
