package io.studycollab.realtime.time;

import java.time.Duration;

/**
 * Time as the library sees it: wall time for records, a monotonic reading for intervals, and
 * delayed tasks. Injected everywhere so backoff, throttling, inactivity and replay are tested
 * without sleeping.
 */
public interface Clock {

    /** Epoch milliseconds. */
    long wallMillis();

    /** A monotonic reading in nanoseconds; only differences mean anything. */
    long monoNanos();

    /** Runs {@code task} once after {@code delay}, on a thread of the clock's choosing. */
    Cancellable schedule(Duration delay, Runnable task);

    default long monoMillis() {
        return monoNanos() / 1_000_000L;
    }

    /** A handle on a scheduled task. Cancelling twice or after it ran is harmless. */
    interface Cancellable {
        void cancel();
    }
}
