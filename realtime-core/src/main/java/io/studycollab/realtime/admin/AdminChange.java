package io.studycollab.realtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Instant;

/**
 * One thing the admin namespace told us, after the model took it in: what {@code inspect --watch}
 * prints as a JSON line and what the event log records as a server-side event.
 *
 * @param type      the admin protocol's event name ({@code socket_connected}, {@code room_joined}, ...)
 * @param namespace the namespace of the socket concerned, null for server-wide changes
 * @param socketId  the socket concerned, or null
 * @param room      the room concerned, or null
 * @param userId    the socket's user as the model knows it, or null
 * @param groupId   the socket's group as the server's data names it, or null
 * @param detail    more about it (stats, the socket, the event's arguments), secrets masked; may be null
 * @param atMillis  the server's timestamp where it sent one, else when it arrived
 */
public record AdminChange(
        String type,
        String namespace,
        String socketId,
        String room,
        String userId,
        String groupId,
        JsonNode detail,
        long atMillis) {

    public ObjectNode toJson() {
        ObjectNode o = ProtocolCodec.object()
                .put("type", type)
                .put("at", Instant.ofEpochMilli(atMillis).toString());
        if (namespace != null) {
            o.put("nsp", namespace);
        }
        if (socketId != null) {
            o.put("socketId", socketId);
        }
        if (room != null) {
            o.put("room", room);
        }
        if (userId != null) {
            o.put("userId", userId);
        }
        if (groupId != null) {
            o.put("groupId", groupId);
        }
        if (detail != null) {
            o.set("detail", detail);
        }
        return o;
    }
}
