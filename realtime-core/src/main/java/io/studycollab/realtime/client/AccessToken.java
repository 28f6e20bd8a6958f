package io.studycollab.realtime.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A bearer token. Its text leaves this object only through {@link #reveal()}, which only the
 * socket handshake and token decoding call; {@code toString()} never shows it, so a token cannot
 * slip into a log line, an exception or a session file by accident.
 */
public final class AccessToken {

    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    public static AccessToken of(String value) {
        Objects.requireNonNull(value, "token");
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("token is empty");
        }
        return new AccessToken(trimmed);
    }

    public String reveal() {
        return value;
    }

    /** A hint that identifies the token without disclosing it: length and last four characters. */
    public String fingerprint() {
        return "…" + value.substring(Math.max(0, value.length() - 4)) + " (" + value.length() + " chars)";
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken other
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
