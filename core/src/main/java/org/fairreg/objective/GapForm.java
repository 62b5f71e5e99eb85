package org.fairreg.objective;

import org.fairreg.util.NamedChoice;

/** How the gap {@code d = e_0 - e_1} between two groups' mean squared errors enters an objective. */
public enum GapForm implements NamedChoice {

    /** {@code d^2}: the recipe's trained form, smooth at zero. */
    SQUARED,

    /** {@code |d|}: the recipe's stated form; its subgradient at zero is taken as 0. */
    ABSOLUTE;

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static GapForm fromId(String id) {
        return NamedChoice.fromId(GapForm.class, "gap form", id);
    }
}
