package org.fairreg.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The groups of a dataset in their canonical order; a group's index in this list is its code.
 *
 * <p>The order is stable and independent of the order in which labels appear in the data: when
 * every label reads as a finite decimal number the labels are sorted by numeric value (labels of
 * equal value, such as {@code 1} and {@code 1.0}, stay distinct groups and are ordered by their
 * text); otherwise they are sorted by their text, character by character. So {@code 2} comes
 * before {@code 10}, and {@code b} before {@code c}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GroupLabels {

    private final List<String> labels;
    private final Map<String, Integer> codes;

    private GroupLabels(List<String> orderedLabels) {
        this.labels = List.copyOf(orderedLabels);
        this.codes = new HashMap<>();
        for (int code = 0; code < labels.size(); code++) {
            codes.put(labels.get(code), code);
        }
    }

    /**
     * Orders a set of labels by the rule of this class.
     *
     * @param distinctLabels the labels; duplicates are ignored
     * @return the ordered labels
     * @throws IllegalArgumentException if there is no label
     */
    public static GroupLabels of(Collection<String> distinctLabels) {
        List<String> ordered = new ArrayList<>(new LinkedHashSet<>(distinctLabels));
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("distinctLabels must hold at least one label, found none");
        }
        boolean numeric = ordered.stream().allMatch(GroupLabels::isNumber);
        Comparator<String> byText = Comparator.naturalOrder();
        ordered.sort(numeric
                ? Comparator.comparingDouble(Double::parseDouble).thenComparing(byText)
                : byText);
        return new GroupLabels(ordered);
    }

    /**
     * Keeps labels in the order given, for labels that were ordered before (read from a model
     * file, say).
     *
     * @param orderedLabels the labels in code order
     * @return the labels
     * @throws IllegalArgumentException if a label is repeated or the list is empty
     */
    public static GroupLabels inOrder(List<String> orderedLabels) {
        if (orderedLabels.isEmpty()) {
            throw new IllegalArgumentException("orderedLabels must hold at least one label, found none");
        }
        if (new LinkedHashSet<>(orderedLabels).size() != orderedLabels.size()) {
            throw new IllegalArgumentException("orderedLabels must not repeat a label, found " + orderedLabels);
        }
        return new GroupLabels(orderedLabels);
    }

    /** @return the number of groups, at least 1 */
    public int size() {
        return labels.size();
    }

    /**
     * @param code a group code, from 0 to {@code size() - 1}
     * @return the label of that group
     */
    public String label(int code) {
        return labels.get(code);
    }

    /** @return the labels in code order, unmodifiable */
    public List<String> labels() {
        return labels;
    }

    /**
     * @param label a label
     * @return its code, or empty if it is not one of these groups
     */
    public OptionalInt codeOf(String label) {
        Integer code = codes.get(label);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupLabels && ((GroupLabels) other).labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return labels.toString();
    }

    private static boolean isNumber(String label) {
        if (label.isEmpty() || !label.chars().allMatch(c -> Character.isDigit(c) || "+-.eE".indexOf(c) >= 0)) {
            return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(label));
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
