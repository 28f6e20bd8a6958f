package io.studycollab.realtime.admin.crosscheck;

import java.util.List;

/**
 * A difference between the server's room membership (from its admin namespace) and the presence a
 * client folded for the same group.
 *
 * @param socketIds   the server's sockets concerned (empty for a ghost: the server has none)
 * @param sinceMillis when this divergence was first seen, on the injected clock
 */
public record Divergence(
        Kind kind, String groupId, String userId, List<String> socketIds, long sinceMillis, String detail) {

    public enum Kind {
        /** The client shows a member the server no longer has in the room. */
        GHOST,
        /** The server has the user's announced socket in the room; the client does not show them. */
        MISSING_MEMBER,
        /** A socket is in the room without having joined the group (no presence anywhere). */
        SOCKET_WITHOUT_PRESENCE,
        /** One user with several sockets in the room (legal, but worth seeing: one leave does not remove them). */
        MULTIPLE_SOCKETS,
        /** Shown active while the server still has them, with a lastSeen older than the stale window. */
        STALE_LAST_SEEN
    }

    public Divergence {
        socketIds = List.copyOf(socketIds);
    }

    /** What identifies "the same divergence" from one check to the next. */
    String key() {
        return kind + "\u0000" + groupId + "\u0000" + (userId == null ? String.join(",", socketIds) : userId);
    }

    Divergence since(long millis) {
        return new Divergence(kind, groupId, userId, socketIds, millis, detail);
    }
}
