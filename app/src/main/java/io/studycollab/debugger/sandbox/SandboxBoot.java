package io.studycollab.debugger.sandbox;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded sandbox started on its own thread while the window is still being built (start-up
 * time, #14 point 11: the server's start and its classes overlap JavaFX's instead of following the
 * first frame). Whoever {@link #take()}s the sandbox owns it; one nobody took is closed by
 * {@link #close()}, so a window that failed before connecting leaves no server behind.
 */
public final class SandboxBoot implements AutoCloseable {

    private final CompletableFuture<Sandbox> result = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();
    private final Thread thread;

    private SandboxBoot(Callable<Sandbox> starter) {
        thread = new Thread(
                () -> {
                    try {
                        result.complete(starter.call());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                "sandbox-boot");
        // Daemon: a JVM told to exit while the server is still binding does not wait for it.
        thread.setDaemon(true);
    }

    /** Starts {@code starter} on a thread of its own at once. */
    public static SandboxBoot begin(Callable<Sandbox> starter) {
        SandboxBoot boot = new SandboxBoot(starter);
        boot.thread.start();
        return boot;
    }

    /**
     * Waits for the sandbox and hands it over (the caller owns it from now on); its start's failure
     * is thrown as it was. Only the first call gets it: later ones throw IllegalStateException.
     */
    public Sandbox take() throws Exception {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException("the booted sandbox was already taken");
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException("the sandbox could not start", cause);
        }
    }

    /** Closes the sandbox if nobody took it (waiting for its start to end first). */
    @Override
    public void close() {
        if (!taken.compareAndSet(false, true)) {
            return;
        }
        try {
            result.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.thenAccept(Sandbox::close); // closed when it has started, whenever that is
        } catch (ExecutionException e) {
            // It never started: nothing to close.
        }
    }
}
