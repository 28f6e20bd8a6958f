package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.EventNames;

/**
 * Who the server says we are on the current connection ({@code connection:established}) and the
 * transport socket.io settled on. Confined to the event thread.
 */
final class ServerIdentity {

    private String userId;
    private String displayName;
    private String socketId;
    private String transport;

    /** Follows {@code connection:established}; true when it was one. */
    boolean react(String name, JsonNode p) {
        if (!EventNames.CONNECTION_ESTABLISHED.equals(name)) {
            return false;
        }
        userId = p.path("userId").asText(null);
        displayName = p.path("displayName").asText(null);
        socketId = p.path("socketId").asText(socketId);
        return true;
    }

    String userId() {
        return userId;
    }

    String displayName() {
        return displayName;
    }

    String socketId() {
        return socketId;
    }

    void socketId(String id) {
        socketId = id;
    }

    String transport() {
        return transport;
    }

    void transport(String name) {
        transport = name;
    }
}
