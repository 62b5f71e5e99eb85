package org.fairreg.objective;

/**
 * A training objective: a function of the per-group statistics {@code (n_k, S_k)} of a batch,
 * minimized by the optimizer.
 *
 * <p>Call order per batch: fill a {@link GroupStatistics}, then {@link #value} and
 * {@link #sumSquaresWeights} on it, then {@link PredictionGradient#fromResiduals} with the weights;
 * after each epoch {@link #endEpoch} with the epoch's training errors. An objective with state
 * (the multipliers of {@link Constrained}) belongs to one run and is not thread-safe; the others
 * hold no mutable state.
 */
public interface Objective {

    /**
     * @param statistics the batch's group statistics
     * @return the objective, in squared target units of the data trained on
     */
    double value(GroupStatistics statistics);

    /**
     * Computes the exact {@code w_k = d value / d S_k} for every group, from which the gradient
     * with respect to prediction {@code i} of group {@code k} is {@code 2 r_i w_k}.
     *
     * @param statistics the batch's group statistics
     * @param weights receives {@code w_k} at index {@code k}, at least {@code groupCount} long;
     *        overwritten
     */
    default void sumSquaresWeights(GroupStatistics statistics, double[] weights) {
        sumSquaresWeights(statistics, statistics, weights);
    }

    /**
     * Computes {@code w_k}, reading the factor that multiplies the batch gradient of each
     * {@code e_k} (for a penalty, {@code dD / de_k}) from {@code factors} instead of from the
     * batch. With {@code factors} the batch itself this is the exact gradient; with a steadier
     * estimate (a {@link RunningGroupErrors}) it trades exactness for far less noise.
     *
     * @param statistics the batch's group statistics, whose counts scale the weights
     * @param factors the group errors the factors are computed from
     * @param weights receives {@code w_k}; overwritten
     */
    void sumSquaresWeights(GroupStatistics statistics, GroupErrors factors, double[] weights);

    /**
     * The figure early stopping watches and model selection ranks epochs by, lower being
     * better. By default the objective itself.
     *
     * @param validation group statistics of validation examples
     * @return the score
     */
    default double selectionScore(GroupStatistics validation) {
        return value(validation);
    }

    /**
     * Whether a model with these validation statistics meets the objective's constraints. Model
     * selection prefers any epoch that does to every epoch that does not. By default there is no
     * constraint to meet.
     *
     * @param validation group statistics of validation examples
     * @return whether the constraints hold
     */
    default boolean meetsConstraints(GroupStatistics validation) {
        return true;
    }

    /**
     * Lets an objective with state learn from the epoch just finished.
     *
     * @param epochErrors the training errors accumulated over the epoch's batches
     */
    default void endEpoch(GroupErrors epochErrors) {
    }

    /** @return the objective's state for the epoch log (empty when it has none) */
    default String describeState() {
        return "";
    }

    /** @return what the objective has learned during training, flattened, for a checkpoint; empty by default */
    default double[] saveState() {
        return new double[0];
    }

    /**
     * Continues from a state {@link #saveState()} gave.
     *
     * @param state the saved state
     * @throws IllegalArgumentException if it is not a state of this objective
     */
    default void restoreState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException(describe() + " keeps no state, found " + state.length + " values");
        }
    }

    /**
     * Checks that the objective applies to data with this many groups.
     *
     * @param groupCount the number of groups in the training data
     * @throws IllegalArgumentException if it does not
     */
    void checkGroupCount(int groupCount);

    /** @return a short description with every setting, such as {@code penalized lambda=1} */
    String describe();
}
