package io.studycollab.realtime.server;

import java.time.Duration;

/**
 * Limits beyond the per-socket rates of §3, against one client (or one user) exhausting the
 * server: how long a connection may take to complete its Socket.IO handshake, how many sockets one
 * user may hold, one event budget per user across all their sockets, and how many messages a
 * second one group may be sent before cursor updates are coalesced per sender (latest wins).
 *
 * @param handshakeTimeout a connection that has not completed CONNECT by then is closed
 *     (socket.io's {@code connectTimeout} is 45 s; 10 s is plenty on any network we target)
 */
public record ConnectionLimits(
        Duration handshakeTimeout,
        int maxSocketsPerUser,
        double userEventsPerSecond,
        int userEventBurst,
        double groupFanoutPerSecond) {

    public ConnectionLimits {
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive");
        }
        if (maxSocketsPerUser < 1) {
            throw new IllegalArgumentException("a user must be allowed at least one socket");
        }
        if (userEventsPerSecond <= 0 || userEventBurst < 1 || groupFanoutPerSecond <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
    }

    /**
     * 10 s handshake, 5 sockets per user, 100 events/s per user (burst 200: two sockets at the
     * per-socket limits), 20,000 messages/s per group.
     */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(Duration.ofSeconds(10), 5, 100, 200, 20_000);
    }

    public ConnectionLimits withHandshakeTimeout(Duration d) {
        return new ConnectionLimits(d, maxSocketsPerUser, userEventsPerSecond, userEventBurst, groupFanoutPerSecond);
    }

    public ConnectionLimits withMaxSocketsPerUser(int n) {
        return new ConnectionLimits(handshakeTimeout, n, userEventsPerSecond, userEventBurst, groupFanoutPerSecond);
    }

    public ConnectionLimits withUserEvents(double perSecond, int burst) {
        return new ConnectionLimits(handshakeTimeout, maxSocketsPerUser, perSecond, burst, groupFanoutPerSecond);
    }

    public ConnectionLimits withGroupFanout(double perSecond) {
        return new ConnectionLimits(
                handshakeTimeout, maxSocketsPerUser, userEventsPerSecond, userEventBurst, perSecond);
    }
}
