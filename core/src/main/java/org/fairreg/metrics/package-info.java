/**
 * Evaluation: the per-group report of a model's errors on labelled data.
 *
 * <p>Residuals are {@code prediction - target}, so a positive bias means the model predicts too
 * high. Every figure is in the target's original unit (squared for MSE) and accumulated in
 * {@code double}.
 */
package org.fairreg.metrics;
