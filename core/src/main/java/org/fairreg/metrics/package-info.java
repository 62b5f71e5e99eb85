/**
 * Evaluation: the per-group report of a model's errors on labelled data, and its audit.
 *
 * <p>Residuals are {@code prediction - target}, so a positive bias means the model predicts too
 * high. Every figure is in the target's original unit (squared for MSE) and accumulated in
 * {@code double}.
 *
 * <p>Terms of the audit ({@link org.fairreg.metrics.GroupAudit}):
 * <ul>
 *   <li><i>gap</i>: the largest minus the smallest group MSE;</li>
 *   <li><i>resample</i>: a bootstrap copy of the evaluated examples, drawn with replacement
 *       within each group so that every group keeps its size;</li>
 *   <li><i>interval</i>: a percentile bootstrap confidence interval, covering {@code level} of
 *       the resampled values of a figure;</li>
 *   <li><i>permutation</i>: the evaluated examples with their group labels shuffled, each group
 *       keeping its size;</li>
 *   <li><i>noise floor</i>: the {@code level} quantile of the gaps of the permutations, the gap
 *       that group labels unrelated to the errors reach in all but {@code 1 - level} of cases;</li>
 *   <li><i>p-value</i>: {@code (1 + c) / (1 + P)}, {@code c} of the {@code P} permuted gaps
 *       being at least the observed one;</li>
 *   <li><i>small group</i>: a group with fewer examples than the audit's threshold, whose
 *       figures the reader should weigh accordingly.</li>
 * </ul>
 */
package org.fairreg.metrics;
