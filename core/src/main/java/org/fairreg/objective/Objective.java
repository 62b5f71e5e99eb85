package org.fairreg.objective;

/**
 * A training objective: a function of the per-group statistics {@code (n_k, S_k)} of a batch,
 * minimized by the optimizer.
 *
 * <p>Call order per batch: fill a {@link GroupStatistics}, then {@link #value} and
 * {@link #sumSquaresWeights} on it, then {@link PredictionGradient#compute} with the weights.
 * Implementations hold no mutable state and are thread-safe.
 */
public interface Objective {

    /**
     * @param statistics the batch's group statistics
     * @return the objective, in squared target units of the data trained on
     */
    double value(GroupStatistics statistics);

    /**
     * Computes {@code w_k = d objective / d S_k} for every group, from which the gradient with
     * respect to prediction {@code i} of group {@code k} is {@code 2 r_i w_k}.
     *
     * @param statistics the batch's group statistics
     * @param weights receives {@code w_k} at index {@code k}, at least {@code groupCount} long;
     *        overwritten
     */
    void sumSquaresWeights(GroupStatistics statistics, double[] weights);

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
