package org.fairreg.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.Standardization;
import org.fairreg.model.Architecture;
import org.fairreg.model.GlorotUniform;
import org.fairreg.model.Network;
import org.fairreg.model.Workspace;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.GroupStatistics;
import org.fairreg.objective.Objective;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.objective.PredictionGradient;
import org.fairreg.random.LegacyRandom;
import org.fairreg.train.GroupGradientSums;
import org.fairreg.train.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One full-batch gradient computed over partitions equals the local trainer's computation over
 * all rows at once: forward pass, group statistics, the objective's weights, backward pass.
 */
class SparkGradientTest {

    /**
     * Float gradients of the same sum over 1200 examples, added in another order: rounding of a
     * few units in the last place of the larger terms, far below any real error.
     */
    private static final double GRADIENT_TOLERANCE = 1e-5;
    /** Means and scales are sums in double over the same floats, in another order. */
    private static final double STANDARDIZATION_TOLERANCE = 1e-12;
    private static final int ROWS = 1200;
    private static final int PARTITIONS = 5;

    private static Dataset<Row> partitioned;
    private static org.fairreg.data.Dataset local;

    @BeforeAll
    static void partitionByGroup() {
        Dataset<Row> rows = LocalSpark.rows(ROWS, 7);
        // Ranges of (group, x0): most partitions hold one or two of the three groups, none all.
        partitioned = rows.repartitionByRange(PARTITIONS, col("group"), col("x0")).cache();
        local = LocalCopy.of(rows);
    }

    @Test
    void partitionsLackSomeGroups() {
        List<Integer> groupsPerPartition = partitioned.javaRDD()
                .mapPartitions(it -> {
                    Set<String> seen = new HashSet<>();
                    it.forEachRemaining(row -> seen.add(row.getString(5)));
                    return List.of(seen.size()).iterator();
                }).collect();

        assertThat(groupsPerPartition).hasSize(PARTITIONS).allMatch(count -> count < 3);
    }

    static Stream<TrainingSettings> objectives() {
        TrainingSettings base = TrainingSettings.defaults().withHiddenSizes(16, 8);
        return Stream.of(
                base.withObjective(ObjectiveKind.MSE),
                base.withLambda(2.0),
                base.withObjectiveSettings(base.objectiveSettings().withMeasure(GapMeasure.PAIRWISE).withLambda(3.0)),
                base.withObjective(ObjectiveKind.CONSTRAINED));
    }

    @ParameterizedTest
    @MethodSource("objectives")
    void fullBatchGradientEqualsTheLocalOne(TrainingSettings settings) {
        try (TrainingData data = TrainingData.read(partitioned, partitioned, columns(), true, true)) {
            Standardization standardization = Standardization.fit(local, true, true);
            Network network = initialNetwork(settings);
            Objective objective = objective(settings, standardization);
            DistributedPass pass = new DistributedPass(JavaSparkContext.fromSparkContext(
                    partitioned.sparkSession().sparkContext()), 3, network.parameterCount());
            SparkTrainingRun run = new SparkTrainingRun(settings, 1.0, objective(settings, standardization),
                    settings.optimizer().create(network.parameterCount(), 1e-3, 0.0), network, data, pass);

            GroupGradientSums sums = pass.gradientSums(data.train(), network, new BatchSample(1.0, 1, 1));
            double sparkValue = run.gradientOf(sums);
            float[] spark = run.gradient().clone();
            float[] reference = new float[network.parameterCount()];
            double localValue = localGradient(network, objective, standardization, reference);

            assertThat(sums.totalCount()).isEqualTo(ROWS);
            assertThat(sparkValue).isCloseTo(localValue, offset(1e-9 * localValue));
            assertClose(spark, reference);
        }
    }

    @Test
    void standardizationEqualsTheLocalOne() {
        try (TrainingData data = TrainingData.read(partitioned, partitioned, columns(), true, true)) {
            Standardization expected = Standardization.fit(local, true, true);
            Standardization actual = data.standardization();

            assertThat(actual.featureMeans()).containsExactly(expected.featureMeans(),
                    offset(STANDARDIZATION_TOLERANCE));
            assertThat(actual.featureScales()).containsExactly(expected.featureScales(),
                    offset(STANDARDIZATION_TOLERANCE));
            assertThat(actual.targetMean()).isCloseTo(expected.targetMean(),
                    offset(STANDARDIZATION_TOLERANCE * 100));
            assertThat(actual.targetScale()).isCloseTo(expected.targetScale(),
                    offset(STANDARDIZATION_TOLERANCE * 100));
            assertThat(data.groups().labels()).containsExactly("a", "b", "c");
        }
    }

    static DataColumns columns() {
        return DataColumns.ofColumns(LocalSpark.FEATURES, "y", "group");
    }

    private static Network initialNetwork(TrainingSettings settings) {
        Network network = new Network(new Architecture(LocalSpark.FEATURES.size(), settings.hiddenSizes(),
                settings.activation()));
        GlorotUniform.initialize(network, new LegacyRandom(settings.seed()));
        return network;
    }

    private static Objective objective(TrainingSettings settings, Standardization standardization) {
        return settings.createObjective(1.0 / (standardization.targetScale() * standardization.targetScale()));
    }

    /** The local training run's step for one batch of every example, from the core's public parts. */
    private static double localGradient(Network network, Objective objective, Standardization standardization,
            float[] gradient) {
        int count = local.size();
        FeatureTable features = standardization.applyToFeatures(local.features());
        float[][] input = new float[count][LocalSpark.FEATURES.size()];
        for (int e = 0; e < count; e++) {
            features.copyRow(e, input[e], 0);
        }
        float[] targets = standardization.applyToTargets(local.targets());
        Workspace workspace = network.newWorkspace(count);
        float[] predictions = network.forward(input, count, workspace);
        GroupStatistics statistics = new GroupStatistics(local.groups().size());
        double[] residuals = new double[count];
        statistics.accumulate(predictions, targets, local.groupCodes(), count, residuals);
        double value = objective.value(statistics);
        double[] weights = new double[statistics.groupCount()];
        objective.sumSquaresWeights(statistics, weights);
        float[] predictionGradient = new float[count];
        PredictionGradient.fromResiduals(residuals, local.groupCodes(), count, weights, predictionGradient);
        network.backward(input, count, predictionGradient, workspace, gradient);
        return value;
    }

    private static void assertClose(float[] actual, float[] expected) {
        double largest = 0.0;
        for (float value : expected) {
            largest = Math.max(largest, Math.abs(value));
        }
        List<String> failures = new ArrayList<>();
        for (int p = 0; p < expected.length; p++) {
            if (Math.abs(actual[p] - expected[p]) > GRADIENT_TOLERANCE * largest) {
                failures.add("parameter " + p + ": " + actual[p] + " vs " + expected[p]);
            }
        }
        assertThat(largest).isPositive();
        assertThat(failures).as("largest |gradient| %s", largest).isEmpty();
    }
}
