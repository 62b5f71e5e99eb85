/**
 * Optimizers that update a network's flat parameter array from its gradient.
 *
 * <p>The gradient is that of the objective with respect to each parameter (positive: increasing
 * the parameter increases the objective); every optimizer moves against it. One {@code step}
 * is one update, made once per batch.
 */
package org.fairreg.optim;
