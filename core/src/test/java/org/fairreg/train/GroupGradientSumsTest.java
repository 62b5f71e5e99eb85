package org.fairreg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.model.GlorotUniform;
import org.fairreg.model.Network;
import org.fairreg.model.Workspace;
import org.fairreg.objective.GroupStatistics;
import org.fairreg.objective.Objective;
import org.fairreg.objective.PredictionGradient;
import org.fairreg.random.LegacyRandom;
import org.junit.jupiter.api.Test;

class GroupGradientSumsTest {

    /** Float gradients of the same 300 examples summed in another order. */
    private static final double TOLERANCE = 1e-5;
    private static final int EXAMPLES = 300;
    private static final int GROUPS = 3;

    @Test
    void sumsOverGroupBlocksGiveTheBatchGradient() {
        Random random = new Random(5);
        Network network = new Network(new Architecture(3, new int[] {6}, Activation.RELU));
        GlorotUniform.initialize(network, new LegacyRandom(9));
        float[][] rows = new float[EXAMPLES][3];
        float[] targets = new float[EXAMPLES];
        int[] groups = new int[EXAMPLES];
        for (int e = 0; e < EXAMPLES; e++) {
            for (int f = 0; f < 3; f++) {
                rows[e][f] = (float) random.nextGaussian();
            }
            targets[e] = (float) random.nextGaussian();
            groups[e] = e % 7 == 0 ? 2 : e % 2;
        }
        Objective objective = TrainingSettings.defaults().withLambda(2.0).createObjective(1.0);

        GroupGradientSums whole = new GroupGradientSums(GROUPS, network.parameterCount());
        GroupGradientSums secondHalf = new GroupGradientSums(GROUPS, network.parameterCount());
        Workspace workspace = network.newWorkspace(EXAMPLES);
        for (int k = 0; k < GROUPS; k++) {
            addGroup(whole, network, workspace, rows, targets, groups, k, 0, EXAMPLES / 2);
            addGroup(secondHalf, network, workspace, rows, targets, groups, k, EXAMPLES / 2, EXAMPLES);
        }
        whole.addAll(secondHalf);
        GroupStatistics statistics = new GroupStatistics(GROUPS);
        whole.copyStatisticsTo(statistics);
        double[] weights = new double[GROUPS];
        objective.sumSquaresWeights(statistics, weights);
        float[] gradient = new float[network.parameterCount()];
        whole.combine(weights, gradient);

        float[] expected = batchGradient(network, objective, rows, targets, groups);
        assertThat(whole.totalCount()).isEqualTo(EXAMPLES);
        double largest = 0.0;
        for (float value : expected) {
            largest = Math.max(largest, Math.abs(value));
        }
        for (int p = 0; p < expected.length; p++) {
            assertThat((double) Math.abs(gradient[p] - expected[p])).as("parameter %d", p).isLessThan(TOLERANCE * largest);
        }
    }

    @Test
    void groupOutOfRangeIsRefused() {
        Network network = new Network(new Architecture(1, new int[0], Activation.RELU));
        GroupGradientSums sums = new GroupGradientSums(2, network.parameterCount());

        assertThatThrownBy(() -> sums.addGroupBlock(network, network.newWorkspace(1), new float[1][1], new float[1],
                1, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group must be in [0, 2)");
    }

    private static void addGroup(GroupGradientSums sums, Network network, Workspace workspace, float[][] rows,
            float[] targets, int[] groups, int group, int from, int to) {
        float[][] blockRows = new float[to - from][];
        float[] blockTargets = new float[to - from];
        int count = 0;
        for (int e = from; e < to; e++) {
            if (groups[e] == group) {
                blockRows[count] = rows[e];
                blockTargets[count++] = targets[e];
            }
        }
        sums.addGroupBlock(network, workspace, blockRows, blockTargets, count, group);
    }

    private static float[] batchGradient(Network network, Objective objective, float[][] rows, float[] targets,
            int[] groups) {
        Workspace workspace = network.newWorkspace(EXAMPLES);
        float[] predictions = network.forward(rows, EXAMPLES, workspace);
        GroupStatistics statistics = new GroupStatistics(GROUPS);
        double[] residuals = new double[EXAMPLES];
        statistics.accumulate(predictions, targets, groups, EXAMPLES, residuals);
        double[] weights = new double[GROUPS];
        objective.sumSquaresWeights(statistics, weights);
        float[] predictionGradient = new float[EXAMPLES];
        PredictionGradient.fromResiduals(residuals, groups, EXAMPLES, weights, predictionGradient);
        float[] gradient = new float[network.parameterCount()];
        network.backward(rows, EXAMPLES, predictionGradient, workspace, gradient);
        return gradient;
    }
}
