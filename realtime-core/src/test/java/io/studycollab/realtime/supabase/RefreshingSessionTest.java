package io.studycollab.realtime.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.time.ManualClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The self-refreshing session on a manual clock, against the Auth stand-in. */
class RefreshingSessionTest {

    @RegisterExtension
    static final AuthStandInExtension STAND_IN = new AuthStandInExtension(3600);

    RefreshingSession signIn(ManualClock clock) throws Exception {
        return RefreshingSession.signIn(
                        STAND_IN.client(), clock, SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD)
                .get(15, TimeUnit.SECONDS);
    }

    @Test
    void refreshesNinetySecondsBeforeExpiryAndHandsOutTheNewToken() throws Exception {
        ManualClock clock = new ManualClock();
        try (RefreshingSession session = signIn(clock)) {
            AccessToken first = session.accessToken();
            String firstRefresh = session.current().refreshToken();
            assertEquals(Instant.ofEpochMilli(clock.wallMillis()).plusSeconds(3600), session.expiresAt());
            clock.advance(Duration.ofSeconds(3600 - 91));
            assertEquals(0, session.refreshCount(), "not yet");
            clock.advance(Duration.ofSeconds(1));
            Awaitility.await().atMost(15, TimeUnit.SECONDS).until(() -> session.refreshCount() == 1);
            assertNotEquals(first, session.tokenSupplier().get());
            assertNotEquals(firstRefresh, session.current().refreshToken());
            // The next refresh is scheduled from the new token's lifetime.
            clock.advance(Duration.ofSeconds(3600 - 90));
            Awaitility.await().atMost(15, TimeUnit.SECONDS).until(() -> session.refreshCount() == 2);
        }
    }

    @Test
    void aSpentRefreshTokenSaysWhyAndWhenTheTokenExpires() throws Exception {
        ManualClock clock = new ManualClock();
        try (RefreshingSession session = signIn(clock)) {
            CopyOnWriteArrayList<RefreshProblem> problems = new CopyOnWriteArrayList<>();
            session.onProblem(problems::add);
            // Someone else spends the refresh token first (a second tab, a copied session).
            STAND_IN.client().refresh(session.current().refreshToken()).get(15, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(3600 - 90));
            Awaitility.await().atMost(15, TimeUnit.SECONDS).until(() -> !problems.isEmpty());
            RefreshProblem p = problems.get(0);
            assertEquals(400, p.cause().status());
            assertEquals("Invalid Refresh Token: Already Used", p.cause().getMessage());
            assertNull(p.retryIn(), "a refused refresh is not retried");
            assertEquals(session.expiresAt(), p.tokenExpiresAt());
            assertTrue(p.message().contains("expires at " + session.expiresAt() + " (in 1m 30s)"), p.message());
            assertTrue(p.message().endsWith("sign in again"), p.message());
        }
    }

    @Test
    void anUnreachableAuthIsRetriedWithBackoff() throws Exception {
        ManualClock clock = new ManualClock();
        AuthSession real = STAND_IN.client()
                .signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD)
                .get(15, TimeUnit.SECONDS);
        int closedPort;
        try (ServerSocket ss = new ServerSocket(0)) {
            closedPort = ss.getLocalPort();
        }
        try (GoTrueClient nowhere =
                        new GoTrueClient(SupabaseProject.of("http://127.0.0.1:" + closedPort, "sb_publishable_x"));
                RefreshingSession session = new RefreshingSession(nowhere, clock, real)) {
            CopyOnWriteArrayList<RefreshProblem> problems = new CopyOnWriteArrayList<>();
            session.onProblem(problems::add);
            session.refreshNow();
            Awaitility.await().atMost(15, TimeUnit.SECONDS).until(() -> problems.size() == 1);
            assertEquals(Duration.ofSeconds(1), problems.get(0).retryIn());
            clock.advance(Duration.ofSeconds(1));
            Awaitility.await().atMost(15, TimeUnit.SECONDS).until(() -> problems.size() == 2);
            assertEquals(Duration.ofSeconds(2), problems.get(1).retryIn());
            assertTrue(
                    problems.get(1).message().contains("trying again in 2s"),
                    problems.get(1).message());
        }
    }
}
