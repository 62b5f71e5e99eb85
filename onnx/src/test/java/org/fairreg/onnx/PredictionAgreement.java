package org.fairreg.onnx;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How closely ONNX Runtime's predictions must match fairreg's.
 *
 * <p>The relative error of one prediction is {@code |onnx - fairreg| / max(|fairreg|, targetScale)}:
 * relative to the prediction, except that a prediction near zero is measured against the target's
 * spread, since relative to a value near zero any rounding looks large. Both compute the dense
 * layers in {@code float} (about 6e-8 relative per operation) but sum in other orders, so a few
 * layers of 10 to 64 terms stay far below the bound.
 */
final class PredictionAgreement {

    /** The largest relative error accepted, as the issue asks. */
    static final double RELATIVE_TOLERANCE = 1e-5;

    private PredictionAgreement() {
    }

    /**
     * @param onnx ONNX Runtime's predictions
     * @param fairreg fairreg's predictions of the same rows
     * @param targetScale the model's target scale, the floor of the denominator
     * @return the largest relative error
     */
    static double maxRelativeError(double[] onnx, double[] fairreg, double targetScale) {
        assertThat(onnx).hasSameSizeAs(fairreg);
        double largest = 0.0;
        for (int e = 0; e < fairreg.length; e++) {
            double error = Math.abs(onnx[e] - fairreg[e]) / Math.max(Math.abs(fairreg[e]), targetScale);
            largest = Math.max(largest, error);
        }
        return largest;
    }

    /**
     * Asserts that every prediction agrees within {@link #RELATIVE_TOLERANCE}, naming the worst row.
     *
     * @param onnx ONNX Runtime's predictions
     * @param fairreg fairreg's predictions of the same rows
     * @param targetScale the model's target scale
     */
    static void assertAgree(double[] onnx, double[] fairreg, double targetScale) {
        double largest = maxRelativeError(onnx, fairreg, targetScale);
        assertThat(largest)
                .as("largest relative error of %d predictions", fairreg.length)
                .isLessThan(RELATIVE_TOLERANCE);
    }
}
