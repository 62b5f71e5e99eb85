package org.fairreg.objective;

/**
 * Turns an objective's per-group weights into its gradient with respect to each prediction.
 */
public final class PredictionGradient {

    private PredictionGradient() {
    }

    /**
     * Computes {@code gradient[b] = 2 r_b * weights[groups[b]]}, the derivative of the objective
     * with respect to prediction {@code b} (positive: a larger prediction increases the
     * objective), from the residuals {@link GroupStatistics#accumulate} kept.
     *
     * @param residuals {@code r_b = f_b - y_b}, at least {@code count} values
     * @param groups group code of each example
     * @param count the number of examples
     * @param weights {@code w_k = d objective / d S_k}, from {@link Objective#sumSquaresWeights}
     * @param gradient receives the derivatives at indices {@code 0..count-1}; overwritten there
     */
    public static void fromResiduals(double[] residuals, int[] groups, int count, double[] weights, float[] gradient) {
        for (int b = 0; b < count; b++) {
            gradient[b] = (float) (2.0 * residuals[b] * weights[groups[b]]);
        }
    }
}
