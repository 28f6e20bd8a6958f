package io.studycollab.realtime.proxy.breakpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.PacketView;
import io.studycollab.realtime.proxy.wire.SioPacket;

/** Checks an edit before it replaces a paused packet: valid JSON, and for an event an array led by a name. */
final class EditedJson {

    private EditedJson() {}

    static void validate(PacketView view, String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the edited packet is empty");
        }
        JsonNode node;
        try {
            node = ProtocolCodec.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        SioPacket p = view.message().packet();
        if (p != null
                && p.isEvent()
                && (!node.isArray() || node.isEmpty() || !node.get(0).isTextual())) {
            throw new IllegalArgumentException(
                    "an event is an array starting with its name, e.g. [\"tool:change\",{\"tool\":\"pen\"}]");
        }
        if (p != null && p.isAck() && !node.isArray()) {
            throw new IllegalArgumentException("an ack is an array of its arguments");
        }
    }
}
