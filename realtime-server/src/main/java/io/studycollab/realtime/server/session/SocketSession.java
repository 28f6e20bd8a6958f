package io.studycollab.realtime.server.session;

import com.corundumstudio.socketio.SocketIOClient;
import io.studycollab.realtime.server.auth.VerifiedUser;
import io.studycollab.realtime.server.limits.TokenBucket;
import io.studycollab.realtime.server.limits.UserBudgets;
import io.studycollab.realtime.time.Clock;
import java.util.UUID;

/**
 * One authenticated socket: who it is, which group it is in, its rate limits, its hold on its
 * user's budget and its expiry timer.
 */
public final class SocketSession {

    private final SocketIOClient client;
    private final VerifiedUser user;
    private final TokenBucket cursorBucket;
    private final TokenBucket eventBucket;
    private final UserBudgets.Slot userSlot;
    private volatile String groupId;
    private volatile Clock.Cancellable expiryTimer;
    private long lastRateErrorNanos = Long.MIN_VALUE;

    public SocketSession(
            SocketIOClient client,
            VerifiedUser user,
            TokenBucket cursorBucket,
            TokenBucket eventBucket,
            UserBudgets.Slot userSlot) {
        this.client = client;
        this.user = user;
        this.cursorBucket = cursorBucket;
        this.eventBucket = eventBucket;
        this.userSlot = userSlot;
    }

    public SocketIOClient client() {
        return client;
    }

    public UUID id() {
        return client.getSessionId();
    }

    public VerifiedUser user() {
        return user;
    }

    public TokenBucket cursorBucket() {
        return cursorBucket;
    }

    public TokenBucket eventBucket() {
        return eventBucket;
    }

    public UserBudgets.Slot userSlot() {
        return userSlot;
    }

    public String groupId() {
        return groupId;
    }

    public void groupId(String g) {
        groupId = g;
    }

    public void expiryTimer(Clock.Cancellable t) {
        expiryTimer = t;
    }

    /** Stops the expiry timer and gives the user's socket slot back: the session is over. */
    public void end() {
        Clock.Cancellable t = expiryTimer;
        if (t != null) {
            t.cancel();
        }
        userSlot.release();
    }

    public String socketId() {
        return client.getSessionId().toString();
    }

    /** At most one RATE_LIMITED error a second per socket (§3). */
    public synchronized boolean mayReportRateLimit(long nowNanos) {
        if (lastRateErrorNanos == Long.MIN_VALUE || nowNanos - lastRateErrorNanos >= 1_000_000_000L) {
            lastRateErrorNanos = nowNanos;
            return true;
        }
        return false;
    }
}
