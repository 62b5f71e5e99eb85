package org.fairreg.spark;

import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.fairreg.model.Network;
import org.fairreg.model.Workspace;
import org.fairreg.objective.GroupStatistics;
import org.fairreg.train.GroupGradientSums;

/**
 * The distributed part of a step or a validation: broadcast the parameters, let every partition
 * sum its blocks with the core's kernels, add the partitions' sums with {@code treeAggregate}.
 *
 * <p>Per step the driver sends {@code 4 P} bytes of parameters (a broadcast, fetched once per
 * executor) and receives, per partition, {@code K} counts, {@code K} sums of squares and
 * {@code K x P} gradient sums, all 8 bytes each; {@code treeAggregate} adds them on the executors
 * in a tree, so the driver receives only a few of them. The broadcast is destroyed after the pass.
 */
final class DistributedPass {

    /** Depth of the aggregation tree; 2 keeps the driver's share small up to thousands of partitions. */
    private static final int TREE_DEPTH = 2;

    private final JavaSparkContext context;
    private final int groupCount;
    private final int parameterCount;

    /**
     * @param context the Spark context of the data
     * @param groupCount the number of groups
     * @param parameterCount the network's parameter count
     */
    DistributedPass(JavaSparkContext context, int groupCount, int parameterCount) {
        this.context = context;
        this.groupCount = groupCount;
        this.parameterCount = parameterCount;
    }

    /**
     * Sums the per-group statistics and gradients of the examples of a batch.
     *
     * @param blocks the training blocks
     * @param network the driver's network, read
     * @param batch which examples the batch holds
     * @return the sums over the batch
     */
    GroupGradientSums gradientSums(JavaRDD<ExampleBlock> blocks, Network network, BatchSample batch) {
        Broadcast<NetworkWeights> weights = context.broadcast(NetworkWeights.of(network));
        int groups = groupCount;
        int parameters = parameterCount;
        try {
            return blocks.mapPartitionsWithIndex((partition, partitionBlocks) -> {
                GroupGradientSums sums = new GroupGradientSums(groups, parameters);
                sumPartition(weights.value().toNetwork(), partitionBlocks, batch.sampler(partition), sums);
                return List.of(sums).iterator();
            }, true).treeAggregate(new GroupGradientSums(groups, parameters), GroupGradientSums::addAll,
                    GroupGradientSums::addAll, TREE_DEPTH);
        } finally {
            weights.destroy();
        }
    }

    private static void sumPartition(Network network, Iterator<ExampleBlock> blocks, BatchSample.Sampler sampler,
            GroupGradientSums sums) {
        Workspace workspace = network.newWorkspace(ExampleBlocks.BLOCK_ROWS);
        float[][] sampledRows = new float[ExampleBlocks.BLOCK_ROWS][];
        float[] sampledTargets = new float[ExampleBlocks.BLOCK_ROWS];
        while (blocks.hasNext()) {
            ExampleBlock block = blocks.next();
            if (sampler == null) {
                sums.addGroupBlock(network, workspace, block.rows(), block.targets(), block.size(), block.group());
                continue;
            }
            int count = sampler.sample(block, sampledRows, sampledTargets);
            if (count > 0) {
                sums.addGroupBlock(network, workspace, sampledRows, sampledTargets, count, block.group());
            }
        }
    }

    /**
     * Sums the per-group statistics of every example, for validation.
     *
     * @param blocks the blocks
     * @param network the driver's network, read
     * @return the group statistics of the predictions
     */
    GroupStatistics statistics(JavaRDD<ExampleBlock> blocks, Network network) {
        Broadcast<NetworkWeights> weights = context.broadcast(NetworkWeights.of(network));
        int groups = groupCount;
        try {
            return blocks.mapPartitions(partitionBlocks -> {
                Network local = weights.value().toNetwork();
                Workspace workspace = local.newWorkspace(ExampleBlocks.BLOCK_ROWS);
                GroupStatistics statistics = new GroupStatistics(groups);
                while (partitionBlocks.hasNext()) {
                    ExampleBlock block = partitionBlocks.next();
                    float[] predictions = local.forward(block.rows(), block.size(), workspace);
                    for (int b = 0; b < block.size(); b++) {
                        statistics.add(block.group(), (double) predictions[b] - block.targets()[b]);
                    }
                }
                return List.of(statistics).iterator();
            }, true).treeAggregate(new GroupStatistics(groups), DistributedPass::addStatistics,
                    DistributedPass::addStatistics, TREE_DEPTH);
        } finally {
            weights.destroy();
        }
    }

    private static GroupStatistics addStatistics(GroupStatistics into, GroupStatistics part) {
        into.addAll(part);
        return into;
    }
}
