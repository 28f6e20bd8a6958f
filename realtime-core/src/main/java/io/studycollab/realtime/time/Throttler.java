package io.studycollab.realtime.time;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * At most one value per interval, latest wins: the first value goes at once, values arriving
 * within the interval replace each other and the last one goes when the interval ends. Nothing
 * stale is ever delivered after a newer value.
 */
public final class Throttler<T> implements AutoCloseable {

    private final Clock clock;
    private final long intervalNanos;
    private final Consumer<T> sink;
    private long lastSentNanos = Long.MIN_VALUE;
    private T pending;
    private Clock.Cancellable timer;
    private boolean closed;

    public Throttler(Clock clock, Duration interval, Consumer<T> sink) {
        this.clock = clock;
        this.intervalNanos = interval.toNanos();
        this.sink = sink;
    }

    public void submit(T value) {
        boolean sendNow = false;
        long waitNanos = 0;
        synchronized (this) {
            if (closed) {
                return;
            }
            long now = clock.monoNanos();
            long since = lastSentNanos == Long.MIN_VALUE ? Long.MAX_VALUE : now - lastSentNanos;
            if (since >= intervalNanos && timer == null) {
                lastSentNanos = now;
                sendNow = true;
            } else {
                pending = value;
                if (timer == null) {
                    waitNanos = intervalNanos - since;
                    timer = clock.schedule(Duration.ofNanos(Math.max(0, waitNanos)), this::flush);
                }
            }
        }
        if (sendNow) {
            sink.accept(value);
        }
    }

    private void flush() {
        T value;
        synchronized (this) {
            timer = null;
            if (closed || pending == null) {
                return;
            }
            value = pending;
            pending = null;
            lastSentNanos = clock.monoNanos();
        }
        sink.accept(value);
    }

    @Override
    public synchronized void close() {
        closed = true;
        pending = null;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
