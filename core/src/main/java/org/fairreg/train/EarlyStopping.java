package org.fairreg.train;

import org.fairreg.model.Network;

/**
 * Watches the validation objective, keeps a copy of the parameters of the best epoch, and says
 * when {@code patience} epochs in a row have brought no improvement.
 *
 * <p>An epoch improves on the best when it meets the objective's constraints and the best does
 * not, or when both do or both do not and its value is strictly lower (no minimum delta, as
 * Keras's {@code EarlyStopping} with its defaults decides). The initial parameters count as epoch
 * 0 with value {@code +infinity}, so a run that diverges in its first epoch still has weights to
 * return. Not thread-safe.
 */
public final class EarlyStopping {

    private final int patience;
    private final float[] bestParameters;
    private double bestValue = Double.POSITIVE_INFINITY;
    private boolean bestConstraintsMet;
    private int bestEpoch;
    private int epochsWithoutImprovement;

    /**
     * @param patience epochs without improvement that end a run, at least 0
     * @param initialParameters the parameters before the first epoch; copied
     * @throws IllegalArgumentException if {@code patience} is negative
     */
    public EarlyStopping(int patience, float[] initialParameters) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be at least 0, found " + patience);
        }
        this.patience = patience;
        this.bestParameters = initialParameters.clone();
    }

    /**
     * Records an epoch's validation value and, if it is the best so far, its parameters.
     *
     * @param epoch the epoch number, from 1
     * @param value the validation objective; NaN never improves
     * @param constraintsMet whether the epoch meets the objective's constraints on validation
     * @param parameters the parameters after the epoch; copied if the epoch is the best
     * @return whether the epoch improved on the best
     */
    public boolean update(int epoch, double value, boolean constraintsMet, float[] parameters) {
        boolean better = constraintsMet != bestConstraintsMet
                ? constraintsMet && !Double.isNaN(value)
                : value < bestValue;
        if (better) {
            bestValue = value;
            bestConstraintsMet = constraintsMet;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
            System.arraycopy(parameters, 0, bestParameters, 0, bestParameters.length);
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    /**
     * @return whether the last epoch did not improve and it was the {@code patience}-th such
     *         epoch in a row (with patience 0, the first epoch that does not improve stops)
     */
    public boolean shouldStop() {
        return epochsWithoutImprovement > 0 && epochsWithoutImprovement >= patience;
    }

    /** @return the best validation value so far, {@code +infinity} before any epoch */
    public double bestValue() {
        return bestValue;
    }

    /** @return the epoch of the best value, 0 before any epoch improved */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * Ends a run: puts the weights it keeps into {@code network} and says which epoch they are
     * from. The best epoch's weights are kept when {@code restoreBest} asks for them, and always
     * after a divergence, whose last weights are of no use; otherwise the last epoch's stay.
     *
     * @param network the trained network, its parameters replaced by the best ones if restoring
     * @param epochsRun the epochs the run finished
     * @param reason why the run stopped
     * @param restoreBest whether the settings ask for the best epoch's weights
     * @return the run's summary
     */
    public TrainingSummary finish(Network network, int epochsRun, StopReason reason, boolean restoreBest) {
        boolean restore = restoreBest || reason == StopReason.DIVERGED;
        if (restore) {
            network.setParameters(bestParameters);
        }
        int keptEpoch = restore ? bestEpoch : epochsRun;
        return new TrainingSummary(epochsRun, bestEpoch, keptEpoch, bestValue, reason);
    }

    /** @return a copy of everything it has seen that matters for later epochs, for a checkpoint */
    public State saveState() {
        return new State(bestParameters, bestValue, bestConstraintsMet, bestEpoch, epochsWithoutImprovement);
    }

    /**
     * Continues from a saved state.
     *
     * @param state a state saved by early stopping over as many parameters
     * @throws IllegalArgumentException if the parameter counts differ
     */
    public void restoreState(State state) {
        if (state.bestParameters.length != bestParameters.length) {
            throw new IllegalArgumentException("the best parameters must number " + bestParameters.length + ", found "
                    + state.bestParameters.length);
        }
        System.arraycopy(state.bestParameters, 0, bestParameters, 0, bestParameters.length);
        bestValue = state.bestValue;
        bestConstraintsMet = state.bestConstraintsMet;
        bestEpoch = state.bestEpoch;
        epochsWithoutImprovement = state.epochsWithoutImprovement;
    }

    /**
     * Early stopping's memory.
     *
     * @param bestParameters the parameters of the best epoch; copied on the way in and out
     * @param bestValue its validation value, {@code +infinity} before any epoch improved
     * @param bestConstraintsMet whether it met the objective's constraints
     * @param bestEpoch its number, 0 for the initial parameters
     * @param epochsWithoutImprovement epochs since it, at least 0
     */
    public record State(float[] bestParameters, double bestValue, boolean bestConstraintsMet, int bestEpoch,
            int epochsWithoutImprovement) {

        /**
         * @throws IllegalArgumentException if an epoch count is negative
         */
        public State {
            if (bestEpoch < 0 || epochsWithoutImprovement < 0) {
                throw new IllegalArgumentException("epoch counts must be at least 0, found " + bestEpoch + " and "
                        + epochsWithoutImprovement);
            }
            bestParameters = bestParameters.clone();
        }

        @Override
        public float[] bestParameters() {
            return bestParameters.clone();
        }
    }

    /** @return the parameters of the best epoch; the live copy, not to be modified */
    public float[] bestParameters() {
        return bestParameters;
    }
}
