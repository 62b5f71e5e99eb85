package org.fairreg.train;

import java.util.Locale;

/**
 * Decides, after each batch, whether a run has diverged: its objective is NaN or infinite, or its
 * mean squared error exceeds {@link #EXPLOSION_FACTOR} times the first batch's. Keeps the first
 * batch's loss, which a checkpoint saves. Public so that other trainers (the Spark module's) stop
 * by the same rule with the same message. Not thread-safe.
 */
public final class DivergenceCheck {

    /**
     * How many times the first batch's mean squared error a later batch's may reach before the run
     * counts as diverged. A learning rate far too large (10 with Adam on the recipe) drives the
     * loss to 1e9-1e12 times its start while staying finite in float32, so waiting for NaN or
     * infinity would let it run on to the end and keep a useless model; healthy runs, even with
     * transient spikes, stay many orders of magnitude below this bound.
     */
    public static final double EXPLOSION_FACTOR = 1e6;

    private double firstBatchLoss = Double.NaN;

    /**
     * Checks one batch, before its step is taken.
     *
     * @param epoch the epoch, for the message
     * @param stepInEpoch the step within the epoch, from 1
     * @param step the step of the run, from 1
     * @param value the batch objective
     * @param loss the batch mean squared error
     * @param objective the objective's description, for the message
     * @throws Divergence naming where and which term, if the run diverged
     */
    public void check(int epoch, int stepInEpoch, long step, double value, double loss, String objective) {
        if (!Double.isFinite(value)) {
            throw new Divergence(epoch, stepInEpoch, step, Double.isFinite(loss)
                    ? "the objective (" + objective + ") is " + value + " while the batch mean squared error is "
                            + loss
                    : "the loss (batch mean squared error) is " + loss);
        }
        if (Double.isNaN(firstBatchLoss)) {
            firstBatchLoss = loss;
        } else if (loss > EXPLOSION_FACTOR * firstBatchLoss && firstBatchLoss > 0.0) {
            throw new Divergence(epoch, stepInEpoch, step, String.format(Locale.ROOT,
                    "the loss (batch mean squared error) is %.4g, more than %.0g times the first batch's %.4g",
                    loss, EXPLOSION_FACTOR, firstBatchLoss));
        }
    }

    /** @return the first batch's loss, NaN before any batch */
    double firstBatchLoss() {
        return firstBatchLoss;
    }

    /** @param loss the first batch's loss a checkpoint saved, NaN if none */
    void restore(double loss) {
        firstBatchLoss = loss;
    }

    /** A batch objective that is NaN or infinite, or a loss that exploded; carries where it happened. */
    public static final class Divergence extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * @param epoch the epoch
         * @param stepInEpoch the step within the epoch, from 1; 0 for the validation after it
         * @param step the step of the run; 0 for a validation
         * @param term which term went wrong, and its value
         */
        public Divergence(int epoch, int stepInEpoch, long step, String term) {
            super("training diverged at epoch " + epoch + ", step " + stepInEpoch + " of the epoch (step " + step
                    + " overall): " + term);
        }
    }
}
