package io.studycollab.realtime.server.session;

import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.server.auth.HandshakeAuthenticator;
import io.studycollab.realtime.server.auth.VerifiedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * An admitted socket from its greeting to its end (§1): {@code connection:established} right after
 * CONNECT, {@code connection:error AUTH_EXPIRED} and a server-side disconnect when its token runs
 * out, and leaving its group when it goes. Ending a session removes it from the table, stops its
 * timer and gives its user's socket slot back, exactly once.
 */
public final class SessionLifecycle implements HandshakeAuthenticator.Hooks {

    /** Takes a session out of its group, telling the others why ({@code expired}, {@code disconnect}). */
    @FunctionalInterface
    public interface Leaver {
        void leave(SocketSession s, String reason);
    }

    private final SessionTable sessions;
    private final LongSupplier wallMillis;
    private final Duration heartbeatInterval;
    private final Leaver leaver;

    public SessionLifecycle(SessionTable sessions, LongSupplier wallMillis, Duration heartbeatInterval, Leaver leaver) {
        this.sessions = sessions;
        this.wallMillis = wallMillis;
        this.heartbeatInterval = heartbeatInterval;
        this.leaver = leaver;
    }

    /** Greets an admitted socket; runs inside the admission step, so a failure here undoes it. */
    @Override
    public void admitted(SocketSession session) {
        VerifiedUser user = session.user();
        ObjectNode hello = ProtocolCodec.object()
                .put("socketId", session.socketId())
                .put("userId", user.userId())
                .put("displayName", user.displayName())
                .put("serverTime", Instant.ofEpochMilli(wallMillis.getAsLong()).toString())
                .put("heartbeatIntervalMs", heartbeatInterval.toMillis())
                .put(
                        "tokenExpiresAt",
                        Instant.ofEpochMilli(user.expiresAtMillis()).toString());
        // netty-socketio writes the CONNECT packet after the auth listener returns, on this same event
        // loop. A greeting sent now would precede it, and socket.io-client-java drops events that
        // arrive before CONNECT from its catch-all listeners; queued on the loop, it follows CONNECT.
        SocketIOClient client = session.client();
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop != null) {
            loop.execute(() -> client.sendEvent(EventNames.CONNECTION_ESTABLISHED, hello));
        } else {
            client.sendEvent(EventNames.CONNECTION_ESTABLISHED, hello);
        }
    }

    @Override
    public void expired(SocketSession s) {
        if (!sessions.remove(s)) {
            return;
        }
        s.client()
                .sendEvent(
                        EventNames.CONNECTION_ERROR,
                        ProtocolCodec.object()
                                .put("code", ErrorCodes.AUTH_EXPIRED)
                                .put("message", "token expired"));
        leaver.leave(s, "expired");
        s.end();
        s.client().disconnect();
    }

    /** netty-socketio's disconnect listener. */
    public void disconnected(SocketIOClient client) {
        SocketSession s = sessions.remove(client.getSessionId());
        if (s == null) {
            return;
        }
        s.end();
        leaver.leave(s, "disconnect");
    }
}
