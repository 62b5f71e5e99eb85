package org.fairreg.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.GroupLabels;
import org.fairreg.spark.DataColumns;
import org.fairreg.spark.SparkTrainer;
import org.fairreg.train.EpochRecord;
import org.fairreg.train.Execution;
import org.fairreg.train.Trainer;
import org.fairreg.train.TrainingListener;
import org.fairreg.train.TrainingResult;
import org.fairreg.train.TrainingSettings;

/**
 * Full-pass training on Spark in local mode against the local trainer with one batch of every
 * example, on the same generated rows (10 features, two groups, network 10-64-64-1, penalized
 * objective): rows trained per second, and the time of one epoch (one step and one validation
 * pass) on small data as the number of partitions grows, which is the per-step overhead.
 *
 * <p>Row {@code i} is a function of {@code i} alone, so Spark generates its rows inside its
 * partitions and the local trainer the same rows in memory. Prints Markdown tables.
 *
 * <p>Usage: {@code SparkBenchmark [ROWS [EPOCHS [MASTER]]]}, defaults 1000000, 3, local[2].
 */
public final class SparkBenchmark {

    private static final int FEATURES = 10;
    private static final long SEED = 1;
    private static final long STRIDE = 0x9E3779B97F4A7C15L;
    private static final int VALIDATION_ROWS = 10_000;
    private static final int SMALL_ROWS = 20_000;
    private static final int SMALL_EPOCHS = 8;
    private static final int[] PARTITIONS = {2, 8, 32, 128};

