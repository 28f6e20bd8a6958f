package io.studycollab.realtime.client;

/**
 * Reads the connection's parts into one immutable {@link ConnectionSnapshot}: made on the event
 * thread after every change, read by any thread (the window once per frame) without a lock.
 */
final class Snapshots {

    private Snapshots() {}

    static ConnectionSnapshot of(Connection connection) {
        ConnectionStateMachine s = connection.state;
        ServerIdentity who = connection.identity;
        HeartbeatMonitor beats = connection.heartbeats.monitor();
        boolean isOnline = s.state() == ConnectionState.CONNECTED;
        return new ConnectionSnapshot(
                s.state(),
                s.reason(),
                s.errorCode(),
                s.errorMessage(),
                s.attempt(),
                s.maxAttempts(),
                s.nextRetryAt(),
                connection.url,
                isOnline ? who.transport() : null,
                who.socketId(),
                who.userId(),
                who.displayName(),
                connection.group.groupId(),
                beats.averageRttMillis(),
                beats.jitterMillis(),
                beats.missedTotal(),
                beats.quality(isOnline),
                connection.outbound.size(),
                connection.outbound.dropped(),
                connection.expiry.expiresAt(),
                s.cause());
    }
}
