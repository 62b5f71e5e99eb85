package org.fairreg.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Adam's first steps against values computed by hand from the Keras formulas, in double. */
class AdamTest {

    /** float32 arithmetic against a double reference, parameters of order 1. */
    private static final double FLOAT_TOLERANCE = 1e-6;

    @Test
    void firstStepsMatchTheKerasFormulasComputedByHand() {
        Adam adam = new Adam(2, 0.01);
        float[] parameters = {1.0f, -2.0f};
        double[] reference = {1.0, -2.0};
        double[] m = new double[2];
        double[] v = new double[2];
        double[][] gradients = {{0.5, -3.0}, {0.1, 4.0}, {-2.0, 0.0}};

        for (int t = 1; t <= gradients.length; t++) {
            double[] g = gradients[t - 1];
            adam.step(parameters, new float[] {(float) g[0], (float) g[1]});
            double alpha = 0.01 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int j = 0; j < 2; j++) {
                m[j] += (g[j] - m[j]) * 0.1;
                v[j] += (g[j] * g[j] - v[j]) * 0.001;
                reference[j] -= alpha * m[j] / (Math.sqrt(v[j]) + 1e-7);
                assertThat((double) parameters[j]).as("parameter %d after step %d", j, t)
                        .isCloseTo(reference[j], within(FLOAT_TOLERANCE));
            }
        }
        assertThat(adam.stepCount()).isEqualTo(3);
    }

    @Test
    void firstStepMovesEachParameterByAboutTheLearningRateAgainstItsGradient() {
        // With bias correction, step 1 is lr * g / (|g| + epsilon / sqrt(1 - beta2)): nearly lr * sign(g).
        Adam adam = new Adam(3, 0.001);
        float[] parameters = new float[3];
        adam.step(parameters, new float[] {1e3f, -1e-3f, 0f});
        assertThat(parameters[0]).isCloseTo(-0.001f, within(1e-8f));
        double damped = 0.001 * 1e-3 / (1e-3 + 1e-7 / Math.sqrt(1 - 0.999));
        assertThat((double) parameters[1]).isCloseTo(damped, within(FLOAT_TOLERANCE * 1e-3));
        assertThat(parameters[2]).isZero();
    }

    @Test
    void rejectsBadSettingsAndMismatchedLengths() {
        assertThatThrownBy(() -> new Adam(2, 0.0)).hasMessageContaining("learningRate")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> new Adam(2, 0.1, 1.0, 0.999, 1e-7)).hasMessageContaining("beta1")
                .hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new Adam(0, 0.1)).hasMessageContaining("parameterCount");
        Adam adam = new Adam(2, 0.1);
        assertThatThrownBy(() -> adam.step(new float[3], new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 values, found 3 and 3");
    }
}
