package io.studycollab.debugger.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM for a command that runs for a while: the JVM's shutdown waits until
 * the command has finished its work (flushed its file, printed its summary) and closed this.
 */
final class StopSignal implements AutoCloseable {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    StopSignal(String name) {
        hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        done.await(15, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits up to {@code millis}; true when a stop was asked for. */
    boolean await(long millis) throws InterruptedException {
        return stop.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        done.countDown();
        if (stop.getCount() > 0) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
    }
}
