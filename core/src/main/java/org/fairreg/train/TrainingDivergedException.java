package org.fairreg.train;

/**
 * Thrown when the objective becomes NaN or infinite. Training stops at once; the result it
 * carries holds the best weights seen before, so they can still be saved.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient TrainingResult result;

    /**
     * @param message names the epoch, the step and the term that went non-finite
     * @param result the run up to the divergence, with the best weights restored
     */
    public TrainingDivergedException(String message, TrainingResult result) {
        super(message);
        this.result = result;
    }

    /** @return the run up to the divergence, with the best weights restored */
    public TrainingResult result() {
        return result;
    }
}
