package io.studycollab.realtime.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.supabase.AuthSession;
import io.studycollab.realtime.supabase.GoTrueClient;
import io.studycollab.realtime.supabase.SupabaseAuthStandIn;
import io.studycollab.realtime.supabase.SupabaseClaims;
import io.studycollab.realtime.testing.TestTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asymmetric Supabase tokens, as the stand-in Auth signs them with real ES256/RS256 keys, through
 * our verifier: accepted by kid, rotation picked up, forgeries of every usual kind refused.
 */
class JwksVerifierTest {

    static SupabaseAuthStandIn auth;
    static GoTrueClient client;

    final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    JwksVerifier jwks;
    TokenVerifier verifier;

    @BeforeAll
    static void start() throws Exception {
        auth = SupabaseAuthStandIn.start(3600);
        client = new GoTrueClient(auth.project());
    }

    @AfterAll
    static void stop() {
        client.close();
        auth.close();
    }

    @BeforeEach
    void verifier() {
        jwks = JwksVerifier.forProject(auth.url(), null, now::get);
        verifier = new TokenVerifier(null, jwks, "authenticated", now::get);
    }

    AuthSession signIn() throws Exception {
        return client.signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD)
                .get(15, TimeUnit.SECONDS);
    }

    String refusal(String token) {
        AuthFailure f = assertThrows(AuthFailure.class, () -> verifier.verify(token));
        return f.code() + ": " + f.getMessage();
    }

    @Test
    void acceptsTheProjectsEs256Tokens() throws Exception {
        AuthSession s = signIn();
        VerifiedUser u = verifier.verify(s.accessToken().reveal());
        assertEquals(s.user().id(), u.userId());
        assertEquals("Ada", u.displayName());
        assertEquals(1, jwks.keys().fetches());
        verifier.verify(signIn().accessToken().reveal());
        assertEquals(1, jwks.keys().fetches(), "keys are cached");
    }

    @Test
    void rotationIsPickedUpAndOldTokensStayValidUntilTheyExpire() throws Exception {
        try (SupabaseAuthStandIn own = SupabaseAuthStandIn.start(3600);
                GoTrueClient ownClient = new GoTrueClient(own.project())) {
            JwksVerifier keys = JwksVerifier.forProject(own.url(), null, now::get);
            TokenVerifier v = new TokenVerifier(null, keys, "authenticated", now::get);
            AccessToken before = ownClient
                    .signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD)
                    .get(15, TimeUnit.SECONDS)
                    .accessToken();
            v.verify(before.reveal());
            String newKid = own.rotate("RS256");
            AccessToken after = ownClient
                    .signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD)
                    .get(15, TimeUnit.SECONDS)
                    .accessToken();
            assertEquals(newKid, SupabaseClaims.decode(after).keyId());
            assertEquals("RS256", SupabaseClaims.decode(after).algorithm());
            v.verify(after.reveal()); // unknown kid: refetched once
            assertEquals(2, keys.keys().fetches());
            v.verify(before.reveal()); // the previous key is still published
            // Once the old key is revoked and the cache has aged out, its tokens are refused.
            own.revoke(own.firstKid());
            now.addAndGet(Duration.ofMinutes(11).toMillis());
            AuthFailure f = assertThrows(AuthFailure.class, () -> v.verify(before.reveal()));
            assertTrue(f.getMessage().startsWith("token signed by an unknown key"), f.getMessage());
            // ...and so are tokens past their exp, even with a key that is still published.
            now.addAndGet(Duration.ofHours(1).toMillis());
            assertEquals(
                    "AUTH_EXPIRED",
                    assertThrows(AuthFailure.class, () -> v.verify(after.reveal()))
                            .code());
        }
    }

    @Test
    void refusesATokenSignedByAnUnknownKeyAndRateLimitsRefetches() throws Exception {
        signInAndVerifyOnce();
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
        for (int i = 0; i < 50; i++) {
            String forged = sign(attacker, UUID.randomUUID().toString(), claims(auth.url() + "/auth/v1"));
            assertTrue(refusal(forged).startsWith("AUTH_INVALID: token signed by an unknown key"), refusal(forged));
        }
        assertEquals(2, jwks.keys().fetches(), "fifty made-up kids cost one refetch");
        now.addAndGet(31_000);
        refusal(sign(attacker, "another", claims(auth.url() + "/auth/v1")));
        assertEquals(3, jwks.keys().fetches(), "one more after the interval");
    }

    @Test
    void refusesATokenSignedByAnotherKeyUnderTheProjectsKid() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        String forged = sign(attacker, auth.firstKid(), claims(auth.url() + "/auth/v1"));
        assertEquals("AUTH_INVALID: bad token signature", refusal(forged));
    }

    @Test
    void refusesHs256WhereTheKeyIsEc() throws Exception {
        // HS/RS confusion: an HMAC keyed with the project's public key, naming that key.
        ECKey published = (ECKey) JWKSet.load(URI.create(auth.url() + "/auth/v1/.well-known/jwks.json")
                        .toURL())
                .getKeyByKeyId(auth.firstKid());
        byte[] macKey = published.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(auth.firstKid()).build(),
                claims(auth.url() + "/auth/v1"));
        jwt.sign(new MACSigner(macKey));
        String r = refusal(jwt.serialize());
        assertTrue(r.startsWith("AUTH_INVALID: token says HS256 but key"), r);
        assertTrue(r.endsWith("is EC (ES256)"), r);
    }

    @Test
    void refusesAlgNone() throws Exception {
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + auth.firstKid() + "\"}");
        String body = b64(claims(auth.url() + "/auth/v1").toString());
        assertEquals("AUTH_INVALID: token is not a signed JWT", refusal(header + "." + body + "."));
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        AuthSession s = signIn();
        now.set(SupabaseClaims.decode(s.accessToken()).expiresAt().toEpochMilli() + 1);
        assertEquals("AUTH_EXPIRED: token expired", refusal(s.accessToken().reveal()));
    }

    @Test
    void refusesAnotherProjectsIssuer() throws Exception {
        JwksVerifier elsewhere = new JwksVerifier(jwks.keys(), "https://other.supabase.co/auth/v1");
        TokenVerifier v = new TokenVerifier(null, elsewhere, "authenticated", now::get);
        AuthFailure f = assertThrows(
                AuthFailure.class, () -> v.verify(signIn().accessToken().reveal()));
        assertTrue(f.getMessage().startsWith("token issuer is " + auth.url() + "/auth/v1, expected"), f.getMessage());
    }

    @Test
    void hs256WithTheSecretKeepsWorkingAlongside() throws Exception {
        TokenVerifier both = new TokenVerifier(TestTokens.SECRET, jwks, "authenticated", now::get);
        String legacy = new TokenMinter(TestTokens.SECRET, "authenticated")
                .mint("legacy-user", "Old", null, null, Duration.ofMinutes(5))
                .reveal();
        assertEquals("legacy-user", both.verify(legacy).userId());
        assertEquals("Ada", both.verify(signIn().accessToken().reveal()).displayName());
        TokenVerifier jwksOnly = verifier;
        assertEquals(
                "AUTH_INVALID",
                assertThrows(AuthFailure.class, () -> jwksOnly.verify(legacy)).code());
    }

    @Test
    void anUnreachableKeySetIsARefusalNotACrash() {
        JwksVerifier nowhere = JwksVerifier.forProject("http://127.0.0.1:1", null, now::get);
        TokenVerifier v = new TokenVerifier(null, nowhere, "authenticated", now::get);
        AuthFailure f = assertThrows(
                AuthFailure.class, () -> v.verify(signIn().accessToken().reveal()));
        assertEquals("AUTH_INVALID", f.code());
        assertTrue(f.getMessage().startsWith("the project's signing keys could not be fetched"), f.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JwksVerifier.forProject("ftp://x", null, now::get));
    }

    private void signInAndVerifyOnce() throws Exception {
        verifier.verify(signIn().accessToken().reveal());
        assertEquals(1, jwks.keys().fetches());
    }

    private JWTClaimsSet claims(String issuer) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience("authenticated")
                .subject("forged-user")
                .claim("role", "authenticated")
                .expirationTime(new Date(now.get() + 600_000))
                .build();
    }

    private static String sign(ECKey key, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(kid)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
