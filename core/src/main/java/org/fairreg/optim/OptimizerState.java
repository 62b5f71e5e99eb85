package org.fairreg.optim;

import java.util.Arrays;

/**
 * What an optimizer has learned so far, for a checkpoint: its step count and its per-parameter
 * buffers (Adam's two moments, the momentum's velocity), in the optimizer's own order.
 *
 * @param steps the steps made so far, at least 0
 * @param buffers the per-parameter buffers, each as long as the parameters; copied on the way in
 */
public record OptimizerState(long steps, float[][] buffers) {

    /**
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public OptimizerState {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, found " + steps);
        }
        buffers = Arrays.stream(buffers).map(float[]::clone).toArray(float[][]::new);
    }

    /** @return a copy of the buffers */
    @Override
    public float[][] buffers() {
        return Arrays.stream(buffers).map(float[]::clone).toArray(float[][]::new);
    }

    /**
     * Checks that a state fits an optimizer and copies its buffers there.
     *
     * @param targets the optimizer's own buffers, in its order; filled
     * @throws IllegalArgumentException if the number or a length of the buffers differs
     */
    void copyInto(float[]... targets) {
        if (buffers.length != targets.length) {
            throw new IllegalArgumentException("the optimizer keeps " + targets.length + " buffers, the state has "
                    + buffers.length);
        }
        for (int i = 0; i < targets.length; i++) {
            if (buffers[i].length != targets[i].length) {
                throw new IllegalArgumentException("buffer " + i + " holds " + targets[i].length
                        + " parameters, the state's " + buffers[i].length);
            }
            System.arraycopy(buffers[i], 0, targets[i], 0, targets[i].length);
        }
    }
}
