package io.studycollab.realtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * One socket as the server's admin namespace describes it, with every secret already masked.
 *
 * @param clientId       the Engine.IO connection it rides on (several namespaces may share one)
 * @param handshake      headers, query, address, url and times of the handshake, secrets masked
 * @param auth           the handshake {@code auth} object when the server shares it (our server does;
 *                       {@code @socket.io/admin-ui} does not), tokens masked; null otherwise
 * @param data           the server's {@code socket.data}, secrets masked
 * @param userId         who the socket belongs to, for display: from {@code data.user.userId} or the
 *                       subject of the token it presented (decoded, not verified); null when unknown
 * @param groupId        the group the server's own bookkeeping puts it in ({@code data.groupId}), or null
 * @param rooms          every room it is in, its own private room (its id) included
 * @param connectedAtMillis when it connected (the admin event's time, else the handshake's)
 */
public record AdminSocket(
        String id,
        String clientId,
        String namespace,
        String transport,
        String address,
        JsonNode handshake,
        JsonNode auth,
        JsonNode data,
        String userId,
        String displayName,
        String groupId,
        Set<String> rooms,
        long connectedAtMillis) {

    public AdminSocket {
        rooms = Set.copyOf(rooms);
    }

    public AdminSocket withRooms(Set<String> newRooms) {
        return new AdminSocket(
                id,
                clientId,
                namespace,
                transport,
                address,
                handshake,
                auth,
                data,
                userId,
                displayName,
                groupId,
                newRooms,
                connectedAtMillis);
    }

    public AdminSocket withTransport(String t) {
        return new AdminSocket(
                id,
                clientId,
                namespace,
                t,
                address,
                handshake,
                auth,
                data,
                userId,
                displayName,
                groupId,
                rooms,
                connectedAtMillis);
    }

    /** New server data: the user and group read from it again where it names them. */
    public AdminSocket withData(JsonNode newData, String newUserId, String newDisplayName, String newGroupId) {
        return new AdminSocket(
                id,
                clientId,
                namespace,
                transport,
                address,
                handshake,
                auth,
                newData,
                newUserId,
                newDisplayName,
                newGroupId,
                rooms,
                connectedAtMillis);
    }

    /** Rooms other than the socket's own private one (named after its id, as Socket.IO does). */
    public Set<String> sharedRooms() {
        if (!rooms.contains(id)) {
            return rooms;
        }
        Set<String> out = new TreeSet<>(rooms);
        out.remove(id);
        return out;
    }
}
