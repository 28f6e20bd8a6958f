package io.studycollab.realtime.proxy.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;

/** The sid in an Engine.IO open packet's JSON. */
final class SidOf {

    private SidOf() {}

    static String openPacket(String json) {
        try {
            JsonNode n = ProtocolCodec.parse(json);
            return n.path("sid").isTextual() ? n.get("sid").textValue() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
