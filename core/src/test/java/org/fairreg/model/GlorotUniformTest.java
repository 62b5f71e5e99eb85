package org.fairreg.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.fairreg.random.LegacyRandom;
import org.junit.jupiter.api.Test;

/** Glorot-uniform draws: the numpy-compatible order, the limits and zero biases. */
class GlorotUniformTest {

    @Test
    void drawsKernelsRowMajorFromOneGeneratorAsNumpyUniformWould() {
        Network network = new Network(new Architecture(10, new int[] {64, 64}, Activation.RELU));
        GlorotUniform.initialize(network, new LegacyRandom(42));

        LegacyRandom expected = new LegacyRandom(42);
        float[] p = network.parameters();
        double firstLimit = Math.sqrt(6.0 / (10 + 64));
        for (int w = 0; w < 10 * 64; w++) {
            assertThat(p[w]).as("kernel 0 entry %d", w).isEqualTo((float) expected.uniform(-firstLimit, firstLimit));
        }
        for (int o = 0; o < 64; o++) {
            assertThat(p[network.biasOffset(0) + o]).isZero();
        }
        double secondLimit = Math.sqrt(6.0 / (64 + 64));
        assertThat(p[network.kernelOffset(1)]).isEqualTo((float) expected.uniform(-secondLimit, secondLimit));
    }

    @Test
    void keepsEveryKernelEntryWithinItsLimit() {
        Network network = new Network(new Architecture(7, new int[] {3}, Activation.TANH));
        GlorotUniform.initialize(network, new LegacyRandom(1));
        float[] p = network.parameters();
        double limit = Math.sqrt(6.0 / (7 + 3));
        for (int w = 0; w < 21; w++) {
            assertThat(Math.abs(p[w])).isLessThanOrEqualTo((float) limit);
        }
    }
}
