package io.studycollab.realtime.time;

import java.time.Duration;
import java.util.function.Consumer;

/** Delivers the latest value once nothing new came for {@code quiet}. */
public final class Debouncer<T> implements AutoCloseable {

    private final Clock clock;
    private final Duration quiet;
    private final Consumer<T> sink;
    private Clock.Cancellable pending;
    private T latest;
    private long generation;

    public Debouncer(Clock clock, Duration quiet, Consumer<T> sink) {
        this.clock = clock;
        this.quiet = quiet;
        this.sink = sink;
    }

    public void submit(T value) {
        long mine;
        synchronized (this) {
            latest = value;
            mine = ++generation;
            if (pending != null) {
                pending.cancel();
            }
        }
        Clock.Cancellable c = clock.schedule(quiet, () -> fire(mine));
        synchronized (this) {
            if (generation == mine) {
                pending = c;
            } else {
                c.cancel();
            }
        }
    }

    private void fire(long expected) {
        T value;
        synchronized (this) {
            if (generation != expected || latest == null) {
                return;
            }
            value = latest;
            latest = null;
            pending = null;
        }
        sink.accept(value);
    }

    @Override
    public synchronized void close() {
        generation++;
        latest = null;
        if (pending != null) {
            pending.cancel();
        }
    }
}
