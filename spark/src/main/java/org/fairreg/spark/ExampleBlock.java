package org.fairreg.spark;

import java.io.Serializable;

/**
 * Up to {@link ExampleBlocks#BLOCK_ROWS} standardized examples of one group, as cached on the
 * executors for the whole run. One group per block lets a block's backward pass go whole to its
 * group's gradient ({@link org.fairreg.train.GroupGradientSums#addGroupBlock}).
 *
 * @param group the group code of every example
 * @param rows one standardized feature row per example
 * @param targets one standardized target per example
 */
record ExampleBlock(int group, float[][] rows, float[] targets) implements Serializable {

    /** @return the number of examples */
    int size() {
        return targets.length;
    }
}
