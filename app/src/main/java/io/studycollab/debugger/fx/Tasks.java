package io.studycollab.debugger.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Background work for user actions (opening a file, starting the sandbox, exporting), in the manner
 * of Cryptomator's {@code Tasks}: one executor owned by the window and shut down with it, work
 * described fluently, its result and typed failures handled on the FX thread.
 *
 * <pre>{@code
 * tasks.create(() -> SessionTimeline.open(file))
 *      .onSuccess(replay::load)
 *      .onError(IOException.class, e -> dialogs.error("Cannot open " + file + ": " + e.getMessage()))
 *      .run();
 * }</pre>
 *
 * A failure no handler claims goes to the fallback given at construction, never silently away.
 */
public final class Tasks implements AutoCloseable {

    private final ExecutorService executor;
    private final Consumer<Throwable> unhandled;
    private final Consumer<Runnable> fxThread;

    /** {@code unhandled} hears failures no task claimed (on the FX thread). */
    public Tasks(Consumer<Throwable> unhandled) {
        this(unhandled, Platform::runLater);
    }

    /** With {@code fxThread} running the handlers (tests pass {@code Runnable::run}). */
    public Tasks(Consumer<Throwable> unhandled, Consumer<Runnable> fxThread) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "debugger-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.unhandled = unhandled;
        this.fxThread = fxThread;
    }

    public <T> Task<T> create(Callable<T> work) {
        return new Task<>(work);
    }

    /** For work with no result. */
    public Task<Void> run(ThrowingRunnable work) {
        return new Task<>(() -> {
            work.run();
            return null;
        });
    }

    /** Work that returns nothing and may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** One piece of work being described; {@link #run()} starts it. */
    public final class Task<T> {
        private final Callable<T> work;
        private Consumer<T> onSuccess = v -> {};
        private final List<Handler<?>> handlers = new ArrayList<>();
        private Runnable andFinally = () -> {};

        private Task(Callable<T> work) {
            this.work = work;
        }

        public Task<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = handler;
            return this;
        }

        /** Handles failures of {@code type} (the first matching handler, in the order given). */
        public <E extends Throwable> Task<T> onError(Class<E> type, Consumer<E> handler) {
            handlers.add(new Handler<>(type, handler));
            return this;
        }

        public Task<T> andFinally(Runnable action) {
            this.andFinally = action;
            return this;
        }

        public void run() {
            executor.execute(() -> {
                try {
                    T value = work.call();
                    fxThread.accept(() -> finish(() -> onSuccess.accept(value)));
                } catch (Exception | Error e) {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    fxThread.accept(() -> finish(() -> fail(cause)));
                }
            });
        }

        private void finish(Runnable outcome) {
            try {
                outcome.run();
            } finally {
                andFinally.run();
            }
        }

        private void fail(Throwable e) {
            for (Handler<?> h : handlers) {
                if (h.type.isInstance(e)) {
                    h.accept(e);
                    return;
                }
            }
            unhandled.accept(e);
        }
    }

    private record Handler<E extends Throwable>(Class<E> type, Consumer<E> handler) {
        void accept(Throwable e) {
            handler.accept(type.cast(e));
        }
    }

    /** Stops taking work and interrupts what runs; waits briefly so no task outlives the window. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
