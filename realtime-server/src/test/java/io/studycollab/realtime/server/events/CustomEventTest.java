package io.studycollab.realtime.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolViolation;
import org.junit.jupiter.api.Test;

/** The one check of a custom event, shared by {@code event:emit} and the HTTP test API. */
class CustomEventTest {

    private static JsonNode json(String s) throws Exception {
        return ProtocolCodec.parse(s);
    }

    private static String refusal(String body) {
        ProtocolViolation v = assertThrows(ProtocolViolation.class, () -> CustomEvent.parse(json(body)));
        assertEquals(ErrorCodes.INVALID_PAYLOAD, v.code());
        return v.getMessage();
    }

    @Test
    void readsNameDataAndGroup() throws Exception {
        CustomEvent e = CustomEvent.parse(json("{\"event\":\"quiz:start\",\"data\":{\"q\":1},\"groupId\":\"g1\"}"));
        assertEquals("quiz:start", e.event());
        assertEquals("{\"q\":1}", e.data().toString());
        assertEquals("g1", e.groupId());
    }

    @Test
    void absentDataIsNullAndAbsentGroupIsNone() throws Exception {
        CustomEvent e = CustomEvent.parse(json("{\"event\":\"ping\",\"groupId\":null}"));
        assertTrue(e.data().isNull());
        assertNull(e.groupId());
    }

    @Test
    void refusesWhatTheProtocolDoesNotAllow() {
        refusal("[]");
        refusal("{\"data\":1}");
        refusal("{\"event\":\"user:joined\"}");
        refusal("{\"event\":\"Capital\"}");
        refusal("{\"event\":\"ok\",\"groupId\":\"bad group\"}");
        refusal("{\"event\":\"ok\",\"data\":\"" + "x".repeat(17 * 1024) + "\"}");
        refusal("{\"event\":\"ok\",\"data\":" + "[".repeat(33) + "]".repeat(33) + "}");
    }
}
