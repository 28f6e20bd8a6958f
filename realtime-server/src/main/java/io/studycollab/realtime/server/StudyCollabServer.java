package io.studycollab.realtime.server;

import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.server.admin.AdminConfig;
import io.studycollab.realtime.server.admin.AdminNamespace;
import io.studycollab.realtime.server.admin.SocketView;
import io.studycollab.realtime.server.auth.HandshakeAuthenticator;
import io.studycollab.realtime.server.auth.HandshakeStats;
import io.studycollab.realtime.server.auth.ServiceKeys;
import io.studycollab.realtime.server.auth.SupabaseKeys;
import io.studycollab.realtime.server.auth.TokenVerifier;
import io.studycollab.realtime.server.events.EventRouter;
import io.studycollab.realtime.server.events.Heartbeat;
import io.studycollab.realtime.server.groups.Activity;
import io.studycollab.realtime.server.groups.GroupEvents;
import io.studycollab.realtime.server.groups.GroupRegistry;
import io.studycollab.realtime.server.groups.InactivitySweeper;
import io.studycollab.realtime.server.groups.Membership;
import io.studycollab.realtime.server.http.TestApiService;
import io.studycollab.realtime.server.limits.EventLimits;
import io.studycollab.realtime.server.limits.LoopLag;
import io.studycollab.realtime.server.limits.UserBudgets;
import io.studycollab.realtime.server.session.SessionLifecycle;
import io.studycollab.realtime.server.session.SessionTable;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.server.transport.HandshakeDeadline;
import io.studycollab.realtime.server.transport.RawEventJsonSupport;
import io.studycollab.realtime.server.transport.StudyCollabChannelInitializer;
import io.studycollab.realtime.server.transport.UnreadConnections;
import io.studycollab.realtime.time.Clock;
import io.studycollab.realtime.time.SystemClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A StudyCollab realtime server (shared/protocol.md) on netty-socketio, with the HTTP test API on
 * the same port. The façade: it puts the parts together (admission, the event router and its
 * handlers, the group fan-out, the inactivity sweep, the test API) and owns them; {@link #start}
 * binds it, {@link #close()} stops it and everything it started.
 */
public final class StudyCollabServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StudyCollabServer.class);

    private final ServerConfig config;
    private final SystemClock ownedClock;
    private final SessionTable sessions = new SessionTable();
    private final SocketIOServer io;
    private final int port;
    private final GroupEvents groupEvents;
    private final LoopLag loopLag;
    private final InactivitySweeper sweeper;
    private final TestApiService api;
    private final AdminNamespace admin;
    private volatile boolean closed;

    private StudyCollabServer(
            ServerConfig config, SupabaseKeys supabase, int port, AdminConfig adminConfig, Clock givenClock) {
        this.config = config;
        this.port = port;
        this.ownedClock = givenClock == null ? new SystemClock("studycollab-server-timers") : null;
        Clock clock = givenClock == null ? ownedClock : givenClock;
        ConnectionLimits limits = config.limits();
        io = new SocketIOServer(SocketIoSettings.of(config, port));

        GroupRegistry registry = new GroupRegistry();
        loopLag = LoopLag.of(clock, limits.cursorFlushInterval());
        groupEvents = new GroupEvents(io, clock, limits.groupFanoutPerSecond(), limits.cursorFlushInterval(), loopLag);
        Membership membership = new Membership(registry, groupEvents, clock, config.groupsPolicy());
        Activity activity = new Activity(registry, groupEvents, clock);
        sweeper =
                new InactivitySweeper(registry, groupEvents, clock, config.sweepInterval(), config.inactivityTimeout());

        HandshakeStats handshakes = new HandshakeStats(clock);
        HandshakeDeadline deadline = new HandshakeDeadline(clock, limits.handshakeTimeout(), handshakes);
        UnreadConnections unread = new UnreadConnections();
        sessions.admitOnly(deadline::claim); // admission and the deadline decide once per session
        EventLimits eventLimits = new EventLimits();
        api = new TestApiService(
                new ServiceKeys(config.serviceKey(), supabase.secretApiKey()),
                sessions,
                registry,
                groupEvents,
                handshakes,
                deadline::pending,
                unread,
                eventLimits,
                clock);
        new StudyCollabChannelInitializer(api, handshakes, deadline, unread, loopLag).installIn(io);

        SessionLifecycle lifecycle = new SessionLifecycle(
                sessions,
                clock::wallMillis,
                config.heartbeatInterval(),
                (s, why) -> membership.leaveCurrent(s, why, false));
        UserBudgets users = new UserBudgets(
                clock, limits.maxSocketsPerUser(), limits.userEventsPerSecond(), limits.userEventBurst());
        TokenVerifier verifier =
                new TokenVerifier(config.jwtSecret(), supabase.jwks(), config.audience(), clock::wallMillis);
        io.getNamespace(Namespace.DEFAULT_NAME)
                .addAuthTokenListener(new HandshakeAuthenticator(
                        verifier, sessions, clock, config, users, lifecycle, handshakes::refused));

        EventRouter router = new EventRouter(
                sessions,
                eventLimits,
                clock,
                Map.of(
                        EventNames.GROUP_JOIN, membership::join,
                        EventNames.GROUP_LEAVE, membership::leave,
                        EventNames.GROUP_PRESENCE, membership::presence,
                        EventNames.PRESENCE_UPDATE, activity::presenceUpdate,
                        EventNames.CURSOR_UPDATE, activity::cursor,
                        EventNames.TOOL_CHANGE, activity::tool,
                        EventNames.HEARTBEAT, new Heartbeat(clock),
                        EventNames.EVENT_EMIT, activity::relay));
        io.addMultiTypeEventListener(RawEventJsonSupport.ANY_EVENT, router::onEvent, Object.class);
        io.addDisconnectListener(lifecycle::disconnected);
        admin = adminConfig.enabled() ? AdminNamespace.install(io, adminConfig, this::describe, clock) : null;
    }

    /** What the admin namespace shows of a socket: its user and group; null when not authenticated. */
    private SocketView describe(UUID socketId) {
        SocketSession s = sessions.get(socketId);
        return s == null ? null : new SocketView(s.user().userId(), s.user().displayName(), s.groupId());
    }

    /** Binds and starts; with port 0 a free loopback port is chosen. */
    public static StudyCollabServer start(ServerConfig config) throws IOException {
        return start(config, SupabaseKeys.NONE, AdminConfig.OFF, null);
    }

    /** A server that also verifies the project's asymmetric tokens and accepts its secret API key. */
    public static StudyCollabServer start(ServerConfig config, SupabaseKeys supabase) throws IOException {
        return start(config, supabase, AdminConfig.OFF, null);
    }

    /** Binds and starts with the Socket.IO admin namespace as {@code admin} says (off: {@link AdminConfig#OFF}). */
    public static StudyCollabServer start(ServerConfig config, AdminConfig admin) throws IOException {
        return start(config, SupabaseKeys.NONE, admin, null);
    }

    /**
     * Starts with its timers (token expiry, handshake deadline, inactivity sweep, cursor flushes) and
     * rate limits on {@code clock}, which the caller owns.
     */
    public static StudyCollabServer start(ServerConfig config, Clock clock) throws IOException {
        return start(config, SupabaseKeys.NONE, AdminConfig.OFF, clock);
    }

    /** Binds and starts with the project's keys and the admin namespace as given. */
    public static StudyCollabServer start(ServerConfig config, SupabaseKeys supabase, AdminConfig admin)
            throws IOException {
        return start(config, supabase, admin, null);
    }

    /**
     * Binds and starts with everything given: the project's keys, the admin namespace, and the clock
     * its timers and rate limits run on (null for a clock of the server's own).
     */
    public static StudyCollabServer start(ServerConfig config, SupabaseKeys supabase, AdminConfig admin, Clock clock)
            throws IOException {
        if (supabase.jwks() != null) {
            supabase.jwks().keys().prefetch(); // the first handshake should not wait for it
        }
        IOException last = null;
        for (int tries = 0; tries < 5; tries++) {
            int port = config.port() != 0 ? config.port() : freePort(config.host());
            StudyCollabServer server = new StudyCollabServer(config, supabase, port, admin, clock);
            try {
                server.io.start();
                server.sweeper.start();
                LOG.info("StudyCollab server listening on {}", server.url());
                return server;
            } catch (RuntimeException e) {
                server.close();
                last = new IOException("cannot listen on " + config.host() + ":" + port + ": " + e.getMessage(), e);
                if (config.port() != 0) {
                    break;
                }
            }
        }
        throw last;
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The Socket.IO and HTTP base URL, e.g. {@code http://127.0.0.1:3000}. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if ("0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port;
    }

    public ServerConfig config() {
        return config;
    }

    /** Authenticated sockets right now. */
    public int connections() {
        return sessions.size();
    }

    /** What {@code GET /health} answers: connections, groups, and the counters of every limit. */
    public ObjectNode health() {
        return api.health();
    }

    /** Stops accepting, disconnects everyone, and stops every thread and timer it started. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sweeper.close();
        loopLag.close();
        groupEvents.close();
        if (admin != null) {
            admin.close();
        }
        try {
            io.stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping netty-socketio: {}", e.toString());
        }
        if (ownedClock != null) {
            ownedClock.close();
        }
        sessions.clear();
    }
}
