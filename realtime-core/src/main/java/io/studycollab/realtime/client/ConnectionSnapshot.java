package io.studycollab.realtime.client;

/**
 * Everything a status indicator shows about a client, as one immutable value read from any thread.
 *
 * @param nextRetryAtMillis wall time of the next retry while RECONNECTING, else -1
 * @param rttMillis         average heartbeat round trip, -1 before the first
 * @param cause             why the state last changed
 */
public record ConnectionSnapshot(
        ConnectionState state,
        String reason,
        String errorCode,
        String errorMessage,
        int attempt,
        int maxAttempts,
        long nextRetryAtMillis,
        String url,
        String transport,
        String socketId,
        String userId,
        String displayName,
        String groupId,
        double rttMillis,
        double jitterMillis,
        long missedHeartbeats,
        ConnectionQuality quality,
        int queueDepth,
        long queueDropped,
        long tokenExpiresAtMillis,
        StateCause cause) {

    public static ConnectionSnapshot initial() {
        return new ConnectionSnapshot(
                ConnectionState.DISCONNECTED,
                "not connected",
                null,
                null,
                0,
                0,
                -1,
                null,
                null,
                null,
                null,
                null,
                null,
                -1,
                0,
                0,
                ConnectionQuality.OFFLINE,
                0,
                0,
                -1,
                StateCause.NONE);
    }
}
