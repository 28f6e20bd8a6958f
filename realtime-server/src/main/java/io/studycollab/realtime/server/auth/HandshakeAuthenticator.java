package io.studycollab.realtime.server.auth;

import com.corundumstudio.socketio.AuthTokenListener;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.limits.TokenBucket;
import io.studycollab.realtime.server.limits.UserBudgets;
import io.studycollab.realtime.server.session.SessionTable;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a socket from its CONNECT auth object (§1), as one step that either completes or leaves
 * nothing behind: the token is verified, the session with its rate limits and expiry timer is
 * built (holding one of its user's socket slots: a user at the limit is refused
 * TOO_MANY_CONNECTIONS), and only then is it entered in the {@link SessionTable} (what makes a
 * socket able to act) and greeted. Any failure on the way undoes what was done (the slot is given
 * back) and refuses the CONNECT with a code; netty-socketio would otherwise answer "Internal error"
 * without one and keep the half-built session.
 */
public final class HandshakeAuthenticator implements AuthTokenListener {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeAuthenticator.class);

    /** What happens right after admission and when an admitted token expires. */
    public interface Hooks {
        /** Sends the greeting; may throw, which undoes the admission. */
        void admitted(SocketSession session);

        void expired(SocketSession session);
    }

    private final TokenVerifier verifier;
    private final SessionTable sessions;
    private final Clock clock;
    private final ServerConfig config;
    private final UserBudgets users;
    private final Hooks hooks;
    private final Consumer<String> refusals;

    /**
     * @param refusals told the code of every refused handshake (for the counters in /health)
     */
    public HandshakeAuthenticator(
            TokenVerifier verifier,
            SessionTable sessions,
            Clock clock,
            ServerConfig config,
            UserBudgets users,
            Hooks hooks,
            Consumer<String> refusals) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.clock = clock;
        this.config = config;
        this.users = users;
        this.hooks = hooks;
        this.refusals = refusals;
    }

    @Override
    public AuthTokenResult getAuthTokenResult(Object authData, SocketIOClient client) {
        Object token = authData instanceof Map<?, ?> m ? m.get("token") : null;
        VerifiedUser user;
        try {
            user = verifier.verify(token);
        } catch (AuthFailure f) {
            LOG.debug("handshake of {} refused: {} ({})", client.getSessionId(), f.code(), f.getMessage());
            refusals.accept(f.code());
            return HandshakeRefusal.refuse(f.code(), f.getMessage());
        }
        UserBudgets.Slot slot = users.admit(user.userId());
        if (slot == null) {
            LOG.debug("handshake of {} refused: the user holds {} sockets", client.getSessionId(), users.maxSockets());
            refusals.accept(ErrorCodes.TOO_MANY_CONNECTIONS);
            return HandshakeRefusal.refuse(
                    ErrorCodes.TOO_MANY_CONNECTIONS,
                    "this user already holds " + users.maxSockets() + " connections, the most allowed");
        }
        SocketSession session = new SocketSession(
                client,
                user,
                new TokenBucket(clock, config.cursorRatePerSecond(), config.cursorRatePerSecond()),
                new TokenBucket(clock, config.eventRatePerSecond(), config.eventBurst()),
                slot);
        try {
            session.expiryTimer(ExpiryTimer.arm(clock, user.expiresAtMillis(), () -> hooks.expired(session)));
            sessions.admit(session);
            hooks.admitted(session);
            return AuthTokenResult.AuthTokenResultSuccess;
        } catch (SessionTable.ConnectionClosed late) {
            // Too late, not a failure: the deadline closed the connection (and counted it) meanwhile.
            session.end(); // its expiry timer and the user's socket slot
            LOG.debug("handshake of {} completed after its connection was closed", client.getSessionId());
            return HandshakeRefusal.refuse(ErrorCodes.AUTH_INVALID, late.getMessage());
        } catch (RuntimeException e) {
            sessions.remove(session);
            session.end();
            LOG.warn("handshake of {} could not be completed, refused: {}", client.getSessionId(), e.toString());
            refusals.accept(ErrorCodes.INTERNAL);
            return HandshakeRefusal.refuse(ErrorCodes.INTERNAL, "the server could not admit this connection");
        }
    }
}
