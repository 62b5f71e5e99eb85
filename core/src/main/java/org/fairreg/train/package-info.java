/**
 * The training loop: settings, per-epoch shuffling into batches, one optimizer step per batch,
 * validation after each epoch, early stopping that keeps the best weights, listeners and history,
 * and the fitted model it returns.
 *
 * <p>An <em>epoch</em> is one full pass over the training examples; a <em>step</em> is one
 * update, made once per batch. Epochs are numbered from 1; epoch 0 names the initial weights.
 */
package org.fairreg.train;
