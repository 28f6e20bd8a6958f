package io.studycollab.realtime.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.studycollab.realtime.client.AccessToken;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs Supabase-shaped HS256 access tokens: for the sandbox user, bots, and the {@code token} and
 * {@code swarm} commands. Any non-empty secret works, since the server under test decides what it
 * accepts; callers warn when {@link #weakSecret()} (see {@link Hs256}).
 */
public final class TokenMinter {

    private final JWSSigner signer;
    private final String audience;
    private final boolean weak;

    public TokenMinter(String secret, String audience) {
        this.signer = Hs256.signer(secret);
        this.weak = Hs256.isWeak(secret);
        this.audience = audience;
    }

    /** The secret is under 256 bits: tokens are minted, and the user should hear it is weak. */
    public boolean weakSecret() {
        return weak;
    }

    public AccessToken mint(String sub, String name, String avatarUrl, List<String> groups, Duration ttl) {
        long now = System.currentTimeMillis();
        Map<String, Object> meta = new LinkedHashMap<>();
        if (name != null) {
            meta.put("full_name", name);
        }
        if (avatarUrl != null) {
            meta.put("avatar_url", avatarUrl);
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .audience(audience)
                .issueTime(new Date(now))
                .expirationTime(new Date(now + ttl.toMillis()))
                .claim("role", "authenticated")
                .claim("user_metadata", meta);
        if (groups != null) {
            claims.claim("app_metadata", Map.of("groups", List.copyOf(groups)));
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return AccessToken.of(jwt.serialize());
    }
}
