package io.studycollab.debugger.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Finishes background work on the FX thread: one hop per user action (a button's request and its
 * reply), never per network event. Failures go to a typed handler, unwrapped.
 */
public final class FxTasks {

    private FxTasks() {}

    public static <T> void whenDone(CompletableFuture<T> future, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        future.whenComplete((value, error) -> Platform.runLater(() -> {
            if (error != null) {
                onFailure.accept(
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else {
                onSuccess.accept(value);
            }
        }));
    }

    /** Runs {@code work} off the FX thread, then {@code onSuccess} or {@code onFailure} on it. */
    public static <T> void background(
            String name, java.util.concurrent.Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        f.complete(work.call());
                    } catch (Exception | Error e) {
                        f.completeExceptionally(e);
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
        whenDone(f, onSuccess, onFailure);
    }
}
