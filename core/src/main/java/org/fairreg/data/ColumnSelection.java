package org.fairreg.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which columns of a CSV file hold the target, the group and the features, how the features are
 * encoded, which character separates the fields, and what to do with missing values.
 *
 * <p>Columns are found by their header name, compared exactly: case, spaces and accents all
 * count. When no feature is named, every column other than the target and the group columns is a
 * feature, in header order. The target, the group columns and the features are distinct columns,
 * unless {@link #withGroupAsFeature} makes the group columns features too.
 *
 * <p>A feature column is numeric when every cell that is not missing is a number, and
 * categorical otherwise; {@link #withCategorical} makes columns categorical even when their cells
 * are numbers (codes such as a school tier). {@link #withEncoding} fixes both the features and
 * their categories instead, as prediction needs: reading then rejects a category the encoding does
 * not know. Without a separator, reading detects it from the header line (see
 * {@code SeparatorDetector}: one of {@code ,} {@code ;} tab {@code |}).
 *
 * <p>Start from {@link #of(String, String)} and vary with the {@code withX} methods; each returns
 * a new selection and checks it before it exists. Instances are immutable and thread-safe.
 */
public final class ColumnSelection {

    /** The field separator of a file whose header holds no separator: a one-column file. */
    public static final char DEFAULT_SEPARATOR = ',';

    private final String target;
    private final GroupDefinition group;
    /** The named features; empty means every column other than the target and the groups. */
    private final List<String> features;
    /** Feature columns read as categorical whatever their cells; empty when none are. */
    private final List<String> categorical;
    /** The fixed encoding, or null when types and categories are found from the cells. */
    private final FeatureEncoding encoding;
    /** The separator, or null to detect it. */
    private final Character separator;
    private final MissingPolicy missing;
    /** Whether the group columns are also features, each read as categorical. */
    private final boolean groupAsFeature;

    private ColumnSelection(
            String target,
            GroupDefinition group,
            List<String> features,
            List<String> categorical,
            FeatureEncoding encoding,
            Character separator,
            MissingPolicy missing,
            boolean groupAsFeature) {
        // A fixed encoding comes from a model, which may have been trained with the group as a feature.
        check(target, group, features, categorical, separator, groupAsFeature || encoding != null);
        this.target = target;
        this.group = group;
        this.features = List.copyOf(features);
        this.categorical = List.copyOf(categorical);
        this.encoding = encoding;
        this.separator = separator;
        this.missing = Objects.requireNonNull(missing, "missing");
        this.groupAsFeature = groupAsFeature;
    }

    /**
     * Selects a target and a group column, with every other column as a feature, the separator
     * detected and missing values rejected.
     *
     * @param target the header name of the target column; not blank
     * @param group the header name of the group column; not blank and not {@code target}
     * @return the selection
     * @throws IllegalArgumentException if a name is blank or the two names are equal
     */
    public static ColumnSelection of(String target, String group) {
        GroupDefinition definition = GroupDefinition.column(group);
        return new ColumnSelection(target, definition, List.of(), List.of(), null, null, MissingPolicy.ERROR, false);
    }

    /**
     * Returns a copy that reads the target from another column.
     *
     * @param newTarget the header name of the target column; not blank, not a group column and
     *        not one of the named features
     * @return the new selection
     * @throws IllegalArgumentException if the name is blank or names another selected column
     */
    public ColumnSelection withTarget(String newTarget) {
        return new ColumnSelection(newTarget, group, features, categorical,
                encoding, separator, missing, groupAsFeature);
    }

    /**
     * Returns a copy that reads the group from another single column.
     *
     * @param newGroup the header name of the group column; not blank, not the target and not
     *        one of the named features
     * @return the new selection
     * @throws IllegalArgumentException if the name is blank or names another selected column
     */
    public ColumnSelection withGroup(String newGroup) {
        return withGroup(GroupDefinition.column(newGroup));
    }

    /**
     * Returns a copy that makes groups by another definition: several columns, or one value
     * against the rest.
     *
     * @param newGroup the definition; its columns must be neither the target nor a named feature
     * @return the new selection
     * @throws IllegalArgumentException if a group column is another selected column
     */
    public ColumnSelection withGroup(GroupDefinition newGroup) {
        Objects.requireNonNull(newGroup, "group");
        return new ColumnSelection(target, newGroup, features, categorical,
                encoding, separator, missing, groupAsFeature);
    }

    /**
     * Returns a copy that reads the named feature columns, in the order given, finding their
     * types from their cells; a fixed encoding is dropped, with the categorical columns it named.
     *
     * @param newFeatures the header names of the features, distinct, not blank and neither the
     *        target nor a group column; an empty list selects every other column in header order
     * @return the new selection
     * @throws IllegalArgumentException if a name is blank, repeated, the target or a group column,
     *         or a categorical column is no longer among the features
     */
    public ColumnSelection withFeatures(List<String> newFeatures) {
        Objects.requireNonNull(newFeatures, "features");
        List<String> keptCategorical = encoding == null ? categorical : List.of();
        return new ColumnSelection(target, group, newFeatures, keptCategorical,
                null, separator, missing, groupAsFeature);
    }

    /**
     * Returns a copy that reads the named feature columns as categorical even when their cells
     * are numbers; a fixed encoding is dropped.
     *
     * @param newCategorical header names of feature columns, distinct and not blank; empty to
     *        leave every column's type to its cells
     * @return the new selection
     * @throws IllegalArgumentException if a name is blank, repeated, the target, a group column,
     *         or not among the named features
     */
    public ColumnSelection withCategorical(List<String> newCategorical) {
        Objects.requireNonNull(newCategorical, "categorical");
        return new ColumnSelection(target, group, features, newCategorical, null, separator, missing, groupAsFeature);
    }

    /**
     * Returns a copy that reads exactly the source columns of an encoding and encodes them as it
     * does, as a fitted model needs; the encoding's categories are the only ones accepted.
     *
     * @param newEncoding the encoding; its columns must be neither the target nor a group column
     * @return the new selection
     * @throws IllegalArgumentException if a source column is the target or a group column
     */
    public ColumnSelection withEncoding(FeatureEncoding newEncoding) {
        Objects.requireNonNull(newEncoding, "encoding");
        List<String> categoricalNames = new ArrayList<>();
        for (FeatureEncoding.Column column : newEncoding.columns()) {
            if (column.isCategorical()) {
                categoricalNames.add(column.name());
            }
        }
        return new ColumnSelection(target, group, newEncoding.sourceNames(), categoricalNames, newEncoding,
                separator, missing, groupAsFeature);
    }

    /**
     * Returns a copy that splits fields at a given character.
     *
     * @param newSeparator the field separator, such as {@code ';'} or {@code '\t'}; not a
     *        double quote, carriage return or line feed
     * @return the new selection
     * @throws IllegalArgumentException if the separator is one of the forbidden characters
     */
    public ColumnSelection withSeparator(char newSeparator) {
        return new ColumnSelection(target, group, features, categorical,
                encoding, newSeparator, missing, groupAsFeature);
    }

    /**
     * Returns a copy that detects the separator from the header line.
     *
     * @return the new selection
     */
    public ColumnSelection withDetectedSeparator() {
        return new ColumnSelection(target, group, features, categorical, encoding, null, missing, groupAsFeature);
    }

    /**
     * Returns a copy that treats missing values by another policy.
     *
     * @param newMissing what to do with a row that has a missing value in a used column
     * @return the new selection
     */
    public ColumnSelection withMissing(MissingPolicy newMissing) {
        return new ColumnSelection(target, group, features, categorical,
                encoding, separator, newMissing, groupAsFeature);
    }

    /**
     * Returns a copy that also reads the group columns as features, each categorical (one
     * indicator per value), so that the model may use the group itself. fairreg leaves the group
     * out of the features by default; the report states which was chosen.
     *
     * @param value whether the group columns are features too
     * @return the new selection
     */
    public ColumnSelection withGroupAsFeature(boolean value) {
        return new ColumnSelection(target, group, features, categorical, encoding, separator, missing, value);
    }

    /** @return the header name of the target column */
    public String target() {
        return target;
    }

    /** @return how groups are made from the group columns */
    public GroupDefinition group() {
        return group;
    }

    /**
     * @return the feature names in the order to read them, or empty when every column other
     *         than the target and the group columns is a feature
     */
    public Optional<List<String>> features() {
        return features.isEmpty() ? Optional.empty() : Optional.of(features);
    }

    /** @return the feature columns read as categorical whatever their cells, in the order given */
    public List<String> categorical() {
        return categorical;
    }

    /** @return the fixed encoding of the features, if one was given */
    public Optional<FeatureEncoding> encoding() {
        return Optional.ofNullable(encoding);
    }

    /** @return the field separator, or empty when it is detected from the header */
    public Optional<Character> separator() {
        return Optional.ofNullable(separator);
    }

    /** @return whether the group columns are also read as categorical features */
    public boolean groupAsFeature() {
        return groupAsFeature;
    }

    /** @return what reading does with a row that has a missing value */
    public MissingPolicy missing() {
        return missing;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ColumnSelection)) {
            return false;
        }
        ColumnSelection that = (ColumnSelection) other;
        return target.equals(that.target)
                && group.equals(that.group)
                && features.equals(that.features)
                && categorical.equals(that.categorical)
                && Objects.equals(encoding, that.encoding)
                && Objects.equals(separator, that.separator)
                && missing == that.missing
                && groupAsFeature == that.groupAsFeature;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, group, features, categorical, encoding, separator, missing, groupAsFeature);
    }

    @Override
    public String toString() {
        return "ColumnSelection[target=" + quote(target) + ", group=" + group
                + ", features=" + (features.isEmpty() ? "all others" : features)
                + (encoding != null ? ", encoding=" + encoding : ", categorical=" + categorical)
                + ", separator=" + (separator == null ? "detected" : quote(separator))
                + ", missing=" + missing.id() + ", groupAsFeature=" + groupAsFeature + "]";
    }

    /**
     * Checks one column name.
     *
     * @param parameter the name of the parameter that holds the column name, for the message
     * @param name the column name
     * @throws IllegalArgumentException if the name is blank
     */
    static void checkName(String parameter, String name) {
        Objects.requireNonNull(name, parameter);
        if (name.isBlank()) {
            throw new IllegalArgumentException(
                    parameter + " must be a non-blank column name, found " + quote(name));
        }
    }

    /**
     * Checks a list of column names, each named {@code parameter[index]} in messages.
     *
     * @param parameter the name of the parameter that holds the list, for the message
     * @param names the column names
     * @throws IllegalArgumentException if a name is blank or repeated
     */
    static void checkNames(String parameter, List<String> names) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int f = 0; f < names.size(); f++) {
            checkName(parameter + "[" + f + "]", names.get(f));
            Integer earlier = firstIndex.putIfAbsent(names.get(f), f);
            if (earlier != null) {
                throw new IllegalArgumentException(parameter + " must not repeat a name, found "
                        + quote(names.get(f)) + " at indices " + earlier + " and " + f);
            }
        }
    }

    /**
     * Checks a field separator.
     *
     * @param separator the separator
     * @throws IllegalArgumentException if it is a double quote, carriage return or line feed,
     *         which CSV reserves for quoting and ending records
     */
    static void checkSeparator(char separator) {
        if (separator == '"' || separator == '\r' || separator == '\n') {
            throw new IllegalArgumentException("separator must not be a double quote, carriage return"
                    + " or line feed, found " + quote(separator));
        }
    }

    private static void check(
            String target,
            GroupDefinition group,
            List<String> features,
            List<String> categorical,
            Character separator,
            boolean groupMayBeFeature) {
        checkName("target", target);
        List<String> groups = group.columns();
        if (groups.contains(target)) {
            throw new IllegalArgumentException(
                    "group must differ from target, found " + quote(target) + " for both");
        }
        checkNames("features", features);
        checkNotAmong("features", features, target, "the target column");
        checkNames("categorical", categorical);
        checkNotAmong("categorical", categorical, target, "the target column");
        for (String groupColumn : groupMayBeFeature ? List.<String>of() : groups) {
            checkNotAmong("features", features, groupColumn, "the group column");
            checkNotAmong("categorical", categorical, groupColumn, "the group column");
        }
        if (!features.isEmpty()) {
            for (int c = 0; c < categorical.size(); c++) {
                if (!features.contains(categorical.get(c))) {
                    throw new IllegalArgumentException("categorical must name features, found "
                            + quote(categorical.get(c)) + " at index " + c + ", which is not among " + features);
                }
            }
        }
        if (separator != null) {
            checkSeparator(separator);
        }
    }

    private static void checkNotAmong(String parameter, List<String> names, String column, String role) {
        int index = names.indexOf(column);
        if (index >= 0) {
            throw new IllegalArgumentException(parameter + " must not include " + role + ", found "
                    + quote(column) + " at index " + index);
        }
    }

    /** Quotes a name or separator as data messages do, so that a tab or line break shows. */
    private static String quote(String value) {
        return MessageText.quote(value);
    }

    private static String quote(char separator) {
        return MessageText.quote(String.valueOf(separator));
    }
}
