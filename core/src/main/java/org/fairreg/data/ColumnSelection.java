package org.fairreg.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which columns of a CSV file hold the target, the group and the features, and which character
 * separates the fields.
 *
 * <p>Columns are found by their header name, compared exactly: case, spaces and accents all
 * count. When no feature is named, every column other than the target and the group is a
 * feature, in header order. The target, the group and the features are distinct columns.
 *
 * <p>Start from {@link #of(String, String)} and vary with the {@code withX} methods; each returns
 * a new selection and checks it before it exists. Instances are immutable and thread-safe.
 */
public final class ColumnSelection {

    /** The field separator of a selection that has not been given another. */
    public static final char DEFAULT_SEPARATOR = ',';

    private final String target;
    private final String group;
    /** The named features; empty means every column other than the target and the group. */
    private final List<String> features;
    private final char separator;

    private ColumnSelection(String target, String group, List<String> features, char separator) {
        check(target, group, features, separator);
        this.target = target;
        this.group = group;
        this.features = List.copyOf(features);
        this.separator = separator;
    }

    /**
     * Selects a target and a group column, with every other column as a feature and fields
     * separated by {@link #DEFAULT_SEPARATOR}.
     *
     * @param target the header name of the target column; not blank
     * @param group the header name of the group column; not blank and not {@code target}
     * @return the selection
     * @throws IllegalArgumentException if a name is blank or the two names are equal
     */
    public static ColumnSelection of(String target, String group) {
        return new ColumnSelection(target, group, List.of(), DEFAULT_SEPARATOR);
    }

    /**
     * Returns a copy that reads the target from another column.
     *
     * @param newTarget the header name of the target column; not blank, not the group and not
     *        one of the named features
     * @return the new selection
     * @throws IllegalArgumentException if the name is blank or names another selected column
     */
    public ColumnSelection withTarget(String newTarget) {
        return new ColumnSelection(newTarget, group, features, separator);
    }

    /**
     * Returns a copy that reads the group from another column.
     *
     * @param newGroup the header name of the group column; not blank, not the target and not
     *        one of the named features
     * @return the new selection
     * @throws IllegalArgumentException if the name is blank or names another selected column
     */
    public ColumnSelection withGroup(String newGroup) {
        return new ColumnSelection(target, newGroup, features, separator);
    }

    /**
     * Returns a copy that reads the named feature columns, in the order given.
     *
     * @param newFeatures the header names of the features, distinct, not blank and neither the
     *        target nor the group; an empty list selects every other column in header order
     * @return the new selection
     * @throws IllegalArgumentException if a name is blank, repeated, the target or the group
     */
    public ColumnSelection withFeatures(List<String> newFeatures) {
        Objects.requireNonNull(newFeatures, "features");
        return new ColumnSelection(target, group, newFeatures, separator);
    }

    /**
     * Returns a copy that splits fields at another character.
     *
     * @param newSeparator the field separator, such as {@code ';'} or {@code '\t'}; not a
     *        double quote, carriage return or line feed
     * @return the new selection
     * @throws IllegalArgumentException if the separator is one of the forbidden characters
     */
    public ColumnSelection withSeparator(char newSeparator) {
        return new ColumnSelection(target, group, features, newSeparator);
    }

    /** @return the header name of the target column */
    public String target() {
        return target;
    }

    /** @return the header name of the group column */
    public String group() {
        return group;
    }

    /**
     * @return the feature names in the order to read them, or empty when every column other
     *         than the target and the group is a feature
     */
    public Optional<List<String>> features() {
        return features.isEmpty() ? Optional.empty() : Optional.of(features);
    }

    /** @return the field separator */
    public char separator() {
        return separator;
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
                && separator == that.separator;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, group, features, separator);
    }

    @Override
    public String toString() {
        return "ColumnSelection[target=" + quote(target) + ", group=" + quote(group)
                + ", features=" + (features.isEmpty() ? "all others" : features)
                + ", separator=" + quote(separator) + "]";
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

    private static void check(String target, String group, List<String> features, char separator) {
        checkName("target", target);
        checkName("group", group);
        if (group.equals(target)) {
            throw new IllegalArgumentException(
                    "group must differ from target, found " + quote(group) + " for both");
        }
        checkNames("features", features);
        int targetIndex = features.indexOf(target);
        if (targetIndex >= 0) {
            throw new IllegalArgumentException("features must not include the target column, found "
                    + quote(target) + " at index " + targetIndex);
        }
        int groupIndex = features.indexOf(group);
        if (groupIndex >= 0) {
            throw new IllegalArgumentException("features must not include the group column, found "
                    + quote(group) + " at index " + groupIndex);
        }
        checkSeparator(separator);
    }

    /** Quotes a name or separator as data messages do, so that a tab or line break shows. */
    private static String quote(String value) {
        return MessageText.quote(value);
    }

    private static String quote(char separator) {
        return MessageText.quote(String.valueOf(separator));
    }
}
