package io.studycollab.realtime.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.time.Clock;
import java.time.Instant;

/** {@code heartbeat { ts }}: {@code heartbeat:ack { ts, serverTime }} back to the socket, for its round-trip time. */
public final class Heartbeat implements EventRouter.Handler {

    private final Clock clock;

    public Heartbeat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ObjectNode handle(SocketSession s, JsonNode p) {
        JsonNode ts = Payload.object(p).get("ts");
        if (ts == null || !ts.isNumber() || !Double.isFinite(ts.doubleValue())) {
            throw ProtocolViolation.invalid("ts must be a number");
        }
        ObjectNode ack = ProtocolCodec.object();
        ack.set("ts", ts);
        ack.put("serverTime", Instant.ofEpochMilli(clock.wallMillis()).toString());
        s.client().sendEvent(EventNames.HEARTBEAT_ACK, ack);
        return ack.deepCopy();
    }
}
