package org.fairreg.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the group of an example is made from its cells: from one column, from several columns
 * combined into intersectional groups, or from one value of one column against all the others.
 *
 * <ul>
 *   <li>One column: the group label is the cell, verbatim.</li>
 *   <li>Several columns: the label is the cells joined with {@value #JOIN} in the order the
 *       columns are given, such as {@code white|female}. A cell that itself holds
 *       {@value #JOIN} is rejected when reading, since the label would be ambiguous.</li>
 *   <li>One value against the rest: a single column whose cell equals the value (compared
 *       exactly, as text) gives the label {@code value}; any other cell gives
 *       {@value #REST_PREFIX}{@code value}, such as {@code 7} and {@code not 7}.</li>
 * </ul>
 *
 * <p>Labels are then ordered by the rule of {@link GroupLabels#of}. Instances are immutable and
 * thread-safe.
 */
public final class GroupDefinition {

    /** Joins the cells of several group columns into one label. */
    public static final String JOIN = "|";

    /** Starts the label of the rest in a one-value-against-the-rest definition. */
    public static final String REST_PREFIX = "not ";

    private final List<String> columns;
    /** The value set against the rest, or null when the cells are labels themselves. */
    private final String versusRest;

    private GroupDefinition(List<String> columns, String versusRest) {
        check(columns, versusRest);
        this.columns = List.copyOf(columns);
        this.versusRest = versusRest;
    }

    /**
     * Takes the group label from one column.
     *
     * @param column the header name of the group column; not blank
     * @return the definition
     * @throws IllegalArgumentException if the name is blank
     */
    public static GroupDefinition column(String column) {
        Objects.requireNonNull(column, "group");
        return new GroupDefinition(List.of(column), null);
    }

    /**
     * Combines several columns into intersectional groups; one column is the same as
     * {@link #column(String)}.
     *
     * @param columns the header names of the group columns, in the order their cells are joined;
     *        at least one, distinct and not blank
     * @return the definition
     * @throws IllegalArgumentException if the list is empty or a name is blank or repeated
     */
    public static GroupDefinition columns(List<String> columns) {
        Objects.requireNonNull(columns, "groups");
        return new GroupDefinition(columns, null);
    }

    /**
     * Returns a copy that sets one value of the single group column against all other values.
     *
     * @param value the value that forms the first group; not empty and not a missing-value
     *        spelling ({@link MissingPolicy#isMissing})
     * @return the new definition
     * @throws IllegalArgumentException if this definition has several columns, or the value is
     *         empty or spells a missing value
     */
    public GroupDefinition withVersusRest(String value) {
        Objects.requireNonNull(value, "versusRest");
        return new GroupDefinition(columns, value);
    }

    /** @return the group columns, in the order their cells are joined; at least one */
    public List<String> columns() {
        return columns;
    }

    /** @return the value set against the rest, if this definition has one */
    public Optional<String> versusRest() {
        return Optional.ofNullable(versusRest);
    }

    /**
     * @return a name for the group for headers and files: the column names joined with
     *         {@value #JOIN}, such as {@code race|gender}
     */
    public String name() {
        return String.join(JOIN, columns);
    }

    /**
     * Gives the label of a cell of a one-value-against-the-rest definition.
     *
     * @param cell the cell of the group column, verbatim
     * @return the value itself when the cell equals it, else {@value #REST_PREFIX}{@code value}
     * @throws IllegalStateException if this definition has no value set against the rest
     */
    public String versusRestLabel(String cell) {
        if (versusRest == null) {
            throw new IllegalStateException("versusRestLabel needs a value set against the rest; this definition"
                    + " takes labels from " + MessageText.quoteAll(columns));
        }
        return cell.equals(versusRest) ? versusRest : REST_PREFIX + versusRest;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof GroupDefinition)) {
            return false;
        }
        GroupDefinition that = (GroupDefinition) other;
        return columns.equals(that.columns) && Objects.equals(versusRest, that.versusRest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, versusRest);
    }

    @Override
    public String toString() {
        return versusRest == null
                ? "GroupDefinition[" + MessageText.quoteAll(columns) + "]"
                : "GroupDefinition[" + MessageText.quoteAll(columns) + " " + MessageText.quote(versusRest)
                        + " versus the rest]";
    }

    private static void check(List<String> columns, String versusRest) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("groups must name at least one group column, found none");
        }
        if (columns.size() == 1) {
            ColumnSelection.checkName("group", columns.get(0));
        } else {
            ColumnSelection.checkNames("groups", columns);
        }
        if (versusRest == null) {
            return;
        }
        if (columns.size() != 1) {
            throw new IllegalArgumentException("versusRest needs exactly one group column, found "
                    + columns.size() + ": " + MessageText.quoteAll(columns));
        }
        if (MissingPolicy.isMissing(versusRest)) {
            throw new IllegalArgumentException("versusRest must be a value that is not missing, found "
                    + MessageText.quote(versusRest));
        }
    }
}
