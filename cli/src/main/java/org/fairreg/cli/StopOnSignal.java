package org.fairreg.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request that training stop at its next step and save a
 * checkpoint, through a shutdown hook: the JVM runs it on either signal, it raises the request,
 * then holds the JVM open until the command has saved and said so ({@link #close()}), for at most
 * {@link #GRACE_SECONDS}. The JVM then exits with the signal's status (130 or 143), whatever the
 * command returns. A second Ctrl-C does not cut the wait short; SIGKILL does, and leaves the last
 * periodic checkpoint, complete, since every checkpoint is written atomically.
 */
final class StopOnSignal implements AutoCloseable {

    /** How long a signal waits for the checkpoint: one step and one write, even of a large run. */
    static final long GRACE_SECONDS = 60;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopOnSignal(boolean installed) {
        this.hook = installed ? new Thread(this::onSignal, "fairreg-stop-on-signal") : null;
        if (installed) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** @return a request raised by the next SIGINT or SIGTERM */
    static StopOnSignal install() {
        return new StopOnSignal(true);
    }

    /** @return a request that is never raised, for runs that save no checkpoint */
    static StopOnSignal none() {
        return new StopOnSignal(false);
    }

    /** @return whether a signal asked the command to stop */
    boolean requested() {
        return requested.get();
    }

    /** Lets a waiting signal end the JVM, or, with no signal, removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting: the hook is running and now returns.
            }
        }
    }

    private void onSignal() {
        requested.set(true);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
