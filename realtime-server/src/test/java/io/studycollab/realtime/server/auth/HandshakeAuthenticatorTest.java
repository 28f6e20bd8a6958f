package io.studycollab.realtime.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.limits.UserBudgets;
import io.studycollab.realtime.server.session.SessionTable;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.server.wire.RawTokens;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admission is one step: it completes, or it leaves no session, no timer and refuses with a code. */
class HandshakeAuthenticatorTest {

    private final ManualClock clock = new ManualClock(System.currentTimeMillis());
    private final SessionTable sessions = new SessionTable();
    private final List<String> refusals = new ArrayList<>();
    private final List<SocketSession> expired = new ArrayList<>();
    private RuntimeException greetingFails;
    private final UserBudgets users = new UserBudgets(clock, 2, 0, 1);

    private final HandshakeAuthenticator authenticator = new HandshakeAuthenticator(
            new TokenVerifier(TestTokens.SECRET, "authenticated", clock::wallMillis),
            sessions,
            clock,
            ServerConfig.defaults(TestTokens.SECRET, "key"),
            users,
            new HandshakeAuthenticator.Hooks() {
                @Override
                public void admitted(SocketSession session) {
                    if (greetingFails != null) {
                        throw greetingFails;
                    }
                }

                @Override
                public void expired(SocketSession session) {
                    expired.add(session);
                }
            },
            refusals::add);

    private static SocketIOClient client() {
        UUID id = UUID.randomUUID();
        return (SocketIOClient) Proxy.newProxyInstance(
                SocketIOClient.class.getClassLoader(), new Class<?>[] {SocketIOClient.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getSessionId")) {
                        return id;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static String code(AuthTokenResult r) {
        return (String) ((Map<?, ?>) ((Map<?, ?>) r.getErrorData()).get("data")).get("code");
    }

    @Test
    void aFailureAfterVerificationLeavesNothingBehind() {
        greetingFails = new IllegalStateException("event loop shutting down");
        AuthTokenResult r = authenticator.getAuthTokenResult(
                Map.of("token", TestTokens.token("u", "U", 600).reveal()), client());
        assertFalse(r.isSuccess());
        assertEquals(ErrorCodes.INTERNAL, code(r));
        assertEquals(0, sessions.size(), "no session left registered");
        assertEquals(0, clock.pendingTasks(), "no expiry timer left armed");
        assertEquals(List.of(ErrorCodes.INTERNAL), refusals);
        assertEquals(0, users.sockets("u"), "the user's socket slot given back");
    }

    @Test
    void aUserHoldingTheMostSocketsIsRefusedWithACodeUntilOneGoes() {
        Map<String, String> auth =
                Map.of("token", TestTokens.token("many", "Many", 600).reveal());
        assertTrue(authenticator.getAuthTokenResult(auth, client()).isSuccess());
        assertTrue(authenticator.getAuthTokenResult(auth, client()).isSuccess());
        AuthTokenResult third = authenticator.getAuthTokenResult(auth, client());
        assertFalse(third.isSuccess());
        assertEquals(ErrorCodes.TOO_MANY_CONNECTIONS, code(third));
        assertEquals(2, sessions.size(), "the refused one left nothing");
        assertEquals(List.of(ErrorCodes.TOO_MANY_CONNECTIONS), refusals);
        SocketSession first = sessions.all().iterator().next();
        sessions.remove(first);
        first.end();
        assertTrue(authenticator.getAuthTokenResult(auth, client()).isSuccess(), "a slot is free again");
        assertTrue(
                authenticator
                        .getAuthTokenResult(
                                Map.of(
                                        "token",
                                        TestTokens.token("other", "O", 600).reveal()),
                                client())
                        .isSuccess(),
                "other users are not affected");
    }

    @Test
    void aTokenValidUntilTheYear9999IsAdmittedWithATimer() {
        String token = RawTokens.signed(RawTokens.claims("far", 100_000_000_000_000_000L, ""));
        AuthTokenResult r = authenticator.getAuthTokenResult(Map.of("token", token), client());
        assertTrue(r.isSuccess());
        assertEquals(1, sessions.size());
        assertEquals(1, clock.pendingTasks(), "the expiry timer is armed (capped, re-armed daily)");
        assertEquals(
                TokenVerifier.LATEST.toEpochMilli(),
                sessions.all().iterator().next().user().expiresAtMillis());
    }

    @Test
    void anExpiredTokenIsReportedWhenItsTimeComes() {
        authenticator.getAuthTokenResult(
                Map.of("token", TestTokens.token("u", "U", 120).reveal()), client());
        clock.advanceMillis(119_000);
        assertEquals(List.of(), expired);
        clock.advanceMillis(2_000);
        assertEquals(1, expired.size());
    }

    @Test
    void refusalsCarryTheirCode() {
        assertEquals(ErrorCodes.AUTH_MISSING, code(authenticator.getAuthTokenResult(Map.of(), client())));
        assertEquals(ErrorCodes.AUTH_MISSING, code(authenticator.getAuthTokenResult(List.of(), client())));
        assertEquals(
                ErrorCodes.AUTH_INVALID, code(authenticator.getAuthTokenResult(Map.of("token", "x.y.z"), client())));
        assertEquals(0, sessions.size());
        assertEquals(0, clock.pendingTasks());
    }
}
