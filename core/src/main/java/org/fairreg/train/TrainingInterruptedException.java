package org.fairreg.train;

/**
 * A run stopped on request ({@link Checkpointing#stopRequested()}) after saving a checkpoint
 * from which it can be resumed.
 */
public final class TrainingInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TrainingCheckpoint checkpoint;

    /**
     * @param message names where the run stopped
     * @param checkpoint the checkpoint saved there
     */
    public TrainingInterruptedException(String message, TrainingCheckpoint checkpoint) {
        super(message);
        this.checkpoint = checkpoint;
    }

    /** @return the checkpoint saved where the run stopped */
    public TrainingCheckpoint checkpoint() {
        return checkpoint;
    }
}
