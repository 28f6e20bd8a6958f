package io.studycollab.realtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the HTTP test API of §6 needs from the server, so the Netty handler knows nothing else. */
public interface HttpApi {

    /** Constant-time comparison with the service-role key. */
    boolean authorized(String bearerToken);

    ObjectNode health();

    ObjectNode overview();

    ObjectNode group(String groupId);

    /** Emits {@code event} as {@code { from: "server", groupId, data, ts }}; returns how many sockets it reached. */
    int emit(String event, JsonNode data, String groupId);
}
