package io.studycollab.realtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class InboundValidatorTest {

    private static String problem(String event, String json) throws Exception {
        return InboundValidator.problem(event, json == null ? null : ProtocolCodec.parse(json));
    }

    @Test
    void acceptsProtocolPayloads() throws Exception {
        assertNull(problem(
                "user:cursor:updated",
                "{\"groupId\":\"g1\",\"userId\":\"u\",\"cursor\":{\"x\":1.5,\"y\":-2},\"ts\":5}"));
        assertNull(problem("user:left", "{\"groupId\":\"g1\",\"userId\":\"u\",\"reason\":\"expired\"}"));
        assertNull(problem("heartbeat:ack", "{\"ts\":5,\"serverTime\":\"2026-01-01T00:00:00Z\"}"));
        assertNull(problem("quiz:answer", "{\"from\":\"u\",\"groupId\":null,\"data\":[1],\"ts\":5}"));
        assertNull(problem(
                "connection:error", "{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\",\"event\":\"tool:change\"}"));
    }

    @Test
    void namesWhatIsWrong() throws Exception {
        assertEquals("no payload", problem("user:joined", null));
        assertEquals("payload must be a JSON object, got string", problem("user:joined", "\"x\""));
        assertEquals(
                "x must be a finite number with absolute value <= 1000000",
                problem(
                        "user:cursor:updated",
                        "{\"groupId\":\"g1\",\"userId\":\"u\",\"cursor\":{\"x\":\"a\",\"y\":1},\"ts\":5}"));
        assertEquals(
                "reason must be left, disconnect or expired",
                problem("user:left", "{\"groupId\":\"g1\",\"userId\":\"u\",\"reason\":\"bogus\"}"));
        assertEquals("members must be an array", problem("group:joined", "{\"groupId\":\"g1\",\"members\":{}}"));
        assertNotNull(problem("user:tool:changed", "{\"groupId\":\"has space\",\"userId\":\"u\",\"tool\":\"pen\"}"));
        assertEquals("ts must be a number", problem("custom:x", "{\"from\":\"u\",\"groupId\":null,\"data\":1}"));
    }

    @Test
    void rulesMatchTheProtocol() {
        assertEquals("g-1_a.b:c", ProtocolRules.groupId("g-1_a.b:c"));
        assertThrows(ProtocolViolation.class, () -> ProtocolRules.groupId("x".repeat(129)));
        assertThrows(ProtocolViolation.class, () -> ProtocolRules.tool("\u0001"));
        assertThrows(ProtocolViolation.class, () -> ProtocolRules.coordinate(Double.NaN, "x"));
        assertThrows(ProtocolViolation.class, () -> ProtocolRules.coordinate(1_000_001, "x"));
        assertNull(EventNames.customNameProblem("quiz:answer.v2"));
        assertNotNull(EventNames.customNameProblem("Quiz"));
        assertNotNull(EventNames.customNameProblem("user:thing"));
        assertNotNull(EventNames.customNameProblem("heartbeats"));
        assertNotNull(EventNames.customNameProblem("event:emit"));
        ObjectNode deep = ProtocolCodec.object();
        ObjectNode cur = deep;
        for (int i = 0; i < 32; i++) {
            cur = cur.putObject("d");
        }
        assertEquals(33, ProtocolRules.depth(deep));
        assertThrows(ProtocolViolation.class, () -> ProtocolRules.customData(deep, 10));
        assertThrows(ProtocolViolation.class, () -> ProtocolRules.customData(ProtocolCodec.object(), 16 * 1024 + 1));
    }

    @Test
    void wireValuesConvertInOneWalkWithTheirExactJsonSize() throws Exception {
        String[] samples = {
            "{\"a\":[1,2.5,{\"b\":null}],\"t\":true,\"f\":false}",
            "{\"text\":\"quote \\\" backslash \\\\ tab \\t nl \\n ctl \\u0001\",\"uni\":\"été ✓ 😀\"}",
            "[]",
            "[{},[],\"\",0,-1,12345678901234,0.25]"
        };
        for (String json : samples) {
            Object wire = json.startsWith("[") ? new org.json.JSONArray(json) : new JSONObject(json);
            ProtocolCodec.Decoded d = ProtocolCodec.fromWire(wire);
            assertNull(d.problem());
            Comparator<JsonNode> sameValue = (a, b) -> a.equals(b)
                            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0
                    ? 0
                    : 1;
            assertTrue(ProtocolCodec.parse(wire.toString()).equals(sameValue, d.tree()), json + " -> " + d.tree());
            // The size on the wire: UTF-8 as the sender wrote it (Jackson would escape the emoji's surrogates).
            assertEquals(wire.toString().getBytes(StandardCharsets.UTF_8).length, d.sizeBytes(), json);
        }
    }

    @Test
    void wireValuesConvertWithoutThrowing() {
        ProtocolCodec.Decoded d = ProtocolCodec.fromWire(new JSONObject("{\"a\":[1,2,{\"b\":null}]}"));
        assertNull(d.problem());
        JsonNode tree = d.tree();
        assertEquals(2, tree.get("a").get(1).asInt());
        ProtocolCodec.Decoded bytes = ProtocolCodec.fromWire(new byte[] {1, 2});
        assertNull(bytes.problem(), "binary is data, not a problem");
        assertTrue(bytes.tree().isBinary());
        assertEquals(2, bytes.sizeBytes());
        assertNull(ProtocolCodec.fromWire(null).tree());
    }
}
