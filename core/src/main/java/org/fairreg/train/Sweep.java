package org.fairreg.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fairreg.data.Dataset;

/**
 * Trains one model per {@link SweepPoint}, several at once, and reports each on the validation
 * and test examples.
 *
 * <p>Models are independent: each run has its own generator seeded from its settings and shares
 * only read-only data, so a point's model is the same bit for bit whatever the number of threads
 * and whatever else runs beside it; results come back in point order.
 */
public final class Sweep {

    private final int threads;

    /**
     * @param threads how many models train at once, at least 1
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Sweep(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        this.threads = threads;
    }

    /**
     * Runs the sweep.
     *
     * @param points the models to train, in the order results are wanted
     * @param train the training examples
     * @param validation the validation examples
     * @param test the test examples
     * @param progress told when each point finishes, from the thread that trained it
     * @return one result per point, in point order
     * @throws TrainingDivergedException if a point diverges; the other points are cancelled
     * @throws IllegalArgumentException if the data does not suit a point's settings
     */
    public List<SweepResult> run(
            List<SweepPoint> points,
            Dataset train,
            Dataset validation,
            Dataset test,
            Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, points.size())));
        try {
            List<Future<SweepResult>> futures = new ArrayList<>();
            for (SweepPoint point : points) {
                futures.add(pool.submit(() -> {
                    SweepResult result = trainPoint(point, train, validation, test);
                    progress.finished(result);
                    return result;
                }));
            }
            List<SweepResult> results = new ArrayList<>();
            for (Future<SweepResult> future : futures) {
                results.add(await(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SweepResult trainPoint(SweepPoint point, Dataset train, Dataset validation, Dataset test) {
        // One thread per model: the sweep's parallelism is across models.
        TrainingResult result = new Trainer(point.settings(), Execution.defaults())
                .fit(train, validation, TrainingListener.NONE);
        FittedModel model = result.model();
        return new SweepResult(point, result, model.evaluate(validation), model.evaluate(test));
    }

    private static SweepResult await(Future<SweepResult> future) {
        try {
            return future.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("a sweep point failed: " + cause, cause);
        }
    }

    /** Hears of each finished point; called from training threads, so it must be thread-safe. */
    @FunctionalInterface
    public interface Progress {

        /** Hears nothing. */
        Progress NONE = result -> { };

        /**
         * @param result the point just finished
         */
        void finished(SweepResult result);
    }
}
