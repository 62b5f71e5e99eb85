package org.fairreg.train;

/**
 * Receives the events of a training run, to show progress or keep records. Listeners only read:
 * they must not modify what they are given.
 *
 * <p>Call order: {@link #onStart} once, {@link #onStep} after each optimizer step and
 * {@link #onEpoch} after each completed epoch, then {@link #onFinish} once, also when the run
 * diverged. Every method runs on the training thread
 * and delays training while it runs.
 */
public interface TrainingListener {

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * @param plan what is about to be trained, on what data
     */
    default void onStart(TrainingPlan plan) {
    }

    /**
     * Called after every step, so it must be cheap: a progress display reads the clock here at
     * most, and draws only now and then.
     *
     * @param epoch the epoch, from 1
     * @param step the step just made within the epoch, from 1
     * @param steps the steps of an epoch
     * @param rows the examples of that step's batch
     */
    default void onStep(int epoch, int step, int steps, int rows) {
    }

    /**
     * @param record what the epoch measured
     * @param improved whether its validation objective was the best so far
     */
    default void onEpoch(EpochRecord record, boolean improved) {
    }

    /**
     * @param result the finished run, with the weights it kept
     */
    default void onFinish(TrainingResult result) {
    }
}
