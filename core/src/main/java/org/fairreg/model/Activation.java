package org.fairreg.model;

import org.fairreg.util.NamedChoice;

/**
 * Element-wise activation functions, each with a derivative expressed through its output so that
 * the backward pass needs only the stored activations.
 */
public enum Activation implements NamedChoice {

    /** {@code max(0, z)}; derivative 1 where the output is positive, else 0. */
    RELU {
        @Override
        void applyRange(float[] values, int from, int to) {
            for (int j = from; j < to; j++) {
                values[j] = Math.max(values[j], 0f);
            }
        }

        @Override
        void multiplyByDerivativeInPlace(float[] outputs, float[] deltas, int from, int to) {
            for (int j = from; j < to; j++) {
                if (outputs[j] <= 0f) {
                    deltas[j] = 0f;
                }
            }
        }
    },

    /** {@code tanh(z)}; derivative {@code 1 - tanh(z)^2}. */
    TANH {
        @Override
        void applyRange(float[] values, int from, int to) {
            for (int j = from; j < to; j++) {
                values[j] = (float) Math.tanh(values[j]);
            }
        }

        @Override
        void multiplyByDerivativeInPlace(float[] outputs, float[] deltas, int from, int to) {
            for (int j = from; j < to; j++) {
                float y = outputs[j];
                deltas[j] *= 1f - y * y;
            }
        }
    },

    /** {@code z}; derivative 1. The output layer of a regressor uses it. */
    IDENTITY {
        @Override
        void applyRange(float[] values, int from, int to) {
            // The identity leaves the values as they are.
        }

        @Override
        void multiplyByDerivativeInPlace(float[] outputs, float[] deltas, int from, int to) {
            // The derivative is 1 everywhere.
        }
    };

    /**
     * Replaces each value {@code z} at an index in {@code [from, to)} by {@code act(z)}.
     *
     * @param values pre-activations; modified
     * @param from the first index transformed
     * @param to one past the last index transformed
     */
    abstract void applyRange(float[] values, int from, int to);

    /**
     * Replaces each of the first {@code length} values {@code z} by {@code act(z)}.
     *
     * @param values pre-activations; modified
     * @param length how many values to transform
     */
    void applyInPlace(float[] values, int length) {
        applyRange(values, 0, length);
    }

    /**
     * Multiplies each delta at an index in {@code [from, to)} by the derivative of the activation
     * at the matching output.
     *
     * @param outputs activations {@code act(z)}, as produced by {@link #applyRange}
     * @param deltas gradients with respect to the outputs; modified into gradients with respect
     *        to the pre-activations
     * @param from the first index processed
     * @param to one past the last index processed
     */
    abstract void multiplyByDerivativeInPlace(float[] outputs, float[] deltas, int from, int to);

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static Activation fromId(String id) {
        return NamedChoice.fromId(Activation.class, "activation", id);
    }
}