    private SparkBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String master = args.length > 2 ? args[2] : "local[2]";
        SparkSession spark = SparkSession.builder().master(master).appName("fairreg-spark-benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            throughput(spark, rows, epochs, master);
            overhead(spark);
        } finally {
            spark.stop();
        }
    }

    private static TrainingSettings settings(int batch, int epochs) {
        return TrainingSettings.defaults().withBatchSize(batch).withMaxEpochs(epochs).withPatience(1000)
                .withRestoreBest(false);
    }

    private static void throughput(SparkSession spark, int rows, int epochs, String master) {
        TrainingSettings settings = settings(rows, epochs);
        org.fairreg.data.Dataset train = localRows(0, rows);
        org.fairreg.data.Dataset validation = localRows(rows, VALIDATION_ROWS);
        System.out.printf(Locale.ROOT, "## %d rows, %d full-batch epochs, %d features, 10-64-64-1%n%n", rows, epochs,
                FEATURES);
        System.out.println("| trainer | epoch seconds (median) | rows per second |");
        System.out.println("| --- | --- | --- |");
        for (int threads : new int[] {1, 2}) {
            TrainingResult local = new Trainer(settings, Execution.defaults().withThreads(threads))
                    .fit(train, validation, new TrainingListener() { });
            report("local, " + threads + " thread" + (threads > 1 ? "s" : ""), local, rows);
        }
        train = null;
        validation = null;
        int partitions = spark.sparkContext().defaultParallelism();
        Dataset<Row> sparkTrain = sparkRows(spark, 0, rows, partitions).cache();
        Dataset<Row> sparkValidation = sparkRows(spark, rows, VALIDATION_ROWS, partitions).cache();
        TrainingResult distributed = new SparkTrainer(settings).fit(sparkTrain, sparkValidation, columns());
        report("Spark " + master + ", " + partitions + " partitions", distributed, rows);
        sparkTrain.unpersist();
        sparkValidation.unpersist();
        System.out.println();
    }

    private static void overhead(SparkSession spark) {
        TrainingSettings settings = settings(SMALL_ROWS, SMALL_EPOCHS);
        System.out.printf(Locale.ROOT, "## Per-epoch time on %d rows (one step and one validation pass of %d rows)%n%n",
                SMALL_ROWS, VALIDATION_ROWS);
        System.out.println("| trainer | partitions | epoch seconds (median) |");
        System.out.println("| --- | --- | --- |");
        TrainingResult local = new Trainer(settings).fit(localRows(0, SMALL_ROWS),
                localRows(SMALL_ROWS, VALIDATION_ROWS), new TrainingListener() { });
        System.out.printf(Locale.ROOT, "| local, 1 thread | - | %.3f |%n", medianSeconds(local));
        for (int partitions : PARTITIONS) {
            Dataset<Row> train = sparkRows(spark, 0, SMALL_ROWS, partitions).cache();
            Dataset<Row> validation = sparkRows(spark, SMALL_ROWS, VALIDATION_ROWS, partitions).cache();
            TrainingResult result = new SparkTrainer(settings).fit(train, validation, columns());
            System.out.printf(Locale.ROOT, "| Spark | %d | %.3f |%n", partitions, medianSeconds(result));
            train.unpersist();
            validation.unpersist();
        }
        System.out.println();
    }

    private static void report(String label, TrainingResult result, int rows) {
        double seconds = medianSeconds(result);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f |%n", label, seconds, rows / seconds);
    }

    /** The median epoch time, the first epoch left out as the JIT's warm-up when there are several. */
    private static double medianSeconds(TrainingResult result) {
        List<EpochRecord> history = result.history();
        double[] seconds = history.stream().skip(history.size() > 1 ? 1 : 0).mapToDouble(EpochRecord::seconds)
                .sorted().toArray();
        return seconds[seconds.length / 2];
    }

    private static DataColumns columns() {
        return DataColumns.ofColumns(names(), "y", "group");
    }

    /** Row {@code i}: ten standard normal features, a group (0 or 1), and a target with a group effect. */
    private static double row(long i, double[] features) {
        SplittableRandom random = new SplittableRandom(SEED + STRIDE * i);
        double target = 0.0;
        for (int f = 0; f < FEATURES; f++) {
            features[f] = random.nextGaussian();
            target += (f + 1) * features[f] / FEATURES;
        }
        int group = random.nextDouble() < 0.3 ? 1 : 0;
        features[FEATURES] = group;
        return target + features[0] * features[1] + (group == 1 ? 0.5 + 0.5 * random.nextGaussian()
                : 0.2 * random.nextGaussian());
    }

    private static org.fairreg.data.Dataset localRows(long from, int count) {
        float[][] columns = new float[FEATURES][count];
        double[] targets = new double[count];
        int[] groups = new int[count];
        double[] features = new double[FEATURES + 1];
        for (int e = 0; e < count; e++) {
            targets[e] = row(from + e, features);
            for (int f = 0; f < FEATURES; f++) {
                columns[f][e] = (float) features[f];
            }
            groups[e] = (int) features[FEATURES];
        }
        return new org.fairreg.data.Dataset(new FeatureTable(names(), columns), "y", targets, "group", groups, GroupLabels.of(List.of("0", "1")));
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < FEATURES; f++) {
            names.add("x" + f);
        }
        return names;
    }

    private static Dataset<Row> sparkRows(SparkSession spark, long from, int count, int partitions) {
        List<StructField> fields = new ArrayList<>();
        names().forEach(name -> fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false)));
        fields.add(DataTypes.createStructField("y", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("group", DataTypes.StringType, false));
        StructType schema = new StructType(fields.toArray(new StructField[0]));
        MapPartitionsFunction<Long, Row> generate = indices -> new Iterator<>() {
            private final double[] features = new double[FEATURES + 1];

            @Override
            public boolean hasNext() {
                return indices.hasNext();
            }

            @Override
            public Row next() {
                double target = row(indices.next(), features);
                Object[] values = new Object[FEATURES + 2];
                for (int f = 0; f < FEATURES; f++) {
                    values[f] = features[f];
                }
                values[FEATURES] = target;
                values[FEATURES + 1] = Integer.toString((int) features[FEATURES]);
                return RowFactory.create(values);
            }
        };
        return spark.range(from, from + count, 1, partitions).mapPartitions(generate, Encoders.row(schema));
    }
}
