package io.studycollab.realtime.server.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A Supabase project's public signing keys (its JWKS), cached. A token naming a {@code kid} the
 * cache does not hold makes it fetch again, at most once per {@code minRefetch}, so a flood of
 * made-up kids costs one request per interval, not one each. A failed fetch keeps the keys
 * already known. Fetching blocks the caller (a handshake) for at most the two 2 s timeouts.
 */
public final class JwksKeys {

    /** Where the key set comes from; a function so tests can count fetches. */
    @FunctionalInterface
    public interface Fetcher {
        JWKSet fetch() throws IOException, ParseException;
    }

    private static final int TIMEOUT_MILLIS = 2000;
    private static final int SIZE_LIMIT = 256 * 1024;

    private final Fetcher fetcher;
    private final LongSupplier nowMillis;
    private final long maxAgeMillis;
    private final long minRefetchMillis;

    // Guarded by this.
    private JWKSet keys;
    private long fetchedAt;
    private long lastAttempt = Long.MIN_VALUE;
    private long lastUnknownKidFetch = Long.MIN_VALUE;
    private int fetches;
    private String lastError;

    public JwksKeys(Fetcher fetcher, LongSupplier nowMillis, Duration maxAge, Duration minRefetch) {
        this.fetcher = fetcher;
        this.nowMillis = nowMillis;
        this.maxAgeMillis = maxAge.toMillis();
        this.minRefetchMillis = minRefetch.toMillis();
    }

    /** Supabase's edge caches its JWKS for 10 minutes; so do we. Unknown kids: one refetch per 30 s. */
    public static JwksKeys fromUrl(URL url, LongSupplier nowMillis) {
        return new JwksKeys(
                () -> JWKSet.load(url, TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT),
                nowMillis,
                Duration.ofMinutes(10),
                Duration.ofSeconds(30));
    }

    /**
     * The key with this kid, or null when the project has none (after a refetch, if one was due).
     *
     * @throws IOException when no key set could ever be fetched
     */
    public synchronized JWK find(String kid) throws IOException {
        long now = nowMillis.getAsLong();
        if (keys == null || now - fetchedAt >= maxAgeMillis) {
            refetchIfAllowed(now);
        }
        JWK key = keys == null ? null : keys.getKeyByKeyId(kid);
        if (key == null
                && keys != null
                && (lastUnknownKidFetch == Long.MIN_VALUE || now - lastUnknownKidFetch >= minRefetchMillis)) {
            // The first unknown kid refetches at once (a rotation just happened); more within
            // the interval are answered from the cache.
            lastUnknownKidFetch = now;
            fetch(now);
            key = keys.getKeyByKeyId(kid);
        }
        if (keys == null) {
            throw new IOException("the project's signing keys could not be fetched: " + lastError);
        }
        return key;
    }

    /** Fetches the key set now (at start, so the first handshake does not wait). */
    public synchronized void prefetch() {
        refetchIfAllowed(nowMillis.getAsLong());
    }

    /** How many times the key set was requested, for tests and diagnostics. */
    public synchronized int fetches() {
        return fetches;
    }

    /** A missing or aged key set, fetched again at most once per interval (a failing endpoint too). */
    private void refetchIfAllowed(long now) {
        if (lastAttempt != Long.MIN_VALUE && now - lastAttempt < minRefetchMillis) {
            return;
        }
        fetch(now);
    }

    private void fetch(long now) {
        lastAttempt = now;
        fetches++;
        try {
            keys = fetcher.fetch();
            fetchedAt = now;
            lastError = null;
        } catch (IOException | ParseException | RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
