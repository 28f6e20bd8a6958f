package io.studycollab.realtime.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;

/** Payloads of the wire contract that tests build again and again. */
public final class TestPayloads {

    private TestPayloads() {}

    /** A member as {@code user:joined} carries it: active, no cursor or tool yet, seen at 2026-01-01. */
    public static ObjectNode user(String id, String displayName, String group) {
        return ProtocolCodec.object()
                .put("userId", id)
                .put("displayName", displayName)
                .putNull("avatarUrl")
                .put("groupId", group)
                .putNull("cursor")
                .put("isActive", true)
                .putNull("currentTool")
                .put("lastSeen", "2026-01-01T00:00:00Z");
    }
}
