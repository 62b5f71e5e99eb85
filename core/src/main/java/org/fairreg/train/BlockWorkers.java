package org.fairreg.train;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntConsumer;

/**
 * A fixed crew of threads that runs the blocks of one batch: block {@code j} always goes to worker
 * {@code j % threads}, the calling thread being worker 0, and {@link #run} returns when every
 * block is done. The work of a block must depend only on the block, so that which thread runs it
 * does not matter; the caller then combines the blocks' results in block order, which keeps a
 * run's results the same for any number of threads. Nothing is allocated per run of a batch.
 *
 * <p>Used by one training thread at a time; {@link #close} ends the workers.
 */
final class BlockWorkers implements AutoCloseable {

    private final int threads;
    private final Thread[] workers;
    private final CyclicBarrier start;
    private final CyclicBarrier finish;
    private volatile IntConsumer work;
    private volatile int blockCount;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    /**
     * @param threads how many threads share the blocks, at least 1; 1 runs everything on the caller
     */
    BlockWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        this.threads = threads;
        this.start = new CyclicBarrier(threads);
        this.finish = new CyclicBarrier(threads);
        this.workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int worker = w;
            Thread thread = new Thread(() -> serve(worker), "fairreg-block-" + w);
            thread.setDaemon(true);
            workers[w - 1] = thread;
            thread.start();
        }
    }

    /**
     * Runs {@code work.accept(j)} for every block {@code j < blockCount} and waits for all.
     *
     * @param blockCount the number of blocks
     * @param work the work of one block; called from several threads at once
     * @throws RuntimeException the first failure of a block, after every block has ended
     */
    void run(int blockCount, IntConsumer work) {
        if (threads == 1) {
            for (int j = 0; j < blockCount; j++) {
                work.accept(j);
            }
            return;
        }
        this.work = work;
        this.blockCount = blockCount;
        this.failure = null;
        await(start);
        runShare(0);
        await(finish);
        if (failure != null) {
            throw failure;
        }
    }

    private void serve(int worker) {
        while (true) {
            await(start);
            if (closed) {
                return;
            }
            runShare(worker);
            await(finish);
        }
    }

    private void runShare(int worker) {
        try {
            for (int j = worker; j < blockCount; j += threads) {
                work.accept(j);
            }
        } catch (RuntimeException problem) {
            failure = problem;
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("a block worker was interrupted", interrupted);
        } catch (BrokenBarrierException broken) {
            throw new IllegalStateException("a block worker stopped", broken);
        }
    }

    @Override
    public void close() {
        if (threads == 1 || closed) {
            return;
        }
        closed = true;
        await(start);
    }
}
