package io.studycollab.realtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.server.wire.RawPolling;
import io.studycollab.realtime.server.wire.RawTokens;
import io.studycollab.realtime.server.wire.RawWebSocket;
import io.studycollab.realtime.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Handshakes as an attacker writes them, in raw Engine.IO/Socket.IO packets over both transports:
 * every CONNECT without a token object is refused with AUTH_MISSING, and a validly signed token
 * with an absurd expiry is admitted whole (or not at all), never half.
 */
class HandshakeAttackTest {

    private static StudyCollabServer server;

    @BeforeAll
    static void start() throws Exception {
        server = StudyCollabServer.start(ServerConfig.defaults(TestTokens.SECRET, "handshake-attack-service-key"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    @ParameterizedTest
    @ValueSource(strings = {"253402300799", "100000000000000000", "9.9e15"})
    void aTokenExpiringFarInTheFutureIsAdmittedWhole(String exp) throws Exception {
        String token = RawTokens.signed("{\"sub\":\"far-" + exp.hashCode()
                + "\",\"aud\":\"authenticated\",\"role\":\"authenticated\",\"exp\":" + exp + "}");
        try (RawWebSocket ws = RawWebSocket.open(server.url())) {
            ws.send(RawTokens.connect(token));
            String reply = ws.next();
            assertNotNull(reply);
            if (reply.startsWith("44")) {
                // Refusing is allowed too, but then with a code, and the socket may do nothing.
                assertTrue(reply.contains("\"code\""), reply);
                ws.send("421[\"heartbeat\",{\"ts\":1}]");
                ws.send("422[\"group:join\",{\"groupId\":\"far\"}]");
                assertEquals(0, server.connections());
                return;
            }
            assertTrue(reply.startsWith("40{\"sid\""), reply);
            String hello = ws.nextStartingWith("42[\"connection:established\"");
            assertNotNull(hello, "greeted");
            JsonNode greeting = ProtocolCodec.parse(hello.substring(2)).get(1);
            assertTrue(greeting.get("tokenExpiresAt").asText().length() > 0);
            ws.send("421[\"group:join\",{\"groupId\":\"far\"}]");
            assertTrue(ws.nextStartingWith("431[").contains("\"ok\":true"));
            assertEquals(1, server.connections());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "40",
                "40null",
                "40[]",
                "40\"str\"",
                "40 ",
                "40 null",
                "40{",
                "4012",
                "40/admin,null",
                "40/admin,"
            })
    void everyConnectWithoutATokenObjectIsRefusedOverWebsocket(String connect) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(server.url())) {
            ws.send(connect);
            String reply = ws.nextStartingWith("4");
            assertNotNull(reply, connect + " answered");
            assertRefusedMissing(connect, reply);
            ws.send("421[\"heartbeat\",{\"ts\":1}]");
            assertEquals(0, server.connections(), connect + " admitted nobody");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"40", "40null", "40[]", "40\"str\"", "40 ", "40/admin,null"})
    void everyConnectWithoutATokenObjectIsRefusedOverPollingWhateverTheSize(String connect) throws Exception {
        String pad = "42[\"pad\",\"" + "x".repeat(5000) + "\"]";
        for (String payload :
                new String[] {connect, connect + RawPolling.SEPARATOR + pad, pad + RawPolling.SEPARATOR + connect}) {
            try (RawPolling p = RawPolling.open(server.url())) {
                assertEquals(200, p.post(payload), "the payload itself is accepted");
                String reply = p.pollFor("4", 3);
                assertNotNull(reply, payload.length() + " bytes with " + connect + " answered");
                assertRefusedMissing(connect, reply);
                assertEquals(0, server.connections(), connect + " admitted nobody");
            }
        }
    }

    private static void assertRefusedMissing(String connect, String reply) throws Exception {
        assertTrue(reply.startsWith("44"), connect + " got " + reply);
        String body = reply.substring(2);
        if (body.startsWith("/")) {
            body = body.substring(body.indexOf(',') + 1);
        }
        JsonNode error = ProtocolCodec.parse(body);
        assertEquals(ErrorCodes.AUTH_MISSING, error.path("message").asText(), connect + " got " + reply);
        assertEquals(ErrorCodes.AUTH_MISSING, error.path("data").path("code").asText(), connect + " got " + reply);
    }
}
