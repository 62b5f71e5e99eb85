package org.fairreg.train;

import org.fairreg.util.NamedChoice;

/** How the validation objective that early stopping watches is computed. */
public enum ValidationLoss implements NamedChoice {

    /**
     * The objective of the whole validation set at once: the group statistics are summed over
     * every validation example. This is the figure the model is judged on.
     */
    FULL,

    /**
     * The recipe's figure: the mean of the objective over consecutive batches of the validation
     * set. For a squared gap it is biased upwards by the variance of the batch estimate
     * ({@code E[(d_batch)^2] = d^2 + Var(d_batch)}), so it ranks epochs by noise as well as by
     * fairness.
     */
    BATCH_MEAN;

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static ValidationLoss fromId(String id) {
        return NamedChoice.fromId(ValidationLoss.class, "validation loss", id);
    }
}
