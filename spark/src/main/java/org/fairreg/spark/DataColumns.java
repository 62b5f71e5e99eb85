package org.fairreg.spark;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Which columns of a {@code Dataset<Row>} hold the features, the target and the group: the
 * features either as one ML {@link Vector} column or as a list of numeric columns. Group values
 * may be of any type; they are compared as text, as in a CSV file.
 *
 * <p>{@link #select} brings a dataset to one fixed layout, read by {@link #readFeatures},
 * {@link #readTarget} and {@link #readGroup}: the features first (one vector, or one double per
 * column), then the target as a double, then the group as a string. Immutable and serializable,
 * so that executors read rows with it.
 */
public final class DataColumns implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String featuresCol;
    private final List<String> featureCols;
    private final String labelCol;
    private final String groupCol;

    private DataColumns(String featuresCol, List<String> featureCols, String labelCol, String groupCol) {
        this.featuresCol = featuresCol;
        this.featureCols = List.copyOf(featureCols);
        this.labelCol = checkName("labelCol", labelCol);
        this.groupCol = checkName("groupCol", groupCol);
    }

    /**
     * @param featuresCol the column of ML vectors holding the features
     * @param labelCol the numeric target column
     * @param groupCol the group column
     * @return the columns
     * @throws IllegalArgumentException if a name is blank
     */
    public static DataColumns ofVector(String featuresCol, String labelCol, String groupCol) {
        return new DataColumns(checkName("featuresCol", featuresCol), List.of(), labelCol, groupCol);
    }

    /**
     * @param featureCols the numeric feature columns, in the network's input order
     * @param labelCol the numeric target column
     * @param groupCol the group column
     * @return the columns
     * @throws IllegalArgumentException if the list is empty or repeats a name, or a name is blank
     */
    public static DataColumns ofColumns(List<String> featureCols, String labelCol, String groupCol) {
        if (featureCols.isEmpty() || featureCols.stream().distinct().count() != featureCols.size()) {
            throw new IllegalArgumentException("featureCols must name at least one column, each once, found "
                    + featureCols);
        }
        featureCols.forEach(name -> checkName("featureCols", name));
        return new DataColumns(null, featureCols, labelCol, groupCol);
    }

    private static String checkName(String parameter, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(parameter + " must name a column, found '" + name + "'");
        }
        return name;
    }

    /** @return the target column */
    public String labelCol() {
        return labelCol;
    }

    /** @return the group column */
    public String groupCol() {
        return groupCol;
    }

    /**
     * Names the features for the model file. Columns keep their names; the entries of a vector
     * column take the names of its ML attributes when it has them, {@code featuresCol_i} otherwise.
     *
     * @param schema the schema of the data trained on
     * @param featureCount the number of features
     * @return one name per feature, in input order
     */
    public List<String> featureNames(StructType schema, int featureCount) {
        if (featuresCol == null) {
            return featureCols;
        }
        AttributeGroup attributes = AttributeGroup.fromStructField(schema.apply(featuresCol));
        List<String> names = new ArrayList<>(featureCount);
        for (int f = 0; f < featureCount; f++) {
            String name = attributes.attributes().isDefined() && attributes.getAttr(f).name().isDefined()
                    ? attributes.getAttr(f).name().get()
                    : featuresCol + "_" + f;
            names.add(name);
        }
        return names;
    }

    /**
     * Brings a dataset to the fixed layout this class reads.
     *
     * @param data the dataset
     * @param withLabelAndGroup whether to keep the target and the group (false for prediction)
     * @return the selected columns
     */
    public Dataset<Row> select(Dataset<?> data, boolean withLabelAndGroup) {
        List<Column> columns = selectFeatures();
        if (withLabelAndGroup) {
            columns.add(col(labelCol).cast("double"));
            columns.add(col(groupCol).cast("string"));
        }
        return data.toDF().select(columns.toArray(new Column[0]));
    }

    /**
     * @return the expressions that select the features: the vector column, or each feature column
     *         as a double
     */
    public List<Column> selectFeatures() {
        List<Column> columns = new ArrayList<>();
        if (featuresCol != null) {
            columns.add(col(featuresCol));
        } else {
            featureCols.forEach(name -> columns.add(col(name).cast("double")));
        }
        return columns;
    }

    /**
     * Counts the features of selected data: the column count, or the size of the first vector.
     *
     * @param selected data from {@link #select}
     * @return the number of features
     * @throws IllegalArgumentException if the data is empty and its features are a vector
     */
    public int featureCount(Dataset<Row> selected) {
        if (featuresCol == null) {
            return featureCols.size();
        }
        int size = AttributeGroup.fromStructField(selected.schema().apply(featuresCol)).size();
        if (size >= 0) {
            return size;
        }
        List<Row> first = selected.select(featuresCol).limit(1).collectAsList();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("the data must hold examples, found none");
        }
        return ((Vector) first.get(0).get(0)).size();
    }

    /**
     * Reads one example's features as floats, the precision training uses.
     *
     * @param row a row of selected data
     * @param out receives the features; overwritten
     * @throws IllegalArgumentException if a feature is missing or the vector has another size
     */
    public void readFeatures(Row row, float[] out) {
        readFeatures(row, 0, out);
    }

    /**
     * Reads one example's features from a row whose selected features start at {@code offset}.
     *
     * @param row a row holding the features of {@link #selectFeatures} from {@code offset}
     * @param offset the index of the first feature field
     * @param out receives the features; overwritten
     * @throws IllegalArgumentException if a feature is missing or the vector has another size
     */
    public void readFeatures(Row row, int offset, float[] out) {
        if (featuresCol != null) {
            Vector vector = requirePresent(row, offset, featuresCol);
            if (vector.size() != out.length) {
                throw new IllegalArgumentException("every vector of '" + featuresCol + "' must have " + out.length
                        + " entries, found " + vector.size());
            }
            for (int f = 0; f < out.length; f++) {
                out[f] = (float) vector.apply(f);
            }
            return;
        }
        for (int f = 0; f < out.length; f++) {
            requirePresent(row, offset + f, featureCols.get(f));
            out[f] = (float) row.getDouble(offset + f);
        }
    }

    /**
     * @param row a row of selected data with target and group
     * @return its target
     * @throws IllegalArgumentException if it is missing
     */
    public double readTarget(Row row) {
        int index = targetIndex();
        requirePresent(row, index, labelCol);
        return row.getDouble(index);
    }

    /**
     * @param row a row of selected data with target and group
     * @return its group value as text
     * @throws IllegalArgumentException if it is missing
     */
    public String readGroup(Row row) {
        return requirePresent(row, targetIndex() + 1, groupCol);
    }

    private int targetIndex() {
        return featuresCol != null ? 1 : featureCols.size();
    }

    private static <T> T requirePresent(Row row, int index, String name) {
        if (row.isNullAt(index)) {
            throw new IllegalArgumentException("column '" + name + "' must have a value in every row, found null");
        }
        return row.getAs(index);
    }

    @Override
    public String toString() {
        return "features " + (featuresCol != null ? featuresCol : featureCols) + ", label " + labelCol
                + ", group " + groupCol;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataColumns that && Objects.equals(featuresCol, that.featuresCol)
                && featureCols.equals(that.featureCols) && labelCol.equals(that.labelCol)
                && groupCol.equals(that.groupCol);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featuresCol, featureCols, labelCol, groupCol);
    }
}
