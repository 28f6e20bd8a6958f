package io.studycollab.realtime.server.admin;

import java.util.UUID;

/**
 * What the server's own bookkeeping says about one authenticated socket; the admin namespace
 * shows it as the socket's {@code data}.
 *
 * @param groupId the group the socket joined through {@code group:join}, or null
 */
public record SocketView(String userId, String displayName, String groupId) {

    /** The server's sessions, looked up by socket id; null for a socket that is not (or no longer) authenticated. */
    @FunctionalInterface
    public interface Directory {
        SocketView describe(UUID socketId);
    }
}
