package org.fairreg.data;

import static org.fairreg.data.MessageText.quote;
import static org.fairreg.data.MessageText.quoteAll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How the source columns of a file become the features a network reads: each source column is
 * numeric, one feature holding its number, or categorical, one indicator feature per category
 * (full one-hot: {@code 1} for the row's category, {@code 0} for the others).
 *
 * <p>Encoded features are named after their source: a numeric column keeps its name, a
 * categorical column {@code c} with categories {@code c1 .. cm} gives the features
 * {@code c=c1 .. c=cm}, in the order of its categories. The encoded features of all source columns
 * follow each other in source order. Every encoded name must be distinct: a numeric column named
 * {@code sex=male} beside a categorical column {@code sex} with category {@code male} is
 * rejected.
 *
 * <p>Reading a file finds the categories and orders them by the rule of {@link GroupLabels#of};
 * an encoding read from a model file keeps its order. Instances are immutable and thread-safe.
 */
public final class FeatureEncoding {

    /** Joins a categorical column's name and one of its categories into a feature name. */
    public static final String CATEGORY_SEPARATOR = "=";

    /**
     * The most categories one column may have. One-hot encoding makes one feature per category,
     * so a column with many more is most likely an identifier, or a numeric column with a cell
     * that is not a number; it would cost a float per category and row.
     */
    public static final int MAX_CATEGORIES = 1000;

    private final List<Column> columns;
    private final List<String> encodedNames;

    private FeatureEncoding(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.encodedNames = checkedEncodedNames(this.columns);
    }

    /**
     * Encodes the given source columns in the order given.
     *
     * @param columns the source columns; at least one, with distinct names
     * @return the encoding
     * @throws IllegalArgumentException if there is no column, a name repeats, or two encoded names
     *         are equal
     */
    public static FeatureEncoding of(List<Column> columns) {
        Objects.requireNonNull(columns, "columns");
        return new FeatureEncoding(columns);
    }

    /**
     * Encodes numeric columns only: each feature is its source column.
     *
     * @param names the column names, in feature order; at least one, distinct and not blank
     * @return the encoding
     * @throws IllegalArgumentException if there is no name, or a name is blank or repeated
     */
    public static FeatureEncoding numeric(List<String> names) {
        List<Column> numeric = new ArrayList<>(names.size());
        for (String name : names) {
            numeric.add(Column.numeric(name));
        }
        return new FeatureEncoding(numeric);
    }

    /** @return the source columns, in order */
    public List<Column> columns() {
        return columns;
    }

    /** @return the names of the source columns, in order */
    public List<String> sourceNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(column.name());
        }
        return names;
    }

    /** @return the names of the encoded features, in the network's input order */
    public List<String> encodedNames() {
        return encodedNames;
    }

    /** @return the number of encoded features */
    public int featureCount() {
        return encodedNames.size();
    }

    /** @return whether every source column is numeric, so that features are the columns themselves */
    public boolean isNumericOnly() {
        for (Column column : columns) {
            if (column.isCategorical()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rearranges features encoded by another encoding of the same source columns into this
     * encoding's order. A numeric column is copied; a categorical column's indicators are taken
     * by name, and a category this encoding has but {@code from} lacks gets an indicator of zeros,
     * since no example has it.
     *
     * @param features features encoded by {@code from}; not modified
     * @param from the encoding of {@code features}
     * @return a table in this encoding (sharing arrays with {@code features})
     * @throws IllegalArgumentException if {@code from} lacks a source column of this encoding,
     *         has it with the other kind, or has a category this encoding does not know
     */
    public FeatureTable conform(FeatureTable features, FeatureEncoding from) {
        if (from.equals(this)) {
            return features;
        }
        Map<String, Column> fromColumns = new HashMap<>();
        for (Column column : from.columns) {
            fromColumns.put(column.name(), column);
        }
        float[][] conformed = new float[featureCount()][];
        int feature = 0;
        for (Column column : columns) {
            Column source = fromColumns.get(column.name());
            checkConformable(column, source);
            for (String name : column.encodedNames()) {
                int index = features.names().indexOf(name);
                conformed[feature++] = index >= 0 ? features.column(index) : new float[features.rowCount()];
            }
        }
        return new FeatureTable(encodedNames, conformed);
    }

    private static void checkConformable(Column column, Column source) {
        if (source == null) {
            throw new IllegalArgumentException("features must include the source column " + quote(column.name())
                    + ", found none");
        }
        if (source.isCategorical() != column.isCategorical()) {
            throw new IllegalArgumentException("column " + quote(column.name()) + " must be "
                    + kind(column) + " as in the model, found it " + kind(source));
        }
        for (String category : source.categories()) {
            if (column.indexOf(category).isEmpty()) {
                throw new IllegalArgumentException("column " + quote(column.name()) + " holds the category "
                        + quote(category) + ", which the model does not know; expected one of "
                        + quoteAll(column.categories()));
            }
        }
    }

    private static String kind(Column column) {
        return column.isCategorical() ? "categorical" : "numeric";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureEncoding && ((FeatureEncoding) other).columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureEncoding" + columns;
    }

    private static List<String> checkedEncodedNames(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns must hold at least one source column, found none");
        }
        Set<String> sources = new HashSet<>();
        Map<String, String> encodedFrom = new HashMap<>();
        List<String> encoded = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column column = Objects.requireNonNull(columns.get(c), "columns[" + c + "]");
            if (!sources.add(column.name())) {
                throw new IllegalArgumentException("columns must not repeat a name, found " + quote(column.name())
                        + " twice");
            }
            for (String name : column.encodedNames()) {
                String earlier = encodedFrom.putIfAbsent(name, column.name());
                if (earlier != null) {
                    throw new IllegalArgumentException("encoded feature names must be distinct, found "
                            + quote(name) + " from columns " + quote(earlier) + " and " + quote(column.name()));
                }
                encoded.add(name);
            }
        }
        return List.copyOf(encoded);
    }

    /**
     * One source column: numeric, or categorical with its categories in encoding order.
     * Instances are immutable and thread-safe.
     */
    public static final class Column {

        private final String name;
        /** Empty for a numeric column. */
        private final List<String> categories;
        private final Map<String, Integer> categoryIndex;

        private Column(String name, List<String> categories) {
            ColumnSelection.checkName("name", name);
            this.name = name;
            this.categories = List.copyOf(categories);
            this.categoryIndex = new HashMap<>();
            for (int c = 0; c < this.categories.size(); c++) {
                String category = this.categories.get(c);
                if (category.isEmpty()) {
                    throw new IllegalArgumentException("categories[" + c + "] of column " + quote(name)
                            + " must not be empty");
                }
                if (categoryIndex.putIfAbsent(category, c) != null) {
                    throw new IllegalArgumentException("categories of column " + quote(name)
                            + " must be distinct, found " + quote(category) + " twice");
                }
            }
        }

        /**
         * @param name the column's header name; not blank
         * @return a numeric column
         * @throws IllegalArgumentException if the name is blank
         */
        public static Column numeric(String name) {
            return new Column(name, List.of());
        }

        /**
         * @param name the column's header name; not blank
         * @param categories its categories in encoding order; between 1 and
         *        {@link #MAX_CATEGORIES}, distinct and not empty
         * @return a categorical column
         * @throws IllegalArgumentException if the name is blank or the categories break a rule
         */
        public static Column categorical(String name, List<String> categories) {
            if (categories.isEmpty() || categories.size() > MAX_CATEGORIES) {
                throw new IllegalArgumentException("categories of column " + quote(name) + " must hold 1 to "
                        + MAX_CATEGORIES + " values, found " + categories.size());
            }
            return new Column(name, categories);
        }

        /** @return the column's header name */
        public String name() {
            return name;
        }

        /** @return whether the column is categorical */
        public boolean isCategorical() {
            return !categories.isEmpty();
        }

        /** @return the categories in encoding order; empty for a numeric column */
        public List<String> categories() {
            return categories;
        }

        /**
         * @param category a cell, verbatim
         * @return the category's position in {@link #categories()}, or empty if it is not one
         */
        public OptionalInt indexOf(String category) {
            Integer index = categoryIndex.get(category);
            return index == null ? OptionalInt.empty() : OptionalInt.of(index);
        }

        /** @return the number of features this column encodes to: 1 when numeric, else the categories */
        public int width() {
            return isCategorical() ? categories.size() : 1;
        }

        /** @return the names of the features this column encodes to, in order */
        public List<String> encodedNames() {
            if (!isCategorical()) {
                return List.of(name);
            }
            List<String> names = new ArrayList<>(categories.size());
            for (String category : categories) {
                names.add(name + CATEGORY_SEPARATOR + category);
            }
            return names;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Column)) {
                return false;
            }
            Column that = (Column) other;
            return name.equals(that.name) && categories.equals(that.categories);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, categories);
        }

        @Override
        public String toString() {
            return isCategorical() ? quote(name) + " categorical " + categories : quote(name) + " numeric";
        }
    }
}
