package org.fairreg.spark;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Which examples one step trains on: all of them (a full pass), or each independently with
 * probability {@code fraction}, drawn on the executors from a seed that depends only on the run's
 * seed, the step and the partition, so that a run repeats on the same partitioning.
 *
 * @param fraction the probability of each example, in {@code (0, 1]}; 1 is a full pass
 * @param seed the run's seed
 * @param step the step number, from 1
 */
record BatchSample(double fraction, long seed, long step) implements Serializable {

    /** The golden-ratio increment of SplitMix64, to spread consecutive seeds apart. */
    private static final long SEED_STRIDE = 0x9E3779B97F4A7C15L;

    /**
     * @param fraction the probability of each example
     * @param seed the run's seed
     * @param step the step number
     * @throws IllegalArgumentException if {@code fraction} is not in {@code (0, 1]}
     */
    BatchSample {
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], found " + fraction);
        }
    }

    /**
     * @param partition the partition's index
     * @return the partition's sampler, or null for a full pass
     */
    Sampler sampler(int partition) {
        if (fraction == 1.0) {
            return null;
        }
        long mixed = new SplittableRandom(seed + SEED_STRIDE * step).split().nextLong() + SEED_STRIDE * partition;
        return new Sampler(new SplittableRandom(mixed), fraction);
    }

    /** Draws a partition's examples of one step. Not thread-safe; one per partition and step. */
    static final class Sampler {

        private final SplittableRandom random;
        private final double fraction;

        private Sampler(SplittableRandom random, double fraction) {
            this.random = random;
            this.fraction = fraction;
        }

        /**
         * Picks the block's examples of this step, by reference: the rows are the block's own.
         *
         * @param block the block
         * @param rows receives the picked rows from index 0; overwritten there
         * @param targets receives their targets; overwritten there
         * @return how many were picked
         */
        int sample(ExampleBlock block, float[][] rows, float[] targets) {
            int count = 0;
            for (int b = 0; b < block.size(); b++) {
                if (random.nextDouble() < fraction) {
                    rows[count] = block.rows()[b];
                    targets[count] = block.targets()[b];
                    count++;
                }
            }
            return count;
        }
    }
}
