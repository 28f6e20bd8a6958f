package io.studycollab.realtime.server.limits;

import io.studycollab.realtime.time.Clock;

/**
 * A classic token bucket on the injected clock: {@code rate} tokens a second, at most {@code burst}
 * saved. Besides taking what is there, a cost that must be paid whatever the balance (a message that
 * is never held back) can be charged, leaving a debt of at most one burst that later takers wait out.
 */
public final class TokenBucket {

    private final Clock clock;
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(Clock clock, double ratePerSecond, double burst) {
        if (!(ratePerSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1");
        }
        this.clock = clock;
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = burst;
        this.tokens = burst;
        this.last = clock.monoNanos();
    }

    /** Takes one token if there is one. */
    public boolean tryTake() {
        return tryTake(1);
    }

    /**
     * Takes {@code n} tokens if the bucket holds them; a cost above the whole burst is taken once
     * the bucket is full, so it is slowed down, never refused for ever.
     */
    public synchronized boolean tryTake(double n) {
        refill();
        if (tokens >= Math.min(n, capacity)) {
            tokens = Math.max(-capacity, tokens - n);
            return true;
        }
        return false;
    }

    /** Charges {@code n} tokens whatever the balance; the debt is capped at one burst. */
    public synchronized void charge(double n) {
        refill();
        tokens = Math.max(-capacity, tokens - n);
    }

    /** Tokens available now (negative while in debt). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = clock.monoNanos();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
    }
}
