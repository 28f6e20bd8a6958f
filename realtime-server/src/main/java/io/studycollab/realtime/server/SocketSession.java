package io.studycollab.realtime.server;

import com.corundumstudio.socketio.SocketIOClient;
import io.studycollab.realtime.server.auth.VerifiedUser;
import io.studycollab.realtime.server.limits.TokenBucket;
import io.studycollab.realtime.time.Clock;

/** One authenticated socket: who it is, which group it is in, its rate limits and its expiry timer. */
final class SocketSession {

    final SocketIOClient client;
    final VerifiedUser user;
    final TokenBucket cursorBucket;
    final TokenBucket eventBucket;
    volatile String groupId;
    volatile Clock.Cancellable expiryTimer;
    private long lastRateErrorNanos = Long.MIN_VALUE;

    SocketSession(SocketIOClient client, VerifiedUser user, TokenBucket cursorBucket, TokenBucket eventBucket) {
        this.client = client;
        this.user = user;
        this.cursorBucket = cursorBucket;
        this.eventBucket = eventBucket;
    }

    String socketId() {
        return client.getSessionId().toString();
    }

    /** At most one RATE_LIMITED error a second per socket (§3). */
    synchronized boolean mayReportRateLimit(long nowNanos) {
        if (lastRateErrorNanos == Long.MIN_VALUE || nowNanos - lastRateErrorNanos >= 1_000_000_000L) {
            lastRateErrorNanos = nowNanos;
            return true;
        }
        return false;
    }
}
