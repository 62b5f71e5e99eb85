package org.fairreg.objective;

/**
 * Mean squared errors per group, from whatever estimate: one batch, a whole pass, or a running
 * estimate across batches.
 */
public interface GroupErrors {

    /** @return the number of groups */
    int groupCount();

    /**
     * @param k a group code
     * @return whether the estimate has seen any example of the group
     */
    boolean isPresent(int k);

    /**
     * @param k a group code
     * @return the group's mean squared error {@code e_k}, or 0 when it is not present
     */
    double meanSquaredError(int k);

    /** @return the mean squared error over every example seen, or 0 when there is none */
    double overallMeanSquaredError();
}
