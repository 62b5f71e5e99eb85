package org.fairreg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.fairreg.data.Dataset;
import org.fairreg.data.RecipeData;
import org.fairreg.metrics.GroupReport;
import org.fairreg.model.Activation;
import org.fairreg.model.BatchPredictor;
import org.fairreg.objective.GapEstimate;
import org.fairreg.objective.GapForm;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.optim.Adam;
import org.fairreg.optim.OptimizerKind;
import org.fairreg.train.Batching;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.ValidationLoss;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.ndarray.buffer.IntDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The recipe on TensorFlow for Java in graph mode, with a custom loop of one
 * {@code Session.run} per step, as the recipe is written for TensorFlow.
 *
 * <p>It starts from fairreg's initial weights and trains on fairreg's batches, in fairreg's order
 * ({@link RecipeStart}); each step feeds the batch's features, targets and group codes and runs
 * the Adam update and the loss together, so the loss fetched is that of the weights before the
 * step, as fairreg reports it. After every epoch one {@code Session.run} predicts the whole
 * validation set and the recipe's batch-mean gap is computed from those predictions in Java, as
 * fairreg computes it from its own.
 *
 * <p>The session uses TensorFlow's default thread pools, one thread per core, as a user gets
 * them; fairreg trains on one thread. Feed tensors are allocated once and refilled, so the loop
 * measures TensorFlow's per-step cost, not the Java side's allocation.
 */
final class TensorFlowEngine implements RecipeEngine {

    @Override
    public EngineRun run(TrainingSettings settings, RecipeData data) {
        checkRecipe(settings);
        RecipeStart start = RecipeStart.draw(settings, data.train());
        try (Graph graph = new Graph()) {
            RecipeGraph recipe = RecipeGraph.build(graph, start, (float) settings.learningRate(),
                    (float) Adam.DEFAULT_BETA1, (float) Adam.DEFAULT_BETA2, (float) Adam.DEFAULT_EPSILON);
            try (Session session = new Session(graph)) {
                return new Loop(settings, data, start, recipe, session).run();
            }
        }
    }

    @Override
    public String describe() {
        return "TensorFlow for Java " + javaLibraryVersion() + " (TensorFlow " + TensorFlow.version()
                + "), graph mode";
    }

    /** Reads the Java library's version from the Maven metadata its jar carries. */
    private static String javaLibraryVersion() {
        Properties properties = new Properties();
        try (InputStream in = TensorFlow.class.getResourceAsStream(
                "/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            properties.load(in);
        } catch (IOException e) {
            return "(version unknown)";
        }
        return properties.getProperty("version", "(version unknown)");
    }

    /** Rejects settings this graph does not implement, rather than training something else. */
    private static void checkRecipe(TrainingSettings settings) {
        boolean recipe = settings.objective() == ObjectiveKind.GAP
                && settings.objectiveSettings().gapForm() == GapForm.SQUARED
                && settings.gapEstimate() == GapEstimate.BATCH
                && settings.activation() == Activation.RELU
                && settings.optimizer() == OptimizerKind.ADAM
                && settings.batching() == Batching.SHUFFLE
                && settings.validationLoss() == ValidationLoss.BATCH_MEAN
                && settings.weightDecay() == 0.0
                && !settings.standardizeFeatures()
                && !settings.standardizeTarget();
        if (!recipe) {
            throw new IllegalArgumentException("the TensorFlow baseline implements only the recipe's settings "
                    + "(squared gap from batch estimates, relu, adam, shuffled batches, batch-mean validation, no "
                    + "weight decay, no standardizing), found " + settings);
        }
    }

    /** One run's buffers and loop. */
    private static final class Loop {

        private final TrainingSettings settings;
        private final RecipeStart start;
        private final RecipeGraph recipe;
        private final Session session;
        private final Rows train;
        private final Rows validation;
        private final Rows test;
        private final Dataset testSet;
        private final Dataset validationSet;

        Loop(TrainingSettings settings, RecipeData data, RecipeStart start, RecipeGraph recipe, Session session) {
            this.settings = settings;
            this.start = start;
            this.recipe = recipe;
            this.session = session;
            this.train = Rows.of(data.train());
            this.validation = Rows.of(data.validation());
            this.test = Rows.of(data.test());
            this.testSet = data.test();
            this.validationSet = data.validation();
        }

        EngineRun run() {
            String note = compareInitialPredictions();

            int epochs = settings.maxEpochs();
            int batchSize = settings.batchSize();
            EpochLog log = new EpochLog(epochs);
            int[] order = new int[train.size()];
            float[] validationPredictions = new float[validation.size()];
            try (BatchFeed full = new BatchFeed(batchSize, train.featureCount());
                    BatchFeed tail = new BatchFeed(Math.max(1, train.size() % batchSize), train.featureCount());
                    TFloat32 validationFeatures = validation.featureTensor()) {
                log.started();
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long started = System.nanoTime();
                    double trainObjective = trainEpoch(order, full, tail);
                    predict(validationFeatures, validationPredictions);
                    double validationObjective = GapFigures.batchMeanGap(validationPredictions, validation.targets,
                            validation.groups, batchSize);
                    log.record(epoch, (System.nanoTime() - started) / 1e9, trainObjective, validationObjective);
                }
            }
            return log.finish(testReport(), note);
        }

        /** Runs one epoch of steps; returns the mean of the batch losses. */
        private double trainEpoch(int[] order, BatchFeed full, BatchFeed tail) {
            start.nextEpochOrder(order);
            int batchSize = settings.batchSize();
            double lossSum = 0.0;
            int batches = 0;
            for (int from = 0; from < order.length; from += batchSize) {
                int count = Math.min(batchSize, order.length - from);
                BatchFeed feed = count == batchSize ? full : tail;
                feed.fill(train, order, from);
                try (Result result = session.runner()
                        .feed(recipe.features, feed.features)
                        .feed(recipe.targets, feed.targets)
                        .feed(recipe.groups, feed.groups)
                        .addTarget(recipe.minimize)
                        .fetch(recipe.loss)
                        .run()) {
                    lossSum += ((TFloat32) result.get(0)).getFloat();
                }
                batches++;
            }
            return lossSum / batches;
        }

        private void predict(TFloat32 features, float[] predictions) {
            try (Result result = session.runner().feed(recipe.features, features).fetch(recipe.predictions).run()) {
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(predictions, false, false));
            }
        }

