package io.studycollab.debugger.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Finishes background work on the FX thread: one hop per user action (a button's request and its
 * reply), never per network event. Failures go to a typed handler, unwrapped. Work that needs a
 * thread of its own goes through {@link Tasks}.
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
}
