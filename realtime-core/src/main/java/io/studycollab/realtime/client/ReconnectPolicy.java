package io.studycollab.realtime.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter (shared/protocol.md §7): the n-th retry waits
 * {@code min(initial × multiplier^(n-1), max)} scaled by a random factor in {@code [1-jitter, 1+jitter]},
 * never more than {@code max}; at most {@code maxAttempts} retries.
 */
public record ReconnectPolicy(
        Duration initialDelay,
        double multiplier,
        Duration maxDelay,
        double jitter,
        int maxAttempts,
        DoubleSupplier random) {

    public ReconnectPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (multiplier < 1 || jitter < 0 || jitter > 1 || maxAttempts < 0) {
            throw new IllegalArgumentException("need multiplier >= 1, 0 <= jitter <= 1, maxAttempts >= 0");
        }
    }

    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(
                Duration.ofSeconds(1),
                2,
                Duration.ofSeconds(30),
                0.5,
                5,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    public ReconnectPolicy withInitialDelay(Duration d) {
        return new ReconnectPolicy(
                d, multiplier, maxDelay.compareTo(d) < 0 ? d : maxDelay, jitter, maxAttempts, random);
    }

    public ReconnectPolicy withMaxDelay(Duration d) {
        return new ReconnectPolicy(initialDelay, multiplier, d, jitter, maxAttempts, random);
    }

    public ReconnectPolicy withMaxAttempts(int n) {
        return new ReconnectPolicy(initialDelay, multiplier, maxDelay, jitter, n, random);
    }

    public ReconnectPolicy withJitter(double j) {
        return new ReconnectPolicy(initialDelay, multiplier, maxDelay, j, maxAttempts, random);
    }

    public ReconnectPolicy withRandom(DoubleSupplier r) {
        return new ReconnectPolicy(initialDelay, multiplier, maxDelay, jitter, maxAttempts, r);
    }

    /** Whether a retry numbered {@code attempt} (1-based) is allowed. */
    public boolean allows(int attempt) {
        return attempt >= 1 && attempt <= maxAttempts;
    }

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration delayFor(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1");
        }
        double base = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        base = Math.min(base, maxDelay.toMillis());
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        long millis = Math.round(Math.min(base * factor, maxDelay.toMillis()));
        return Duration.ofMillis(Math.max(0, millis));
    }
}
