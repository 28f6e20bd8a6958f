package io.studycollab.realtime.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An event encoded once is written to every recipient exactly as netty-socketio would have encoded it. */
class EncodedEventTest {

    private final RawEventJsonSupport json = new RawEventJsonSupport();

    private String written(Object value) throws Exception {
        ByteBuf buf = Unpooled.buffer();
        try {
            json.writeValue(new ByteBufOutputStream(buf), value);
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    /** What netty-socketio's encoder hands the JSON support for an EVENT: its name, then its arguments. */
    private static List<Object> eventArgs(String name, Object arg) {
        List<Object> values = new ArrayList<>();
        values.add(name);
        values.add(arg);
        return values;
    }

    @Test
    void theSameBytesAsEncodingPerRecipient() throws Exception {
        ObjectNode payload = ProtocolCodec.object().put("groupId", "g-ü\"1").put("userId", "u\n1");
        payload.putObject("cursor").put("x", 12.5).put("y", -3);
        payload.put("ts", 1_733_000_000_123L);
        payload.putArray("list").add("ünïcödé ✓").addNull().add(true);

        String perRecipient = written(eventArgs("user:cursor:updated", payload));
        String once = written(eventArgs("user:cursor:updated", EncodedEvent.of("user:cursor:updated", payload)));

        assertEquals(perRecipient, once);
        assertEquals(
                perRecipient,
                new String(EncodedEvent.of("user:cursor:updated", payload).json(), StandardCharsets.UTF_8));
    }

    @Test
    void anythingElseIsEncodedAsBefore() throws Exception {
        ObjectNode payload = ProtocolCodec.object().put("ok", true);
        EncodedEvent other = EncodedEvent.of("other", payload);

        // An encoded event under another name, or among more arguments, is not taken for the packet's arguments.
        assertEquals("[\"ack\",{\"ok\":true}]", written(eventArgs("ack", payload)));
        assertEquals(
                written(eventArgs("named", ProtocolCodec.object().put("name", "other"))),
                written(eventArgs("named", ProtocolCodec.object().put("name", other.name()))));
        assertEquals("[{\"ok\":true}]", written(List.of(payload)));
    }
}
