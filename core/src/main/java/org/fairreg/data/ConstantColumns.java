package org.fairreg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Finds a target or features that hold one value in every example. A constant target leaves a
 * model nothing to learn; a constant feature carries no information (standardizing keeps its scale
 * at 1, so it becomes 0 rather than NaN, and training is unharmed), which usually means a column
 * was chosen by mistake or the export lost it.
 *
 * <p>The class is stateless and safe to use from several threads at once.
 */
public final class ConstantColumns {

    private ConstantColumns() {
    }

    /**
     * @param data the examples
     * @return the target of every example when they are all equal, else empty; empty for no
     *         examples
     */
    public static OptionalDouble constantTarget(Dataset data) {
        double[] targets = data.targets();
        if (targets.length == 0) {
            return OptionalDouble.empty();
        }
        double first = targets[0];
        for (double target : targets) {
            if (target != first) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.of(first);
    }

    /**
     * @param data the examples, at least one
     * @return the encoded features that hold one value in every example, in feature order; an
     *         indicator of a categorical column with a single category is one
     */
    public static List<Constant> constantFeatures(Dataset data) {
        FeatureTable features = data.features();
        List<Constant> constants = new ArrayList<>();
        for (int f = 0; f < features.featureCount(); f++) {
            float[] column = features.column(f);
            if (column.length > 0 && isConstant(column)) {
                constants.add(new Constant(features.names().get(f), column[0]));
            }
        }
        return constants;
    }

    private static boolean isConstant(float[] column) {
        float first = column[0];
        for (float value : column) {
            if (value != first) {
                return false;
            }
        }
        return true;
    }

    /**
     * A feature with one value in every example.
     *
     * @param name the encoded feature's name
     * @param value its value
     */
    public record Constant(String name, float value) {
    }
}
