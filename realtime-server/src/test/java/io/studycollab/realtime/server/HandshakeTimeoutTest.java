package io.studycollab.realtime.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.server.wire.RawPolling;
import io.studycollab.realtime.server.wire.RawTokens;
import io.studycollab.realtime.server.wire.RawWebSocket;
import io.studycollab.realtime.server.wire.SilentConnections;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Connections that never complete the Socket.IO handshake are closed after the timeout and counted meanwhile. */
class HandshakeTimeoutTest {

    private static final int WEBSOCKETS = 300;
    private static final int POLLING = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void theDefaultIsTenSeconds() {
        assertEquals(
                Duration.ofSeconds(10),
                ServerConfig.defaults(TestTokens.SECRET, "k").limits().handshakeTimeout());
    }

    @Test
    void aThousandConnectionsThatNeverSendConnectAreClosedAfterTheTimeout() throws Exception {
        ManualClock clock = new ManualClock(System.currentTimeMillis());
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, "handshake-timeout-service-key")
                .withLimits(ConnectionLimits.defaults().withHandshakeTimeout(TIMEOUT));
        try (StudyCollabServer server = StudyCollabServer.start(config, clock);
                RawWebSocket admitted = RawWebSocket.open(server.url());
                RawPolling pollingThenAdmitted = RawPolling.open(server.url());
                SilentConnections raw = new SilentConnections("127.0.0.1", server.port())) {
            admitted.send(
                    RawTokens.connect(TestTokens.token("kept", "Kept", 600).reveal()));
            assertTrue(admitted.next().startsWith("40{\"sid\""));
            List<SilentConnections.Conn> websockets = raw.open(WEBSOCKETS, true);
            List<SilentConnections.Conn> polls = raw.open(POLLING, false);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> websockets.stream().allMatch(SilentConnections.Conn::opened)
                            && polls.stream().allMatch(SilentConnections.Conn::opened));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertEquals(WEBSOCKETS + POLLING + 1, pending(server)));

            // The polling one completes its handshake just in time: it is not closed.
            clock.advance(TIMEOUT.minusMillis(100));
            pollingThenAdmitted.post(
                    RawTokens.connect(TestTokens.token("late", "Late", 600).reveal()));
            assertNotNull(pollingThenAdmitted.pollFor("40{\"sid\"", 3));
            assertTrue(websockets.stream().noneMatch(SilentConnections.Conn::closed), "not before the timeout");
            assertEquals(WEBSOCKETS + POLLING, pending(server));

            clock.advance(Duration.ofMillis(100));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> websockets.stream().allMatch(SilentConnections.Conn::closed));
            for (SilentConnections.Conn ws : websockets) {
                assertEquals(1008, ws.closeCode(), "a close frame (policy violation), not a dropped connection");
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(0, pending(server)));
            assertEquals(
                    WEBSOCKETS + POLLING,
                    server.health().path("handshakes").path("timedOut").asInt());
            assertEachPollingSessionIsGone(server, polls);

            assertFalse(admitted.isClosed(), "the admitted sockets stay open");
            admitted.send("421[\"heartbeat\",{\"ts\":1}]");
            assertNotNull(admitted.nextStartingWith("431["), "and keep working");
            pollingThenAdmitted.post("421[\"heartbeat\",{\"ts\":1}]");
            assertNotNull(pollingThenAdmitted.pollFor("431[", 3));
            assertEquals(2, server.connections());
        }
    }

    private static int pending(StudyCollabServer server) {
        return server.health().path("handshakes").path("pending").asInt();
    }

    /** engine.io answers a poll of a session it has closed with an error status; so must we. */
    private static void assertEachPollingSessionIsGone(StudyCollabServer server, List<SilentConnections.Conn> polls)
            throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            HttpClient http = HttpClient.newBuilder().executor(executor).build();
            for (SilentConnections.Conn p : polls) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(
                                        URI.create(server.url() + "/socket.io/?EIO=4&transport=polling&sid=" + p.sid()))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(r.statusCode() >= 400, "session " + p.sid() + " still polls: " + r.statusCode());
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
