package org.fairreg.train;

import org.fairreg.util.NamedChoice;

/** How each epoch's examples are cut into batches. */
public enum Batching implements NamedChoice {

    /** The recipe: one shuffle of all examples, cut into consecutive batches. */
    SHUFFLE,

    /**
     * Every batch holds every group in proportion to its size: each group is shuffled on its own
     * and dealt across the epoch's batches, so a group with at least as many examples as there are
     * batches appears in every batch. Batch sizes then vary by at most the number of groups.
     */
    STRATIFIED;

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static Batching fromId(String id) {
        return NamedChoice.fromId(Batching.class, "batching", id);
    }
}
