package org.fairreg.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.model.Network;
import org.junit.jupiter.api.Test;

/** Early stopping against scripted validation curves. */
class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndKeepsTheBestParameters() {
        double[] curve = {5.0, 4.0, 3.0, 3.5, 3.2, 2.9, 2.9, 3.1, 3.3, 1.0};
        EarlyStopping stopping = new EarlyStopping(3, new float[] {-1f});

        int stoppedAt = 0;
        for (int epoch = 1; epoch <= curve.length; epoch++) {
            // The parameters after epoch e are {e}, so the kept copy names its epoch.
            stopping.update(epoch, curve[epoch - 1], true, new float[] {epoch});
            if (stopping.shouldStop()) {
                stoppedAt = epoch;
                break;
            }
        }

        // 2.9 at epoch 6; epoch 7 ties (no improvement), 8 and 9 are worse: third miss at epoch 9.
        assertThat(stoppedAt).isEqualTo(9);
        assertThat(stopping.bestEpoch()).isEqualTo(6);
        assertThat(stopping.bestValue()).isEqualTo(2.9);
        assertThat(stopping.bestParameters()).containsExactly(6f);
    }

    @Test
    void aMissThenAnImprovementResetsTheCount() {
        EarlyStopping stopping = new EarlyStopping(2, new float[1]);
        stopping.update(1, 1.0, true, new float[1]);
        stopping.update(2, 2.0, true, new float[1]);
        stopping.update(3, 0.5, true, new float[1]);
        stopping.update(4, 0.7, true, new float[1]);
        assertThat(stopping.shouldStop()).isFalse();
        stopping.update(5, 0.6, true, new float[1]);
        assertThat(stopping.shouldStop()).isTrue();
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochThatDoesNotImprove() {
        EarlyStopping stopping = new EarlyStopping(0, new float[1]);
        stopping.update(1, 1.0, true, new float[1]);
        assertThat(stopping.shouldStop()).isFalse();
        stopping.update(2, 1.0, true, new float[1]);
        assertThat(stopping.shouldStop()).isTrue();
    }

    @Test
    void nanNeverImprovesAndTheInitialParametersStandAsEpochZero() {
        EarlyStopping stopping = new EarlyStopping(5, new float[] {7f});
        stopping.update(1, Double.NaN, true, new float[] {1f});
        assertThat(stopping.bestEpoch()).isZero();
        assertThat(stopping.bestParameters()).containsExactly(7f);
    }

    @Test
    void anEpochThatMeetsTheConstraintsBeatsAnyThatDoesNot() {
        EarlyStopping stopping = new EarlyStopping(5, new float[1]);
        stopping.update(1, 0.5, false, new float[] {1f});
        stopping.update(2, 3.0, true, new float[] {2f});
        stopping.update(3, 0.1, false, new float[] {3f});
        stopping.update(4, 2.0, true, new float[] {4f});

        assertThat(stopping.bestEpoch()).isEqualTo(4);
        assertThat(stopping.bestParameters()).containsExactly(4f);
    }

    @Test
    void finishRestoresTheBestEpochWhenAsked() {
        Network network = twoEpochRun(true, StopReason.EARLY_STOPPING);
        assertThat(network.parameters()).containsOnly(1f);
    }

    @Test
    void finishKeepsTheLastEpochWhenRestoringIsOff() {
        EarlyStopping stopping = stoppingAfterTwoEpochs();
        Network network = networkFilledWith(2f);

        TrainingSummary summary = stopping.finish(network, 2, StopReason.MAX_EPOCHS, false);

        assertThat(network.parameters()).containsOnly(2f);
        assertThat(summary).isEqualTo(new TrainingSummary(2, 1, 2, 0.5, StopReason.MAX_EPOCHS));
    }

    @Test
    void finishRestoresTheBestEpochAfterADivergenceEvenWhenRestoringIsOff() {
        Network network = twoEpochRun(false, StopReason.DIVERGED);
        assertThat(network.parameters()).containsOnly(1f);
    }

    /** Epoch 1 (parameters all 1, value 0.5) is the best; epoch 2 (all 2, value 0.9) is not. */
    private static EarlyStopping stoppingAfterTwoEpochs() {
        Network shape = networkFilledWith(0f);
        EarlyStopping stopping = new EarlyStopping(5, shape.parameters());
        stopping.update(1, 0.5, true, filled(shape.parameterCount(), 1f));
        stopping.update(2, 0.9, true, filled(shape.parameterCount(), 2f));
        return stopping;
    }

    private static Network twoEpochRun(boolean restoreBest, StopReason reason) {
        Network network = networkFilledWith(2f);
        TrainingSummary summary = stoppingAfterTwoEpochs().finish(network, 2, reason, restoreBest);
        assertThat(summary).isEqualTo(new TrainingSummary(2, 1, 1, 0.5, reason));
        return network;
    }

    private static Network networkFilledWith(float value) {
        Network network = new Network(new Architecture(2, new int[] {3}, Activation.RELU));
        network.setParameters(filled(network.parameterCount(), value));
        return network;
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return values;
    }
}
