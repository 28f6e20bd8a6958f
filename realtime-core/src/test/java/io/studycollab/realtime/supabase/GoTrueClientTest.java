package io.studycollab.realtime.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Our GoTrue client against the Supabase Auth stand-in (real ES256 keys, real HTTP). */
class GoTrueClientTest {

    @RegisterExtension
    static final AuthStandInExtension STAND_IN = new AuthStandInExtension(3600);

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(15, TimeUnit.SECONDS);
    }

    static AuthApiException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(15, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof AuthApiException, String.valueOf(e.getCause()));
        return (AuthApiException) e.getCause();
    }

    @Test
    void signsInWithPasswordAndReadsSupabaseClaims() throws Exception {
        AuthSession s =
                await(STAND_IN.client().signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD));
        assertEquals(SupabaseAuthStandIn.EMAIL, s.user().email());
        assertEquals(Duration.ofHours(1), s.expiresIn());
        assertFalse(s.toString().contains(s.refreshToken()), "no token in toString");
        SupabaseClaims c = SupabaseClaims.decode(s.accessToken());
        assertEquals(STAND_IN.auth().url() + "/auth/v1", c.issuer());
        assertEquals("authenticated", c.audience());
        assertEquals("authenticated", c.role());
        assertEquals("aal1", c.aal());
        assertFalse(c.anonymous());
        assertTrue(c.sessionId() != null && !c.sessionId().isBlank());
        assertEquals("Ada", c.userMetadata().path("full_name").asText());
        assertEquals("email", c.appMetadata().path("provider").asText());
        assertEquals("ES256", c.algorithm());
        assertEquals(STAND_IN.auth().firstKid(), c.keyId());
        assertEquals(s.user().id(), c.subject());
    }

    @Test
    void wrongPasswordShowsAuthsMessageAndStatus() {
        AuthApiException e = failure(STAND_IN.client().signInWithPassword(SupabaseAuthStandIn.EMAIL, "wrong"));
        assertEquals(400, e.status());
        assertEquals("Invalid login credentials", e.getMessage());
        assertEquals("invalid_grant", e.code());
        assertFalse(e.retryable());
        assertEquals("Invalid login credentials (HTTP 400)", e.describe());
    }

    @Test
    void anonymousSignInWithTheLegacyAnonKey() throws Exception {
        try (GoTrueClient legacy = new GoTrueClient(
                SupabaseProject.of(STAND_IN.auth().url(), STAND_IN.auth().anonKey()))) {
            AuthSession s = await(legacy.signInAnonymously());
            assertTrue(s.user().anonymous());
            assertTrue(SupabaseClaims.decode(s.accessToken()).anonymous());
            assertTrue(s.who().startsWith("anonymous"));
        }
    }

    @Test
    void aWrongApiKeyIsRefusedByTheGateway() {
        try (GoTrueClient wrong =
                new GoTrueClient(SupabaseProject.of(STAND_IN.auth().url(), "sb_publishable_wrong"))) {
            AuthApiException e = failure(wrong.signInWithPassword(SupabaseAuthStandIn.EMAIL, "x"));
            assertEquals(401, e.status());
            assertEquals("Invalid API key", e.getMessage());
        }
    }

    @Test
    void refreshTokensAreSingleUse() throws Exception {
        AuthSession s =
                await(STAND_IN.client().signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD));
        AuthSession next = await(STAND_IN.client().refresh(s.refreshToken()));
        assertNotEquals(s.refreshToken(), next.refreshToken());
        AuthApiException e = failure(STAND_IN.client().refresh(s.refreshToken()));
        assertEquals(400, e.status());
        assertEquals("Invalid Refresh Token: Already Used", e.getMessage());
    }

    @Test
    void signOutEndsTheSessionsRefreshTokens() throws Exception {
        AuthSession s =
                await(STAND_IN.client().signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD));
        await(STAND_IN.client().signOut(s.accessToken(), "local"));
        AuthApiException e = failure(STAND_IN.client().refresh(s.refreshToken()));
        assertEquals("Invalid Refresh Token: Refresh Token Not Found", e.getMessage());
    }

    @Test
    void unreachableAuthIsANetworkErrorWorthRetrying() throws Exception {
        int closedPort;
        try (ServerSocket ss = new ServerSocket(0)) {
            closedPort = ss.getLocalPort();
        }
        try (GoTrueClient nowhere =
                new GoTrueClient(SupabaseProject.of("http://127.0.0.1:" + closedPort, "sb_publishable_x"))) {
            AuthApiException e = failure(nowhere.signInAnonymously());
            assertEquals(0, e.status());
            assertTrue(e.retryable());
            assertTrue(e.getMessage().startsWith("cannot reach Supabase Auth at http://127.0.0.1:" + closedPort));
        }
    }

    @Test
    void projectRefusesSecretKeysAndBadUrls() {
        assertThrows(IllegalArgumentException.class, () -> SupabaseProject.of("ftp://x", "k"));
        assertThrows(IllegalArgumentException.class, () -> SupabaseProject.of("https://x.supabase.co", " "));
        assertThrows(
                IllegalArgumentException.class, () -> SupabaseProject.of("https://x.supabase.co", "sb_secret_abc"));
        SupabaseProject p = SupabaseProject.of("https://abc.supabase.co/", "sb_publishable_abc");
        assertEquals("https://abc.supabase.co/auth/v1/.well-known/jwks.json", p.jwksUrl());
        assertFalse(p.toString().contains("sb_publishable_abc"));
    }
}
