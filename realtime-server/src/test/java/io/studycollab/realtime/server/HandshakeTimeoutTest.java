package io.studycollab.realtime.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.server.wire.RawPolling;
import io.studycollab.realtime.server.wire.RawTokens;
import io.studycollab.realtime.server.wire.RawWebSocket;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Connections that never complete the Socket.IO handshake are closed after the timeout and counted meanwhile. */
class HandshakeTimeoutTest {

    @Test
    @Disabled("open (#13 point 4): pending handshakes are counted, but a silent websocket is not yet seen "
            + "closed by the client after the deadline")
    void connectionsThatNeverSendConnectAreClosedAfterTheTimeout() throws Exception {
        ManualClock clock = new ManualClock(System.currentTimeMillis());
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, "handshake-timeout-service-key");
        assertEquals(Duration.ofSeconds(10), config.limits().handshakeTimeout(), "the documented default");
        List<RawWebSocket> silent = new ArrayList<>();
        try (StudyCollabServer server = StudyCollabServer.start(config, clock);
                RawWebSocket admitted = RawWebSocket.open(server.url());
                RawPolling silentPolling = RawPolling.open(server.url())) {
            admitted.send(
                    RawTokens.connect(TestTokens.token("kept", "Kept", 600).reveal()));
            assertTrue(admitted.next().startsWith("40{\"sid\""));
            for (int i = 0; i < 5; i++) {
                silent.add(RawWebSocket.open(server.url()));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            server.health().path("handshakes").path("pending").asInt() == 6);

            clock.advance(Duration.ofSeconds(9));
            assertFalse(silent.get(0).isClosed(), "not before the timeout");
            clock.advance(Duration.ofSeconds(1));
            for (RawWebSocket ws : silent) {
                await().atMost(Duration.ofSeconds(10)).until(ws::isClosed);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            server.health().path("handshakes").path("pending").asInt() == 0);
            assertEquals(6, server.health().path("handshakes").path("timedOut").asInt());

            assertFalse(admitted.isClosed(), "the admitted socket stays open");
            admitted.send("421[\"heartbeat\",{\"ts\":1}]");
            assertNotNull(admitted.nextStartingWith("431["), "and keeps working");
            assertEquals(1, server.connections());
        } finally {
            silent.forEach(RawWebSocket::close);
        }
    }
}
