package io.studycollab.realtime.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connections accepted and not read from yet are not sessions, so they are not pending handshakes;
 * /health shows them apart ({@code handshakes.unread}), and counts those that close before sending
 * anything ({@code handshakes.closedUnread}: the peer left, or netty-socketio's first-data timeout).
 */
class UnreadConnectionsTest {

    private static final int CONNECTIONS = 50;

    @Test
    void connectionsThatSendNothingAreCountedUntilTheyClose() throws Exception {
        ManualClock clock = new ManualClock(System.currentTimeMillis());
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, "unread-connections-service-key");
        List<Socket> sockets = new ArrayList<>();
        try (StudyCollabServer server = StudyCollabServer.start(config, clock)) {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket();
                sockets.add(s);
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            }
            // Each is counted while the server has read nothing from it. netty-socketio closes one that
            // sends nothing within 5 s (real time): on a slow run some may already be closed, and count there.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode h = handshakes(server);
                assertEquals(
                        CONNECTIONS,
                        h.path("unread").asInt() + h.path("closedUnread").asInt(),
                        h::toString);
            });
            assertEquals(0, handshakes(server).path("pending").asInt(), "not Engine.IO sessions");

            for (Socket s : sockets) {
                s.close();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode h = handshakes(server);
                assertEquals(0, h.path("unread").asInt(), h::toString);
                assertEquals(CONNECTIONS, h.path("closedUnread").asInt(), h::toString);
            });
            // Read from: no longer unread, and not counted as closed unread when it goes.
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
                s.getInputStream().read();
            }
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            assertEquals(0, handshakes(server).path("unread").asInt()));
            assertEquals(CONNECTIONS, handshakes(server).path("closedUnread").asInt());
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static JsonNode handshakes(StudyCollabServer server) {
        return server.health().path("handshakes");
    }
}
