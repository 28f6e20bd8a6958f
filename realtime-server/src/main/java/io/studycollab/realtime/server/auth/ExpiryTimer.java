package io.studycollab.realtime.server.auth;

import io.studycollab.realtime.time.Clock;
import java.time.Duration;

/**
 * Fires once a token's {@code exp} has passed. A single timer is never armed further ahead than
 * {@link #MAX_STEP} (one day): a token valid until the year 9999 would otherwise overflow the
 * scheduler's nanoseconds. When a step ends before {@code exp}, the next step is armed.
 */
public final class ExpiryTimer implements Clock.Cancellable {

    /** The longest single delay handed to the clock. */
    public static final Duration MAX_STEP = Duration.ofDays(1);

    private final Clock clock;
    private final long expiresAtMillis;
    private final Runnable onExpired;
    private volatile Clock.Cancellable step;
    private volatile boolean cancelled;

    private ExpiryTimer(Clock clock, long expiresAtMillis, Runnable onExpired) {
        this.clock = clock;
        this.expiresAtMillis = expiresAtMillis;
        this.onExpired = onExpired;
    }

    /** Arms a timer that runs {@code onExpired} once {@code clock.wallMillis() >= expiresAtMillis}. */
    public static ExpiryTimer arm(Clock clock, long expiresAtMillis, Runnable onExpired) {
        ExpiryTimer t = new ExpiryTimer(clock, expiresAtMillis, onExpired);
        t.next();
        return t;
    }

    private void next() {
        if (cancelled) {
            return;
        }
        // Always through the clock, never inline: the caller may still be admitting the socket.
        long left = Math.max(0, expiresAtMillis - clock.wallMillis());
        step = clock.schedule(Duration.ofMillis(Math.min(left, MAX_STEP.toMillis())), this::fired);
    }

    private void fired() {
        if (cancelled) {
            return;
        }
        if (clock.wallMillis() >= expiresAtMillis) {
            onExpired.run();
        } else {
            next();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        Clock.Cancellable s = step;
        if (s != null) {
            s.cancel();
        }
    }
}
