package org.fairreg.objective;

import org.fairreg.util.NamedChoice;

/** Where the factor on the batch gradient of each group error comes from. */
public enum GapEstimate implements NamedChoice {

    /** The batch itself: the exact gradient of the batch objective, as the recipe computes it. */
    BATCH,

    /** A {@link RunningGroupErrors} estimate spanning about the last epoch: less noise, slight lag. */
    RUNNING;

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static GapEstimate fromId(String id) {
        return NamedChoice.fromId(GapEstimate.class, "gap estimate", id);
    }
}
