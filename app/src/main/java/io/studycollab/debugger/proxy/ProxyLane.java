package io.studycollab.debugger.proxy;

import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.ProxyConnection;

/**
 * One live connection through the proxy as the window shows it: an immutable reading, so a lane
 * row is redrawn only when something in it changed.
 *
 * @param pausedUntilMillis wall time at which its oldest paused packet is auto-released, 0 when none is paused
 */
public record ProxyLane(
        String id,
        String userId,
        String displayName,
        String sid,
        String transport,
        boolean open,
        long up,
        long down,
        int paused,
        long pausedUntilMillis) {

    static ProxyLane of(ProxyConnection c, int paused, long pausedUntilMillis) {
        return new ProxyLane(
                c.id(),
                c.userId(),
                c.displayName(),
                c.sid(),
                c.transport(),
                c.state() == ProxyConnection.State.OPEN,
                c.count(Flow.UP),
                c.count(Flow.DOWN),
                paused,
                pausedUntilMillis);
    }

    /** "Bob (bob)", the user id alone, or "anonymous" before the handshake named anyone. */
    public String who() {
        if (userId == null) {
            return "anonymous";
        }
        return displayName == null || displayName.equals(userId) ? userId : displayName + " (" + userId + ")";
    }

    /** Whole seconds left before the auto-release, at {@code nowMillis}. */
    public long secondsLeft(long nowMillis) {
        return Math.max(0, (pausedUntilMillis - nowMillis + 999) / 1000);
    }
}
