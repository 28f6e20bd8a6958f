package io.studycollab.realtime.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The keys that open the HTTP test API: the legacy {@code service_role} key and, on projects that
 * moved to Supabase's new API keys, a secret key ({@code sb_secret_…}). Compared in constant time
 * through their digests, so neither length nor prefix leaks.
 */
public final class ServiceKeys {

    private static final String SECRET_PREFIX = "sb_secret_";

    private final byte[] serviceRole;
    private final byte[] secret;

    /** @param secretKey an {@code sb_secret_…} key, or null */
    public ServiceKeys(String serviceRoleKey, String secretKey) {
        if (secretKey != null && !secretKey.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a Supabase secret key starts with " + SECRET_PREFIX);
        }
        this.serviceRole = sha256(serviceRoleKey);
        this.secret = secretKey == null ? null : sha256(secretKey);
    }

    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] d = sha256(presented);
        boolean legacy = MessageDigest.isEqual(d, serviceRole);
        boolean modern = secret != null && MessageDigest.isEqual(d, secret);
        return legacy | modern;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
