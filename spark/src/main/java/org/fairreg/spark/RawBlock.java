package org.fairreg.spark;

import java.io.Serializable;

/**
 * Up to {@link ExampleBlocks#BLOCK_ROWS} examples of one group as read from the data, before
 * standardizing: features as floats (the precision training uses), targets as doubles (so that
 * the target's mean and scale are measured as the local trainer measures them).
 *
 * @param group the group code of every example
 * @param rows one feature row per example
 * @param targets one target per example, in the original unit
 */
record RawBlock(int group, float[][] rows, double[] targets) implements Serializable {
}
