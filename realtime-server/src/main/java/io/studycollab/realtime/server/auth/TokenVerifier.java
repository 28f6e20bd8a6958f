package io.studycollab.realtime.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.studycollab.realtime.protocol.ErrorCodes;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Verifies Supabase access tokens (§1): a valid signature, {@code exp} in the future, {@code nbf}
 * and {@code iat} not in the future (beyond {@link #CLOCK_SKEW}), the configured audience, and a
 * {@code sub} that is a non-empty string. HS256 tokens are checked with the legacy JWT secret; with
 * a {@link JwksVerifier} the project's asymmetric keys (ES256/RS256) are accepted too, as during a
 * Supabase key migration. Either may be absent, not both.
 */
public final class TokenVerifier {

    /**
     * How far {@code nbf} and {@code iat} may lie in the future, for clocks that disagree a little
     * (the 60 s most JWT libraries allow; jsonwebtoken's {@code clockTolerance}, Spring's default).
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** Dates past this (9999-12-31T23:59:59Z, the last RFC 3339 can write) count as this. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final long ABSENT = Long.MIN_VALUE;

    private final JWSVerifier verifier;
    private final JwksVerifier jwks;
    private final String audience;
    private final LongSupplier nowMillis;

    public TokenVerifier(String secret, String audience, LongSupplier nowMillis) {
        this(secret, null, audience, nowMillis);
    }

    /** @param secret the HS256 secret, or null to accept only the project's asymmetric keys */
    public TokenVerifier(String secret, JwksVerifier jwks, String audience, LongSupplier nowMillis) {
        if (secret == null && jwks == null) {
            throw new IllegalArgumentException("a JWT secret or a JWKS is needed to verify tokens");
        }
        // A secret under 256 bits gets here only when the server was told to allow it (ServerConfig).
        this.verifier = secret == null ? null : Hs256.verifier(secret);
        this.jwks = jwks;
        this.audience = audience;
        this.nowMillis = nowMillis;
    }

    public VerifiedUser verify(Object token) throws AuthFailure {
        if (token == null || token instanceof String s && s.isBlank()) {
            throw new AuthFailure(ErrorCodes.AUTH_MISSING, "no token in the handshake auth");
        }
        if (!(token instanceof String text)) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token must be a string");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(text);
        } catch (ParseException e) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token is not a signed JWT");
        }
        boolean hs256 = JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm());
        if (hs256 && verifier != null) {
            checkSecret(jwt);
        } else if (jwks != null) {
            // Anything but HS256-with-our-secret goes to the key set, which takes the algorithm
            // from the key: an HS256 token naming an EC key is refused there.
            jwks.check(jwt);
        } else {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token must be signed with HS256");
        }
        // The claims are read from the payload's JSON as it is: nimbus's typed view turns a NumericDate
        // like 1e17 into a wrapped-around Date.
        Map<String, Object> raw = jwt.getPayload().toJSONObject();
        if (raw == null) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token claims are not a JSON object");
        }
        long now = nowMillis.getAsLong();
        long exp = numericDateMillis(raw, "exp");
        if (exp == ABSENT) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token has no exp");
        }
        if (exp <= now) {
            throw new AuthFailure(ErrorCodes.AUTH_EXPIRED, "token expired");
        }
        long nbf = numericDateMillis(raw, "nbf");
        if (nbf != ABSENT && nbf > now + CLOCK_SKEW.toMillis()) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token not valid yet (nbf)");
        }
        long iat = numericDateMillis(raw, "iat");
        if (iat != ABSENT && iat > now + CLOCK_SKEW.toMillis()) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token issued in the future (iat)");
        }
        Object aud = raw.get("aud");
        if (!(audience.equals(aud) || aud instanceof List<?> list && list.contains(audience))) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token audience is not " + audience);
        }
        if (!(raw.get("sub") instanceof String sub) || sub.isBlank()) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token sub must be a non-empty string");
        }
        Map<String, Object> meta = map(raw.get("user_metadata"));
        Map<String, Object> app = map(raw.get("app_metadata"));
        String name = firstText(meta.get("full_name"), meta.get("name"), raw.get("email"), meta.get("email"), sub);
        Object avatar = meta.get("avatar_url");
        List<String> groups = null;
        if (app.get("groups") instanceof List<?> list) {
            groups = new ArrayList<>();
            for (Object g : list) {
                if (g instanceof String s) {
                    groups.add(s);
                }
            }
            groups = List.copyOf(groups);
        }
        return new VerifiedUser(sub, name, avatar instanceof String a ? a : null, groups, exp);
    }

    /**
     * A NumericDate claim (RFC 7519 §2: seconds, possibly fractional) in epoch milliseconds, capped
     * at {@link #LATEST}; {@link #ABSENT} when missing. Nimbus multiplies by 1000 in a long and
     * wraps for values like 1e17, so the raw JSON number is read here instead.
     */
    private static long numericDateMillis(Map<String, Object> raw, String name) throws AuthFailure {
        Object v = raw.get(name);
        if (v == null) {
            return ABSENT;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token " + name + " must be a non-negative number");
        }
        double seconds = n.doubleValue();
        return seconds >= LATEST.getEpochSecond() ? LATEST.toEpochMilli() : (long) (seconds * 1000);
    }

    private void checkSecret(SignedJWT jwt) throws AuthFailure {
        try {
            if (!jwt.verify(verifier)) {
                throw new AuthFailure(ErrorCodes.AUTH_INVALID, "bad token signature");
            }
        } catch (JOSEException e) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token signature cannot be checked");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String firstText(Object... values) {
        for (Object v : values) {
            if (v instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }
}
