package org.fairreg.train;

import java.util.Objects;

/**
 * One model of a sweep: a label for tables and files, and the settings it is trained with.
 *
 * @param label such as {@code lambda=2.0}, {@code epsilon=5%} or {@code mse (reference)}
 * @param settings the settings of its run
 * @param reference whether it is a reference point (plain mse, the recipe's gap) rather than a
 *        value of the swept parameter; references are shown but never selected
 */
public record SweepPoint(String label, TrainingSettings settings, boolean reference) {

    /**
     * @param label the label, not blank
     * @param settings the settings
     * @param reference whether it is a reference point
     */
    public SweepPoint {
        Objects.requireNonNull(settings, "settings");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank, found '" + label + "'");
        }
    }
}
