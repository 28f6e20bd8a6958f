package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.protocol.ProtocolViolation;

/**
 * The payloads of the client's protocol commands, checked against the §3 rules before anything is
 * sent: each throws {@link ProtocolViolation} naming the rule a value breaks.
 */
final class OutboundPayloads {

    private OutboundPayloads() {}

    static JsonNode join(String group) {
        ProtocolRules.groupId(group);
        return ProtocolCodec.object().put("groupId", group);
    }

    static JsonNode presence(Payloads.PresenceUpdate update) {
        if (update.currentTool() != null) {
            ProtocolRules.tool(update.currentTool());
        }
        if (update.cursor() != null) {
            ProtocolRules.coordinate(update.cursor().x(), "x");
            ProtocolRules.coordinate(update.cursor().y(), "y");
        }
        return ProtocolCodec.toTree(update);
    }

    static JsonNode tool(String tool) {
        ProtocolRules.tool(tool);
        return ProtocolCodec.object().put("tool", tool);
    }

    /** {@code event:emit}'s payload: a custom event name and its data (null sent as JSON null). */
    static JsonNode custom(String event, JsonNode data) {
        ProtocolRules.customEvent(event);
        JsonNode d = data == null ? NullNode.instance : data;
        ProtocolRules.customData(d, ProtocolCodec.sizeOf(d));
        ObjectNode payload = ProtocolCodec.object().put("event", event);
        payload.set("data", d);
        return payload;
    }
}
