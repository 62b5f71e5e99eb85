package org.fairreg.train;

import java.io.IOException;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How a run saves and resumes itself: every how many epochs it saves a checkpoint, where the
 * checkpoints go, when it should stop early (asked between two steps; a signal handler sets it),
 * and the checkpoint it continues from, if any.
 *
 * @param everyEpochs save after every this many epochs, 0 for never (a stop still saves)
 * @param sink where checkpoints go
 * @param stopRequested asked before every step; once true, the run saves a checkpoint and stops
 * @param resumeFrom the checkpoint to continue from, or null to start afresh
 */
public record Checkpointing(int everyEpochs, Sink sink, BooleanSupplier stopRequested, TrainingCheckpoint resumeFrom) {

    /** No checkpoints, no stop, no resume. */
    public static final Checkpointing NONE = new Checkpointing(0, checkpoint -> { }, () -> false, null);

    /**
     * @throws IllegalArgumentException if {@code everyEpochs} is negative
     * @throws NullPointerException if {@code sink} or {@code stopRequested} is null
     */
    public Checkpointing {
        if (everyEpochs < 0) {
            throw new IllegalArgumentException("everyEpochs must be at least 0, found " + everyEpochs);
        }
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(stopRequested, "stopRequested");
    }

    /** Receives each checkpoint as it is made. */
    @FunctionalInterface
    public interface Sink {

        /**
         * Saves a checkpoint; the run continues only once this returns.
         *
         * @param checkpoint the checkpoint
         * @throws IOException if it cannot be saved; the run then fails
         */
        void save(TrainingCheckpoint checkpoint) throws IOException;
    }
}
