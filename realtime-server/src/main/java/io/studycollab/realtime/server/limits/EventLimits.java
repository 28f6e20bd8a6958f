package io.studycollab.realtime.server.limits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.server.session.SocketSession;
import java.util.concurrent.atomic.LongAdder;

/**
 * Whether an event a socket sent may be handled: the socket's own rates (§3: cursor updates and
 * everything else apart), then its user's budget across all their sockets. Refusals are counted
 * by which limit refused them.
 */
public final class EventLimits {

    /** Which limit refused an event. */
    public enum Verdict {
        ALLOWED,
        SOCKET_RATE,
        USER_BUDGET
    }

    private final LongAdder socketRefusals = new LongAdder();
    private final LongAdder userRefusals = new LongAdder();

    public Verdict check(SocketSession s, String event) {
        TokenBucket socket = EventNames.CURSOR_UPDATE.equals(event) ? s.cursorBucket() : s.eventBucket();
        if (!socket.tryTake()) {
            socketRefusals.increment();
            return Verdict.SOCKET_RATE;
        }
        if (!s.userSlot().tryEvent()) {
            userRefusals.increment();
            return Verdict.USER_BUDGET;
        }
        return Verdict.ALLOWED;
    }

    /** {@code {socketRate: N, userBudget: N}} events refused so far. */
    public ObjectNode toJson() {
        return ProtocolCodec.object().put("socketRate", socketRefusals.sum()).put("userBudget", userRefusals.sum());
    }
}
