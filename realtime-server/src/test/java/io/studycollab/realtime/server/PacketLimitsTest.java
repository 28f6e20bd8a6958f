package io.studycollab.realtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.server.transport.PacketCheck;
import io.studycollab.realtime.server.wire.RawTokens;
import io.studycollab.realtime.server.wire.RawWebSocket;
import io.studycollab.realtime.testing.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transport limits as the official server applies them: 1009 for oversized frames, ack ids a JS peer can hold. */
class PacketLimitsTest {

    private static StudyCollabServer server;

    @BeforeAll
    static void start() throws Exception {
        server = StudyCollabServer.start(ServerConfig.defaults(TestTokens.SECRET, "packet-limits-service-key"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawWebSocket admitted(String sub) throws Exception {
        RawWebSocket ws = RawWebSocket.open(server.url());
        ws.send(RawTokens.connect(TestTokens.token(sub, sub, 600).reveal()));
        assertTrue(ws.next().startsWith("40{\"sid\""));
        return ws;
    }

    @Test
    void anOversizedWebsocketFrameClosesWith1009() throws Exception {
        try (RawWebSocket ws = admitted("big-frame")) {
            String big = "42[\"event:emit\",{\"event\":\"x\",\"data\":\"" + "x".repeat(70 * 1024) + "\"}]";
            ws.sendLarge(big);
            assertEquals(1009, ws.closeCode(), "message too big");
        }
    }

    @Test
    void aFrameJustUnderTheLimitIsAnswered() throws Exception {
        try (RawWebSocket ws = admitted("near-limit")) {
            String pad = "x".repeat(ProtocolRules.MAX_PACKET_BYTES - 200);
            ws.send("421[\"heartbeat\",{\"ts\":1,\"pad\":\"" + pad + "\"}]");
            assertNotNull(ws.nextStartingWith("431["));
        }
    }

    @Test
    void ackIdsBeyond2To53AreRefusedNotWrapped() throws Exception {
        try (RawWebSocket ws = admitted("big-ack")) {
            ws.send("42" + PacketCheck.MAX_ACK_ID + "[\"heartbeat\",{\"ts\":1}]");
            assertNotNull(ws.nextStartingWith("43" + PacketCheck.MAX_ACK_ID + "["), "the largest safe id is echoed");
            long malformedBefore =
                    server.health().path("handshakes").path("malformed").asLong();
            ws.send("429007199254740993[\"heartbeat\",{\"ts\":2}]"); // 2^53 + 1
            String next = ws.next();
            assertTrue(next == null || !next.startsWith("43-") && !next.startsWith("431["), "never wrapped: " + next);
            assertEquals(1002, ws.closeCode(), "the connection is closed as a parse error, with a close frame");
            assertEquals(
                    malformedBefore + 1,
                    server.health().path("handshakes").path("malformed").asLong(),
                    "and counted");
        }
    }

    /** Writes {@code head} and then {@code bodyBytes} of body (as chunks when {@code chunked}); returns the response. */
    private static String rawHttp(String head, int bodyBytes, boolean chunked) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
                    if (chunked) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed before the whole body was sent: read its answer
            }
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertJson413(String response) {
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("application/json"), response);
        assertTrue(response.contains("{\"ok\":false,\"error\":"), response);
    }

    @Test
    void oversizedHttpBodiesGet413WithAJsonError() throws Exception {
        String api = "POST /api/realtime/test HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
        assertJson413(rawHttp(api + "Content-Length: " + 70 * 1024 + "\r\n\r\n", 70 * 1024, false));
        assertJson413(rawHttp(api + "Transfer-Encoding: chunked\r\n\r\n", 200 * 1024, true));
        String poll = "POST /socket.io/?EIO=4&transport=polling&sid=x HTTP/1.1\r\nHost: x\r\n";
        assertJson413(rawHttp(poll + "Content-Length: " + 70 * 1024 + "\r\n\r\n", 70 * 1024, false));
        assertJson413(rawHttp(poll + "Transfer-Encoding: chunked\r\n\r\n", 200 * 1024, true));
        assertTrue(
                rawHttp("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 0, false)
                        .startsWith("HTTP/1.1 200"),
                "still serving");
    }

    @Test
    void aHugeAnnouncedBodyGets413WithAJsonError() throws Exception {
        String api = "POST /api/realtime/test HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
        assertJson413(rawHttp(api + "Content-Length: " + 100 * 1024 * 1024 + "\r\n\r\n", 64 * 1024, false));
        String poll = "POST /socket.io/?EIO=4&transport=polling&sid=x HTTP/1.1\r\nHost: x\r\n";
        assertJson413(rawHttp(poll + "Content-Length: " + 100 * 1024 * 1024 + "\r\n\r\n", 64 * 1024, false));
        // Announced and then sent in full (no reading client could hope for more): still answered.
        assertJson413(rawHttp(api + "Content-Length: " + 4 * 1024 * 1024 + "\r\n\r\n", 4 * 1024 * 1024, false));
    }
}
