package org.fairreg.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** SGD with momentum against hand-computed steps. */
class SgdMomentumTest {

    private static final float FLOAT_TOLERANCE = 1e-6f;

    @Test
    void accumulatesVelocityAsKerasDoes() {
        SgdMomentum sgd = new SgdMomentum(1, 0.1, 0.5);
        float[] parameter = {1f};
        sgd.step(parameter, new float[] {2f});
        // velocity = -0.1 * 2 = -0.2
        assertThat(parameter[0]).isCloseTo(0.8f, within(FLOAT_TOLERANCE));
        sgd.step(parameter, new float[] {-3f});
        // velocity = 0.5 * -0.2 - 0.1 * -3 = 0.2
        assertThat(parameter[0]).isCloseTo(1.0f, within(FLOAT_TOLERANCE));
    }

    @Test
    void withoutMomentumItIsPlainGradientDescent() {
        SgdMomentum sgd = new SgdMomentum(2, 0.5, 0.0);
        float[] parameters = {1f, 1f};
        sgd.step(parameters, new float[] {1f, -2f});
        sgd.step(parameters, new float[] {1f, -2f});
        assertThat(parameters).containsExactly(0f, 3f);
    }
}
