package org.fairreg.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The shape of a dense regression network: input size, hidden layer sizes and their activation,
 * and one linear output unit.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Architecture {

    /** The largest layer width accepted, to keep a mistyped size from exhausting memory. */
    public static final int MAX_LAYER_SIZE = 1 << 16;

    private final int inputSize;
    private final int[] hiddenSizes;
    private final Activation hiddenActivation;

    /**
     * @param inputSize number of features, at least 1
     * @param hiddenSizes width of each hidden layer, input side first, each in
     *        {@code [1, MAX_LAYER_SIZE]}; may be empty for a linear model
     * @param hiddenActivation activation of every hidden layer
     * @throws IllegalArgumentException if a size is out of range
     */
    public Architecture(int inputSize, int[] hiddenSizes, Activation hiddenActivation) {
        checkSize("inputSize", inputSize);
        for (int l = 0; l < hiddenSizes.length; l++) {
            checkSize("hiddenSizes[" + l + "]", hiddenSizes[l]);
        }
        this.inputSize = inputSize;
        this.hiddenSizes = hiddenSizes.clone();
        this.hiddenActivation = Objects.requireNonNull(hiddenActivation, "hiddenActivation");
    }

    private static void checkSize(String name, int size) {
        if (size < 1 || size > MAX_LAYER_SIZE) {
            throw new IllegalArgumentException(name + " must be in [1, " + MAX_LAYER_SIZE + "], found " + size);
        }
    }

    /** @return the number of inputs (features) */
    public int inputSize() {
        return inputSize;
    }

    /** @return a copy of the hidden layer widths, input side first */
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    /** @return the activation of the hidden layers */
    public Activation hiddenActivation() {
        return hiddenActivation;
    }

    /** @return the number of dense layers, the output layer included */
    public int layerCount() {
        return hiddenSizes.length + 1;
    }

    /**
     * @param l a layer index, 0 for the first hidden layer
     * @return the number of values the layer reads
     */
    public int layerInputSize(int l) {
        return l == 0 ? inputSize : hiddenSizes[l - 1];
    }

    /**
     * @param l a layer index, 0 for the first hidden layer
     * @return the number of values the layer writes; 1 for the output layer
     */
    public int layerOutputSize(int l) {
        return l == hiddenSizes.length ? 1 : hiddenSizes[l];
    }

    /**
     * @param l a layer index
     * @return the activation of that layer; identity for the output layer
     */
    public Activation layerActivation(int l) {
        return l == hiddenSizes.length ? Activation.IDENTITY : hiddenActivation;
    }

    /** @return the widest layer, inputs included */
    public int maxWidth() {
        int widest = inputSize;
        for (int size : hiddenSizes) {
            widest = Math.max(widest, size);
        }
        return widest;
    }

    /**
     * @return the total number of weights and biases
     * @throws ArithmeticException if it exceeds {@code Integer.MAX_VALUE}
     */
    public int parameterCount() {
        long count = 0;
        for (int l = 0; l < layerCount(); l++) {
            count += (long) layerInputSize(l) * layerOutputSize(l) + layerOutputSize(l);
        }
        return Math.toIntExact(count);
    }

    /** @return the layer sizes joined by dashes, inputs first, such as {@code 10-64-64-1} */
    public String describe() {
        StringJoiner sizes = new StringJoiner("-");
        sizes.add(Integer.toString(inputSize));
        for (int size : hiddenSizes) {
            sizes.add(Integer.toString(size));
        }
        return sizes.add("1").toString();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Architecture)) {
            return false;
        }
        Architecture that = (Architecture) other;
        return inputSize == that.inputSize
                && Arrays.equals(hiddenSizes, that.hiddenSizes)
                && hiddenActivation == that.hiddenActivation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputSize, Arrays.hashCode(hiddenSizes), hiddenActivation);
    }

    @Override
    public String toString() {
        return describe() + " " + hiddenActivation.id();
    }
}
