/**
 * Training the fairreg objectives over a Spark {@code Dataset<Row>}, and a Spark ML estimator and
 * model that fit in a {@code Pipeline}.
 *
 * <p>The driver holds the network and the optimizer. Each step broadcasts the parameters, every
 * partition sums its examples' per-group counts, squared residuals and gradients of those sums
 * ({@link org.fairreg.train.GroupGradientSums}) with the core's kernels, {@code treeAggregate} adds
 * the partitions' sums, and the driver forms the objective, its gradient and the update exactly as
 * the local trainer does for a batch of all those examples. Examples are cached on the executors
 * as <em>blocks</em>: up to 256 standardized examples of one group.
 *
 * <p>Spark is a {@code provided} dependency: the cluster brings it, and the core never sees it.
 */
package org.fairreg.spark;
