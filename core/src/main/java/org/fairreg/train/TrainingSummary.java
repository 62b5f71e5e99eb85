package org.fairreg.train;

/**
 * How a run ended.
 *
 * @param epochsRun epochs completed
 * @param bestEpoch the epoch with the lowest validation objective, 0 if none completed
 * @param keptEpoch the epoch whose weights the model holds: the best one, or the last one when
 *        restoring the best was turned off (0: the initial weights)
 * @param bestValidationObjective the validation objective of the best epoch, on the training
 *        scale ({@code +infinity} if no epoch completed)
 * @param stopReason why the run ended
 */
public record TrainingSummary(
        int epochsRun,
        int bestEpoch,
        int keptEpoch,
        double bestValidationObjective,
        StopReason stopReason) {
}