        private GroupReport testReport() {
            float[] predictions = new float[test.size()];
            try (TFloat32 features = test.featureTensor()) {
                predict(features, predictions);
            }
            double[] widened = new double[predictions.length];
            for (int e = 0; e < predictions.length; e++) {
                widened[e] = predictions[e];
            }
            return GroupReport.of(testSet.targets(), widened, testSet.groupCodes(), testSet.groups());
        }

        /**
         * Checks that the graph computes what fairreg's network computes from the same initial
         * weights, on the validation set, before any step.
         */
        private String compareInitialPredictions() {
            float[] ours = new BatchPredictor(start.network(), BatchPredictor.DEFAULT_CHUNK_SIZE)
                    .predict(validationSet.features());
            float[] theirs = new float[validation.size()];
            try (TFloat32 features = validation.featureTensor()) {
                predict(features, theirs);
            }
            double largest = 0.0;
            double scale = 0.0;
            for (int e = 0; e < ours.length; e++) {
                largest = Math.max(largest, Math.abs((double) ours[e] - theirs[e]));
                scale = Math.max(scale, Math.abs((double) ours[e]));
            }
            return String.format("initial validation predictions: largest difference to fairreg %.3g "
                    + "(largest |prediction| %.3g)", largest, scale);
        }
    }

    /** A batch's feed tensors, allocated once and refilled for every step. */
    private static final class BatchFeed implements AutoCloseable {

        final TFloat32 features;
        final TFloat32 targets;
        final TInt32 groups;
        private final float[] featureValues;
        private final float[] targetValues;
        private final int[] groupValues;
        /** Views of the three arrays above, made once: refilling the arrays refills them. */
        private final FloatDataBuffer featureBuffer;
        private final FloatDataBuffer targetBuffer;
        private final IntDataBuffer groupBuffer;

        BatchFeed(int batchSize, int featureCount) {
            this.featureValues = new float[batchSize * featureCount];
            this.targetValues = new float[batchSize];
            this.groupValues = new int[batchSize];
            this.featureBuffer = DataBuffers.of(featureValues, true, false);
            this.targetBuffer = DataBuffers.of(targetValues, true, false);
            this.groupBuffer = DataBuffers.of(groupValues, true, false);
            this.features = TFloat32.tensorOf(Shape.of(batchSize, featureCount));
            this.targets = TFloat32.tensorOf(Shape.of(batchSize));
            this.groups = TInt32.tensorOf(Shape.of(batchSize));
        }

        /** Copies examples {@code order[from ..]} into the tensors, as many as they hold. */
        void fill(Rows rows, int[] order, int from) {
            int featureCount = rows.featureCount;
            for (int b = 0; b < targetValues.length; b++) {
                int example = order[from + b];
                System.arraycopy(rows.features, example * featureCount, featureValues, b * featureCount,
                        featureCount);
                targetValues[b] = rows.targets[example];
                groupValues[b] = rows.groups[example];
            }
            features.copyFrom(featureBuffer);
            targets.copyFrom(targetBuffer);
            groups.copyFrom(groupBuffer);
        }

        @Override
        public void close() {
            features.close();
            targets.close();
            groups.close();
        }
    }
}
