package org.fairreg.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tests' Spark session, local with two executor threads, made once per test JVM (surefire
 * reuses one fork) because a session takes seconds to start; and the small seeded data the tests
 * train on.
 */
final class LocalSpark {

    /** Feature columns of {@link #rows}. */
    static final List<String> FEATURES = List.of("x0", "x1", "x2", "x3");

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("fairreg-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return session;
    }

    /**
     * Rows of a learnable problem with three groups whose targets differ in noise and offset:
     * columns x0..x3, y and the group as text ("a", "b", "c", the last about a sixth of the rows).
     *
     * @param count the number of rows
     * @param seed the seed of every value
     * @return the rows, in one partition
     */
    static Dataset<Row> rows(int count, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            double draw = random.nextDouble();
            String group = draw < 0.5 ? "a" : draw < 0.83 ? "b" : "c";
            double[] x = new double[FEATURES.size()];
            for (int f = 0; f < x.length; f++) {
                x[f] = 3.0 * random.nextGaussian() + f;
            }
            double noise = group.equals("c") ? 2.0 : 0.5;
            double y = 10.0 + 2.0 * x[0] - x[1] + 0.5 * x[2] * x[3] + (group.equals("b") ? 3.0 : 0.0)
                    + noise * random.nextGaussian();
            rows.add(RowFactory.create(x[0], x[1], x[2], x[3], y, group));
        }
        List<StructField> fields = new ArrayList<>();
        FEATURES.forEach(name -> fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false)));
        fields.add(DataTypes.createStructField("y", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("group", DataTypes.StringType, false));
        return session().createDataFrame(rows, new StructType(fields.toArray(new StructField[0]))).coalesce(1);
    }
}
