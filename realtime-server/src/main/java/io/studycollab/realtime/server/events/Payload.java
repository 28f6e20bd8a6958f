package io.studycollab.realtime.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.server.session.SocketSession;

/** The checks every event handler starts with; each throws the §3 refusal it stands for. */
public final class Payload {

    private Payload() {}

    /** The payload as a JSON object, else INVALID_PAYLOAD. */
    public static JsonNode object(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw ProtocolViolation.invalid("payload must be a JSON object");
        }
        return p;
    }

    /** The payload's valid {@code groupId}, else INVALID_PAYLOAD. */
    public static String groupId(JsonNode p) {
        return ProtocolRules.groupId(object(p).get("groupId"), "groupId");
    }

    /** The socket's group, else NOT_IN_GROUP. */
    public static String currentGroup(SocketSession s) {
        String g = s.groupId();
        if (g == null) {
            throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "join a group first");
        }
        return g;
    }

    /** Refuses with NOT_IN_GROUP unless {@code groupId} is the socket's group. */
    public static void requireIn(SocketSession s, String groupId) {
        if (!groupId.equals(s.groupId())) {
            throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "not in group " + groupId);
        }
    }
}
