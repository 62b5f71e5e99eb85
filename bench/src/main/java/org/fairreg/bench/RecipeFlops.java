package org.fairreg.bench;

import org.fairreg.model.Architecture;
import org.fairreg.train.TrainingSettings;

/**
 * The arithmetic of one recipe epoch, counted in floating-point operations, a multiply-add being
 * two.
 *
 * <p>A dense layer with {@code n_in} inputs and {@code n_out} outputs costs, per example,
 * {@code 2 n_in n_out} in the forward pass, as much again for its parameter gradient, and as much
 * again for the delta of its input, which the first layer does not need. Biases, activations, the
 * loss and Adam are left out: they are linear in the layer widths, not quadratic. An epoch trains
 * on every training example once and runs the forward pass on every validation example once:
 * <pre>
 *   flops = trainRows * sum_l (4 + [l &gt; 0] * 2) n_in(l) n_out(l) + validationRows * sum_l 2 n_in(l) n_out(l)
 * </pre>
 * For the recipe (10-64-64-1, 8000 training and 2000 validation examples) that is
 * 8000 * 27520 + 2000 * 9600 = 239.36 MFLOP.
 */
final class RecipeFlops {

    /** Training examples per recipe epoch. */
    static final int TRAIN_ROWS = 8000;
    /** Validation examples per recipe epoch. */
    static final int VALIDATION_ROWS = 2000;
    /** Features of the recipe's data. */
    static final int FEATURES = 10;

    private RecipeFlops() {
    }

    /** @return the floating-point operations of one recipe epoch */
    static double perEpoch() {
        TrainingSettings recipe = TrainingSettings.recipe();
        return perEpoch(new Architecture(FEATURES, recipe.hiddenSizes(), recipe.activation()), TRAIN_ROWS,
                VALIDATION_ROWS);
    }

    /**
     * Counts one epoch's operations by the formula above.
     *
     * @param architecture the network
     * @param trainRows training examples per epoch
     * @param validationRows validation examples per epoch
     * @return the count
     */
    static double perEpoch(Architecture architecture, int trainRows, int validationRows) {
        double train = 0;
        double validation = 0;
        for (int l = 0; l < architecture.layerCount(); l++) {
            double products = (double) architecture.layerInputSize(l) * architecture.layerOutputSize(l);
            train += (l > 0 ? 6 : 4) * products;
            validation += 2 * products;
        }
        return trainRows * train + validationRows * validation;
    }
}
