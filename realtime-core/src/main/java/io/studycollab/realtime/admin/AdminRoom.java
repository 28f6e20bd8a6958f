package io.studycollab.realtime.admin;

import java.util.Set;

/**
 * A room of one namespace and the sockets in it.
 *
 * @param privateRoom true for a socket's own room, named after its id
 */
public record AdminRoom(String namespace, String name, Set<String> socketIds, boolean privateRoom) {

    public AdminRoom {
        socketIds = Set.copyOf(socketIds);
    }
}
