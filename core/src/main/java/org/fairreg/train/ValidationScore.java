package org.fairreg.train;

/**
 * The figures of one validation pass.
 *
 * @param objective the value early stopping watches, on the training scale
 * @param constraintsMet whether the objective's constraints hold on the whole validation set
 * @param mse mean squared error of the whole validation set, in the original unit squared
 * @param gap largest minus smallest group mean squared error, in the original unit squared
 * @param groupMse each group's mean squared error, by group code, in the original unit squared;
 *        NaN for a group without validation examples
 */
record ValidationScore(double objective, boolean constraintsMet, double mse, double gap, double[] groupMse) {
}
