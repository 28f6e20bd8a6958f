package io.studycollab.debugger.server;

import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminSocket;
import java.util.Comparator;
import java.util.Locale;

/**
 * What the Server tab's tables ask of the server's view: the filters typed and the orders clicked.
 * Immutable, so the feed thread filters and sorts 20,000 rows without the FX thread's help.
 *
 * @param socketFilter  words every shown socket matches (id, user, address, transport, namespace, a room)
 * @param roomFilter    words every shown room's name or namespace matches
 * @param privateRooms  also list each socket's own room (named after its id), hidden by default
 */
public record ServerQuery(
        String socketFilter,
        String roomFilter,
        boolean privateRooms,
        Comparator<AdminSocket> socketOrder,
        Comparator<AdminRoom> roomOrder) {

    public static final Comparator<AdminSocket> SOCKETS_BY_ID =
            Comparator.comparing(AdminSocket::namespace).thenComparing(AdminSocket::id);
    public static final Comparator<AdminRoom> ROOMS_BY_NAME =
            Comparator.comparing(AdminRoom::namespace).thenComparing(AdminRoom::name);

    public static final ServerQuery DEFAULT = new ServerQuery("", "", false, SOCKETS_BY_ID, ROOMS_BY_NAME);

    public ServerQuery {
        socketFilter = socketFilter == null ? "" : socketFilter.trim().toLowerCase(Locale.ROOT);
        roomFilter = roomFilter == null ? "" : roomFilter.trim().toLowerCase(Locale.ROOT);
        socketOrder = socketOrder == null ? SOCKETS_BY_ID : socketOrder;
        roomOrder = roomOrder == null ? ROOMS_BY_NAME : roomOrder;
    }

    public boolean shows(AdminSocket s) {
        if (socketFilter.isEmpty()) {
            return true;
        }
        for (String word : socketFilter.split("\\s+")) {
            if (!socketMatches(s, word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean socketMatches(AdminSocket s, String word) {
        if (contains(s.id(), word)
                || contains(s.userId(), word)
                || contains(s.displayName(), word)
                || contains(s.address(), word)
                || contains(s.transport(), word)
                || contains(s.namespace(), word)
                || contains(s.groupId(), word)) {
            return true;
        }
        for (String room : s.rooms()) {
            if (contains(room, word)) {
                return true;
            }
        }
        return false;
    }

    public boolean shows(AdminRoom r) {
        if (r.privateRoom() && !privateRooms) {
            return false;
        }
        if (roomFilter.isEmpty()) {
            return true;
        }
        for (String word : roomFilter.split("\\s+")) {
            if (!contains(r.name(), word) && !contains(r.namespace(), word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(String value, String lowerWord) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerWord);
    }

    public ServerQuery withSocketFilter(String f) {
        return new ServerQuery(f, roomFilter, privateRooms, socketOrder, roomOrder);
    }

    public ServerQuery withRoomFilter(String f) {
        return new ServerQuery(socketFilter, f, privateRooms, socketOrder, roomOrder);
    }

    public ServerQuery withPrivateRooms(boolean show) {
        return new ServerQuery(socketFilter, roomFilter, show, socketOrder, roomOrder);
    }

    public ServerQuery withSocketOrder(Comparator<AdminSocket> order) {
        return new ServerQuery(socketFilter, roomFilter, privateRooms, order, roomOrder);
    }

    public ServerQuery withRoomOrder(Comparator<AdminRoom> order) {
        return new ServerQuery(socketFilter, roomFilter, privateRooms, socketOrder, order);
    }
}
