package org.fairreg.objective;

import org.fairreg.util.NamedChoice;

/** The objectives that can be chosen by name. */
public enum ObjectiveKind implements NamedChoice {

    /** {@link MeanSquaredError}. */
    MSE,

    /** {@link GroupGap}, the recipe verbatim. */
    GAP,

    /** {@link Penalized}, mean squared error plus {@code lambda} times a gap measure. */
    PENALIZED,

    /** {@link Constrained}, mean squared error subject to a bound on every pairwise gap. */
    CONSTRAINED;

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static ObjectiveKind fromId(String id) {
        return NamedChoice.fromId(ObjectiveKind.class, "objective", id);
    }
}
