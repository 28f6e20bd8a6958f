package io.studycollab.realtime.server;

import java.time.Duration;

/**
 * Limits beyond the per-socket rates of §3, against one client, one user or one group exhausting
 * the server: how long a connection may take to complete its Socket.IO handshake, how many sockets
 * one user may hold, one event budget per user across all their sockets, and how many messages a
 * second one group may be sent before cursor updates are coalesced per sender (latest wins, sent on
 * the next flush) instead of queued. A zero socket count or rate means "no such limit".
 *
 * @param handshakeTimeout a connection that has not completed CONNECT by then is closed
 *     (socket.io's {@code connectTimeout} is 45 s; 10 s is plenty on any network we target)
 * @param maxSocketsPerUser the next CONNECT of a user holding this many is refused
 *     TOO_MANY_CONNECTIONS; 0: no limit
 * @param userEventsPerSecond events a user may send a second, all their sockets together; 0: no budget
 * @param userEventBurst how many of those may come at once
 * @param groupFanoutPerSecond messages a second delivered to one group's sockets before its cursor
 *     updates are coalesced; 0: never coalesced
 * @param cursorFlushInterval how often held cursor updates are sent
 */
public record ConnectionLimits(
        Duration handshakeTimeout,
        int maxSocketsPerUser,
        double userEventsPerSecond,
        int userEventBurst,
        double groupFanoutPerSecond,
        Duration cursorFlushInterval) {

    public ConnectionLimits {
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive");
        }
        if (maxSocketsPerUser < 0) {
            throw new IllegalArgumentException("sockets per user must be 0 (no limit) or more");
        }
        if (!(userEventsPerSecond >= 0) || !(groupFanoutPerSecond >= 0)) {
            throw new IllegalArgumentException("rates must be 0 (no budget) or more");
        }
        if (userEventsPerSecond > 0 && userEventBurst < 1) {
            throw new IllegalArgumentException("the user event burst must be at least 1");
        }
        if (cursorFlushInterval == null
                || cursorFlushInterval.toMillis() < 1
                || cursorFlushInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the cursor flush interval must be 1 ms to 1 s");
        }
    }

    /**
     * 10 s handshake; 5 sockets per user; 100 events/s per user (burst 200: two sockets at the
     * per-socket limits); 20,000 messages/s per group, held cursors flushed every 50 ms (the cursor
     * rate clients are told to keep, §7).
     */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(Duration.ofSeconds(10), 5, 100, 200, 20_000, Duration.ofMillis(50));
    }

    /** The handshake deadline only: no socket count, user budget or group budget (as before #13). */
    public ConnectionLimits withoutBudgets() {
        return new ConnectionLimits(handshakeTimeout, 0, 0, userEventBurst, 0, cursorFlushInterval);
    }

    public ConnectionLimits withHandshakeTimeout(Duration d) {
        return new ConnectionLimits(
                d, maxSocketsPerUser, userEventsPerSecond, userEventBurst, groupFanoutPerSecond, cursorFlushInterval);
    }

    public ConnectionLimits withMaxSocketsPerUser(int n) {
        return new ConnectionLimits(
                handshakeTimeout, n, userEventsPerSecond, userEventBurst, groupFanoutPerSecond, cursorFlushInterval);
    }

    public ConnectionLimits withUserEvents(double perSecond, int burst) {
        return new ConnectionLimits(
                handshakeTimeout, maxSocketsPerUser, perSecond, burst, groupFanoutPerSecond, cursorFlushInterval);
    }

    public ConnectionLimits withGroupFanout(double perSecond, Duration flushInterval) {
        return new ConnectionLimits(
                handshakeTimeout, maxSocketsPerUser, userEventsPerSecond, userEventBurst, perSecond, flushInterval);
    }
}
