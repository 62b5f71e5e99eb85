package org.fairreg.train;

import java.util.List;

/**
 * The outcome of a training run: the fitted model and the per-epoch history.
 *
 * @param model the fitted model, holding the kept weights
 * @param history one record per completed epoch, in order; unmodifiable
 */
public record TrainingResult(FittedModel model, List<EpochRecord> history) {

    /**
     * @param model the fitted model
     * @param history the epochs, copied
     */
    public TrainingResult {
        history = List.copyOf(history);
    }

    /** @return how the run ended */
    public TrainingSummary summary() {
        return model.summary();
    }
}
