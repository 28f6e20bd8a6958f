package io.studycollab.realtime.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.protocol.ProtocolViolation;

/**
 * A custom event to relay, {@code { event, data, groupId? }}, checked the one way both of its
 * sources need (§3 {@code event:emit} and §6 {@code POST /api/realtime/test}): a name the protocol
 * allows, data within size and depth, a valid group id when one is given. Absent data is relayed
 * as null.
 *
 * @param groupId the group asked for, or null when none was given
 */
public record CustomEvent(String event, JsonNode data, String groupId) {

    /** Checks {@code body}; throws INVALID_PAYLOAD with the reason when it is not a custom event. */
    public static CustomEvent parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProtocolViolation.invalid("payload must be a JSON object");
        }
        JsonNode name = body.get("event");
        String event = ProtocolRules.customEvent(name != null && name.isTextual() ? name.textValue() : null);
        JsonNode data =
                body.has("data") ? body.get("data") : ProtocolCodec.mapper().nullNode();
        ProtocolRules.customData(data, ProtocolCodec.sizeOf(data));
        JsonNode g = body.get("groupId");
        String groupId = g == null || g.isNull() ? null : ProtocolRules.groupId(g, "groupId");
        return new CustomEvent(event, data, groupId);
    }
}
