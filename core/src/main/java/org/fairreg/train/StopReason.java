package org.fairreg.train;

import org.fairreg.util.NamedChoice;

/** Why a training run ended. */
public enum StopReason implements NamedChoice {

    /** The validation objective did not improve for {@code patience} epochs in a row. */
    EARLY_STOPPING,

    /** The maximum number of epochs was reached. */
    MAX_EPOCHS,

    /** The objective became NaN or infinite; the best weights seen before were kept. */
    DIVERGED;

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static StopReason fromId(String id) {
        return NamedChoice.fromId(StopReason.class, "stop reason", id);
    }
}
