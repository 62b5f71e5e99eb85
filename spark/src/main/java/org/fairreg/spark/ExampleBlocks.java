package org.fairreg.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.fairreg.data.Standardization;
import org.fairreg.train.Execution;

/**
 * Cuts the rows of each partition into blocks of examples of one group, and standardizes them.
 * A partition's examples of a group go into consecutive blocks in the partition's row order; a
 * partition with no example of a group simply has no block of it.
 */
final class ExampleBlocks {

    /** Examples per block: the local trainer's block size, so the kernels see the same shapes. */
    static final int BLOCK_ROWS = Execution.BLOCK_ROWS;

    private ExampleBlocks() {
    }

    /**
     * Reads rows into raw blocks.
     *
     * @param selected rows in the layout of {@link DataColumns#select} with target and group
     * @param columns how to read them
     * @param groupCodes the code of every group label
     * @param featureCount the number of features
     * @return the blocks, partitioned as the rows
     * @throws IllegalArgumentException (when the blocks are computed) if a value is missing or a
     *         group is not in {@code groupCodes}
     */
    static JavaRDD<RawBlock> pack(JavaRDD<Row> selected, DataColumns columns, Map<String, Integer> groupCodes,
            int featureCount) {
        return selected.mapPartitions(rows -> packPartition(rows, columns, groupCodes, featureCount).iterator(),
                true);
    }

    private static List<RawBlock> packPartition(Iterator<Row> rows, DataColumns columns,
            Map<String, Integer> groupCodes, int featureCount) {
        int groupCount = groupCodes.size();
        float[][][] openRows = new float[groupCount][BLOCK_ROWS][];
        double[][] openTargets = new double[groupCount][BLOCK_ROWS];
        int[] filled = new int[groupCount];
        List<RawBlock> blocks = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            String label = columns.readGroup(row);
            Integer code = groupCodes.get(label);
            if (code == null) {
                throw new IllegalArgumentException("column '" + columns.groupCol() + "' has group '" + label
                        + "', which the training data does not have; groups are " + groupCodes.keySet());
            }
            int k = code;
            float[] features = new float[featureCount];
            columns.readFeatures(row, features);
            openRows[k][filled[k]] = features;
            openTargets[k][filled[k]] = columns.readTarget(row);
            if (++filled[k] == BLOCK_ROWS) {
                blocks.add(new RawBlock(k, openRows[k].clone(), openTargets[k].clone()));
                filled[k] = 0;
            }
        }
        for (int k = 0; k < groupCount; k++) {
            if (filled[k] > 0) {
                blocks.add(new RawBlock(k, Arrays.copyOf(openRows[k], filled[k]),
                        Arrays.copyOf(openTargets[k], filled[k])));
            }
        }
        return blocks;
    }

    /**
     * Standardizes raw blocks as the local trainer standardizes its tables.
     *
     * @param raw the raw blocks
     * @param standardization the transform measured on the training data
     * @return the standardized blocks, partitioned as the raw ones
     */
    static JavaRDD<ExampleBlock> standardize(JavaRDD<RawBlock> raw, Standardization standardization) {
        double[] means = standardization.featureMeans();
        double[] scales = standardization.featureScales();
        double targetMean = standardization.targetMean();
        double targetScale = standardization.targetScale();
        return raw.map(block -> {
            int count = block.targets().length;
            float[][] rows = new float[count][];
            float[] targets = new float[count];
            for (int b = 0; b < count; b++) {
                float[] source = block.rows()[b];
                float[] scaled = new float[source.length];
                for (int f = 0; f < source.length; f++) {
                    scaled[f] = (float) ((source[f] - means[f]) / scales[f]);
                }
                rows[b] = scaled;
                targets[b] = (float) ((block.targets()[b] - targetMean) / targetScale);
            }
            return new ExampleBlock(block.group(), rows, targets);
        });
    }
}
