package io.studycollab.realtime.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.studycollab.realtime.protocol.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Verifies Supabase access tokens (§1): a valid signature, {@code exp} in the future, the
 * configured audience, and a {@code sub}. HS256 tokens are checked with the legacy JWT secret;
 * with a {@link JwksVerifier} the project's asymmetric keys (ES256/RS256) are accepted too, as
 * during a Supabase key migration. Either may be absent, not both.
 */
public final class TokenVerifier {

    private final MACVerifier verifier;
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
        try {
            this.verifier = secret == null ? null : new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable JWT secret: " + e.getMessage(), e);
        }
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
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token claims are not valid JSON");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token has no exp");
        }
        if (exp.getTime() <= nowMillis.getAsLong()) {
            throw new AuthFailure(ErrorCodes.AUTH_EXPIRED, "token expired");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token audience is not " + audience);
        }
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new AuthFailure(ErrorCodes.AUTH_INVALID, "token has no sub");
        }
        Map<String, Object> meta = map(claims.getClaim("user_metadata"));
        Map<String, Object> app = map(claims.getClaim("app_metadata"));
        String name =
                firstText(meta.get("full_name"), meta.get("name"), claims.getClaim("email"), meta.get("email"), sub);
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
        return new VerifiedUser(sub, name, avatar instanceof String a ? a : null, groups, exp.getTime());
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
