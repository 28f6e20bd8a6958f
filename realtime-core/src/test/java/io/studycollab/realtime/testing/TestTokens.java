package io.studycollab.realtime.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.studycollab.realtime.client.AccessToken;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Supabase-style HS256 tokens for tests. */
public final class TestTokens {

    public static final String SECRET = "interop-secret-that-is-long-enough-for-hs256!";

    private TestTokens() {}

    public static AccessToken token(String sub, String name, long ttlSeconds) {
        return token(SECRET, sub, name, ttlSeconds, null, "authenticated");
    }

    public static AccessToken token(
            String secret, String sub, String name, long ttlSeconds, List<String> groups, String audience) {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .audience(audience)
                .issueTime(new Date(now))
                .expirationTime(new Date(now + ttlSeconds * 1000))
                .claim("role", "authenticated")
                .claim("user_metadata", Map.of("full_name", name));
        if (groups != null) {
            claims.claim("app_metadata", Map.of("groups", groups));
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return AccessToken.of(jwt.serialize());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
