package io.studycollab.realtime.server.limits;

import io.studycollab.realtime.time.Clock;

/** A classic token bucket on the injected clock: {@code rate} tokens a second, at most {@code burst} saved. */
public final class TokenBucket {

    private final Clock clock;
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(Clock clock, double ratePerSecond, double burst) {
        this.clock = clock;
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = burst;
        this.tokens = burst;
        this.last = clock.monoNanos();
    }

    public synchronized boolean tryTake() {
        long now = clock.monoNanos();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
