package io.studycollab.realtime.server;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.MultiTypeArgs;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import com.corundumstudio.socketio.namespace.Namespace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.server.admin.AdminConfig;
import io.studycollab.realtime.server.admin.AdminNamespace;
import io.studycollab.realtime.server.admin.SocketView;
import io.studycollab.realtime.server.auth.HandshakeAuthenticator;
import io.studycollab.realtime.server.auth.HandshakeStats;
import io.studycollab.realtime.server.auth.ServiceKeys;
import io.studycollab.realtime.server.auth.SupabaseKeys;
import io.studycollab.realtime.server.auth.TokenVerifier;
import io.studycollab.realtime.server.auth.VerifiedUser;
import io.studycollab.realtime.server.groups.GroupRegistry;
import io.studycollab.realtime.server.limits.TokenBucket;
import io.studycollab.realtime.server.session.SessionTable;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.server.transport.HandshakeDeadline;
import io.studycollab.realtime.server.transport.RawEventJsonSupport;
import io.studycollab.realtime.server.transport.StudyCollabChannelInitializer;
import io.studycollab.realtime.time.Clock;
import io.studycollab.realtime.time.SystemClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A StudyCollab realtime server (shared/protocol.md) on netty-socketio, with the HTTP test API
 * on the same port. Start it with {@link #start}; {@link #close()} stops it and everything it
 * started.
 */
public final class StudyCollabServer implements HttpApi, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StudyCollabServer.class);

    private final ServerConfig config;
    private final Clock clock;
    private final SystemClock ownedClock;
    private final HandshakeDeadline deadline;
    private final TokenVerifier verifier;
    private final GroupRegistry registry = new GroupRegistry();
    private final Object membership = new Object();
    private final SessionTable sessions = new SessionTable();
    private final HandshakeStats handshakes;
    private final ServiceKeys serviceKeys;
    private final SocketIOServer io;
    private final int port;
    private final AdminNamespace admin;
    private volatile Clock.Cancellable sweepTimer;
    private volatile boolean closed;

    private StudyCollabServer(
            ServerConfig config, SupabaseKeys supabase, int port, AdminConfig adminConfig, Clock givenClock) {
        this.config = config;
        this.port = port;
        this.ownedClock = givenClock == null ? new SystemClock("studycollab-server-timers") : null;
        this.clock = givenClock == null ? ownedClock : givenClock;
        this.verifier = new TokenVerifier(config.jwtSecret(), supabase.jwks(), config.audience(), clock::wallMillis);
        this.serviceKeys = new ServiceKeys(config.serviceKey(), supabase.secretApiKey());
        this.handshakes = new HandshakeStats(clock);

        Configuration c = new Configuration();
        c.setHostname(config.host());
        c.setPort(port);
        c.setContext("/socket.io");
        c.setJsonSupport(new RawEventJsonSupport());
        c.setMaxFramePayloadLength(ProtocolRules.MAX_PACKET_BYTES);
        c.setMaxHttpContentLength(ProtocolRules.MAX_PACKET_BYTES);
        c.setPingInterval((int) config.pingInterval().toMillis());
        c.setPingTimeout((int) config.pingTimeout().toMillis());
        c.setAckMode(AckMode.MANUAL);
        // Small JSON events do not shrink much, and inflating every frame costs each client more
        // than it saves: the official server leaves per-message deflate off too.
        c.setWebsocketCompression(false);
        c.setHttpCompression(false);
        c.setBossThreads(1);
        c.setWorkerThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
        SocketConfig socketConfig = new SocketConfig();
        socketConfig.setReuseAddress(true);
        socketConfig.setTcpNoDelay(true);
        c.setSocketConfig(socketConfig);
        c.setExceptionListener(new ExceptionListenerAdapter() {
            @Override
            public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
                LOG.debug("channel error, connection closed: {}", e.toString());
                ctx.close();
                return true;
            }

            @Override
            public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
                LOG.error("event handler failed", e);
            }

            @Override
            public void onAuthException(Throwable e, SocketIOClient client) {
                // HandshakeAuthenticator catches its own failures; this is netty-socketio's last resort.
                LOG.warn("auth listener failed for {}: {}", client.getSessionId(), e.toString());
            }
        });
        io = new SocketIOServer(c);
        deadline = new HandshakeDeadline(clock, config.limits().handshakeTimeout(), sessions::isAdmitted, handshakes);
        new StudyCollabChannelInitializer(this, handshakes, deadline).installIn(io);
        HandshakeAuthenticator authenticator = new HandshakeAuthenticator(
                verifier,
                sessions,
                clock,
                config,
                new HandshakeAuthenticator.Hooks() {
                    @Override
                    public void admitted(SocketSession session) {
                        greet(session);
                    }

                    @Override
                    public void expired(SocketSession session) {
                        expire(session);
                    }
                },
                handshakes::refused);
        io.getNamespace(Namespace.DEFAULT_NAME).addAuthTokenListener(authenticator);
        io.addMultiTypeEventListener(RawEventJsonSupport.ANY_EVENT, this::onEvent, Object.class);
        io.addDisconnectListener(this::onDisconnect);
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
     * Starts with its timers (token expiry, handshake deadline, inactivity sweep) and rate limits
     * on {@code clock}, which the caller owns.
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
                server.scheduleSweep();
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

    // ------------------------------------------------------------------ handshake

    /** Greets an admitted socket (§1); runs inside the admission step, so a failure here undoes it. */
    private void greet(SocketSession session) {
        VerifiedUser user = session.user();
        ObjectNode hello = ProtocolCodec.object()
                .put("socketId", session.socketId())
                .put("userId", user.userId())
                .put("displayName", user.displayName())
                .put("serverTime", now())
                .put("heartbeatIntervalMs", config.heartbeatInterval().toMillis())
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

    private void expire(SocketSession s) {
        if (sessions.get(s.id()) != s) {
            return;
        }
        s.client()
                .sendEvent(
                        EventNames.CONNECTION_ERROR,
                        ProtocolCodec.object()
                                .put("code", ErrorCodes.AUTH_EXPIRED)
                                .put("message", "token expired"));
        leaveCurrent(s, "expired", false);
        sessions.remove(s);
        s.client().disconnect();
    }

    private void onDisconnect(SocketIOClient client) {
        SocketSession s = sessions.remove(client.getSessionId());
        if (s == null) {
            return;
        }
        s.cancelExpiry();
        leaveCurrent(s, "disconnect", false);
    }

    // ------------------------------------------------------------------ events

    private void onEvent(SocketIOClient client, MultiTypeArgs args, AckRequest ack) {
        SocketSession s = sessions.get(client.getSessionId());
        if (s == null || args.isEmpty()) {
            return; // a refused handshake's leftover namespace client: it may not talk
        }
        JsonNode nameNode = args.get(0);
        String name = nameNode.asText();
        JsonNode payload = args.size() > 1 ? (JsonNode) args.get(1) : null;
        long nowNanos = clock.monoNanos();
        TokenBucket bucket = EventNames.CURSOR_UPDATE.equals(name) ? s.cursorBucket() : s.eventBucket();
        if (!bucket.tryTake()) {
            if (s.mayReportRateLimit(nowNanos)) {
                client.sendEvent(EventNames.CONNECTION_ERROR, error(ErrorCodes.RATE_LIMITED, "too many events", name));
            }
            reply(ack, failure(ErrorCodes.RATE_LIMITED, "too many events"));
            return;
        }
        try {
            ObjectNode body = handle(s, name, payload);
            ObjectNode ok = ProtocolCodec.object().put("ok", true);
            ok.setAll(body);
            reply(ack, ok);
        } catch (ProtocolViolation v) {
            client.sendEvent(EventNames.CONNECTION_ERROR, error(v.code(), v.getMessage(), printable(name)));
            reply(ack, failure(v.code(), v.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("handling {} failed", printable(name), e);
            client.sendEvent(
                    EventNames.CONNECTION_ERROR, error(ErrorCodes.INTERNAL, "internal error", printable(name)));
            reply(ack, failure(ErrorCodes.INTERNAL, "internal error"));
        }
    }

    private static String printable(String name) {
        return RawEventJsonSupport.UNREADABLE.equals(name) ? "(unreadable packet)" : name;
    }

    private ObjectNode handle(SocketSession s, String name, JsonNode p) {
        return switch (name) {
            case EventNames.GROUP_JOIN -> join(s, p);
            case EventNames.GROUP_LEAVE -> leave(s, p);
            case EventNames.GROUP_PRESENCE -> presence(s, p);
            case EventNames.PRESENCE_UPDATE -> presenceUpdate(s, p);
            case EventNames.CURSOR_UPDATE -> cursor(s, p);
            case EventNames.TOOL_CHANGE -> tool(s, p);
            case EventNames.HEARTBEAT -> heartbeat(s, p);
            case EventNames.EVENT_EMIT -> relay(s, p);
            default -> throw ProtocolViolation.invalid("unknown event " + printable(name));
        };
    }

    private static JsonNode object(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw ProtocolViolation.invalid("payload must be a JSON object");
        }
        return p;
    }

    private String requireGroup(SocketSession s) {
        String g = s.groupId();
        if (g == null) {
            throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "join a group first");
        }
        return g;
    }

    private ObjectNode join(SocketSession s, JsonNode p) {
        String groupId = ProtocolRules.groupId(object(p).get("groupId"), "groupId");
        VerifiedUser user = s.user();
        boolean mustBeListed = config.groupsPolicy() == ServerConfig.GroupsPolicy.CLAIMS || user.groups() != null;
        if (mustBeListed && (user.groups() == null || !user.groups().contains(groupId))) {
            throw new ProtocolViolation(ErrorCodes.FORBIDDEN, "not a member of group " + groupId);
        }
        if (s.groupId() != null && !s.groupId().equals(groupId)) {
            leaveCurrent(s, "left", true);
        }
        ObjectNode body = enterGroup(s, groupId);
        return body.deepCopy();
    }

    /**
     * Joins the socket to the group and tells everyone, under one lock: a concurrent join must not
     * slip between the member list we send and the user:joined others receive.
     */
    private ObjectNode enterGroup(SocketSession s, String groupId) {
        VerifiedUser user = s.user();
        ObjectNode body = ProtocolCodec.object().put("groupId", groupId);
        synchronized (membership) {
            ArrayNode members;
            if (!groupId.equals(s.groupId())) {
                GroupRegistry.Joined joined = registry.join(
                        groupId,
                        s.id(),
                        user.userId(),
                        user.displayName(),
                        user.avatarUrl(),
                        clock.wallMillis(),
                        clock.monoNanos());
                s.groupId(groupId);
                s.client().joinRoom(groupId);
                if (joined.newMember()) {
                    ObjectNode event = ProtocolCodec.object().put("groupId", groupId);
                    event.set("user", joined.user());
                    io.getRoomOperations(groupId).sendEvent(EventNames.USER_JOINED, s.client(), event);
                }
                members = joined.members();
            } else {
                members = registry.members(groupId);
            }
            body.set("members", members);
            s.client().sendEvent(EventNames.GROUP_JOINED, body);
        }
        return body;
    }

    private ObjectNode leave(SocketSession s, JsonNode p) {
        String groupId = ProtocolRules.groupId(object(p).get("groupId"), "groupId");
        if (!groupId.equals(s.groupId())) {
            throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "not in group " + groupId);
        }
        leaveCurrent(s, "left", true);
        return ProtocolCodec.object().put("groupId", groupId);
    }

    private ObjectNode presence(SocketSession s, JsonNode p) {
        String groupId = ProtocolRules.groupId(object(p).get("groupId"), "groupId");
        if (!groupId.equals(s.groupId())) {
            throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "not in group " + groupId);
        }
        ObjectNode body = ProtocolCodec.object().put("groupId", groupId);
        body.set("members", registry.members(groupId));
        s.client().sendEvent(EventNames.GROUP_PRESENCE, body);
        return body.deepCopy();
    }

    private ObjectNode presenceUpdate(SocketSession s, JsonNode p) {
        object(p);
        Boolean active = null;
        JsonNode a = p.get("isActive");
        if (a != null) {
            if (!a.isBoolean()) {
                throw ProtocolViolation.invalid("isActive must be a boolean");
            }
            active = a.booleanValue();
        }
        JsonNode t = p.get("currentTool");
        String tool = t == null || t.isNull() ? null : ProtocolRules.tool(t);
        JsonNode c = p.get("cursor");
        Payloads.Cursor cursor = c == null || c.isNull() ? null : ProtocolRules.cursor(c);
        String groupId = requireGroup(s);
        GroupRegistry.Changed changed = registry.updatePresence(
                groupId,
                s.user().userId(),
                active,
                tool,
                t != null && t.isNull(),
                cursor,
                c != null && c.isNull(),
                clock.wallMillis(),
                clock.monoNanos());
        if (changed == null) {
            throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "join a group first");
        }
        broadcastPresence(changed, s.client());
        ObjectNode body = ProtocolCodec.object();
        body.set("user", changed.user());
        return body;
    }

    private ObjectNode cursor(SocketSession s, JsonNode p) {
        Payloads.Cursor cursor = ProtocolRules.cursor(p);
        String groupId = requireGroup(s);
        long now = clock.wallMillis();
        GroupRegistry.Changed reactivated =
                registry.activity(groupId, s.user().userId(), cursor, null, now, clock.monoNanos());
        if (reactivated != null) {
            broadcastPresence(reactivated, s.client());
        }
        ObjectNode event = ProtocolCodec.object()
                .put("groupId", groupId)
                .put("userId", s.user().userId());
        event.putObject("cursor").put("x", cursor.x()).put("y", cursor.y());
        event.put("ts", now);
        io.getRoomOperations(groupId).sendEvent(EventNames.USER_CURSOR_UPDATED, s.client(), event);
        return ProtocolCodec.object();
    }

    private ObjectNode tool(SocketSession s, JsonNode p) {
        String tool = ProtocolRules.tool(object(p).get("tool"));
        String groupId = requireGroup(s);
        GroupRegistry.Changed reactivated =
                registry.activity(groupId, s.user().userId(), null, tool, clock.wallMillis(), clock.monoNanos());
        if (reactivated != null) {
            broadcastPresence(reactivated, s.client());
        }
        io.getRoomOperations(groupId)
                .sendEvent(
                        EventNames.USER_TOOL_CHANGED,
                        s.client(),
                        ProtocolCodec.object()
                                .put("groupId", groupId)
                                .put("userId", s.user().userId())
                                .put("tool", tool));
        return ProtocolCodec.object().put("tool", tool);
    }

    private ObjectNode heartbeat(SocketSession s, JsonNode p) {
        JsonNode ts = object(p).get("ts");
        if (ts == null || !ts.isNumber() || !Double.isFinite(ts.doubleValue())) {
            throw ProtocolViolation.invalid("ts must be a number");
        }
        ObjectNode ack = ProtocolCodec.object();
        ack.set("ts", ts);
        ack.put("serverTime", now());
        s.client().sendEvent(EventNames.HEARTBEAT_ACK, ack);
        return ack.deepCopy();
    }

    private ObjectNode relay(SocketSession s, JsonNode p) {
        object(p);
        JsonNode nameNode = p.get("event");
        String event =
                ProtocolRules.customEvent(nameNode != null && nameNode.isTextual() ? nameNode.textValue() : null);
        JsonNode data = p.has("data") ? p.get("data") : ProtocolCodec.mapper().nullNode();
        ProtocolRules.customData(data, ProtocolCodec.sizeOf(data));
        String target = s.groupId();
        JsonNode g = p.get("groupId");
        if (g != null && !g.isNull()) {
            String asked = ProtocolRules.groupId(g, "groupId");
            if (!asked.equals(target)) {
                throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "not in group " + asked);
            }
        }
        if (target == null) {
            throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "join a group first");
        }
        long now = clock.wallMillis();
        GroupRegistry.Changed reactivated =
                registry.activity(target, s.user().userId(), null, null, now, clock.monoNanos());
        if (reactivated != null) {
            broadcastPresence(reactivated, s.client());
        }
        Collection<SocketIOClient> room = io.getRoomOperations(target).getClients();
        ObjectNode out = ProtocolCodec.object().put("from", s.user().userId()).put("groupId", target);
        out.set("data", data);
        out.put("ts", now);
        io.getRoomOperations(target).sendEvent(event, s.client(), out);
        return ProtocolCodec.object().put("delivered", Math.max(0, room.size() - 1));
    }

    private void leaveCurrent(SocketSession s, String reason, boolean notifySelf) {
        String groupId = s.groupId();
        if (groupId == null) {
            return;
        }
        synchronized (membership) {
            s.groupId(null);
            s.client().leaveRoom(groupId);
            GroupRegistry.Left left = registry.leave(groupId, s.id(), s.user().userId());
            if (left.lastSocket()) {
                io.getRoomOperations(groupId)
                        .sendEvent(
                                EventNames.USER_LEFT,
                                ProtocolCodec.object()
                                        .put("groupId", groupId)
                                        .put("userId", s.user().userId())
                                        .put("reason", reason));
            }
        }
        if (notifySelf) {
            s.client().sendEvent(EventNames.GROUP_LEFT, ProtocolCodec.object().put("groupId", groupId));
        }
    }

    private void broadcastPresence(GroupRegistry.Changed changed, SocketIOClient except) {
        ObjectNode event = ProtocolCodec.object().put("groupId", changed.groupId());
        event.set("user", changed.user());
        if (except == null) {
            io.getRoomOperations(changed.groupId()).sendEvent(EventNames.USER_PRESENCE_UPDATED, event);
        } else {
            io.getRoomOperations(changed.groupId()).sendEvent(EventNames.USER_PRESENCE_UPDATED, except, event);
        }
    }

    private void scheduleSweep() {
        if (closed) {
            return;
        }
        sweepTimer = clock.schedule(config.sweepInterval(), () -> {
            try {
                for (GroupRegistry.Changed c : registry.sweep(
                        clock.monoNanos(), config.inactivityTimeout().toNanos())) {
                    broadcastPresence(c, null);
                }
            } catch (RuntimeException e) {
                LOG.error("inactivity sweep failed", e);
            } finally {
                scheduleSweep();
            }
        });
    }

    private static void reply(AckRequest ack, ObjectNode body) {
        if (ack.isAckRequested()) {
            ack.sendAckData(body);
        }
    }

    private static ObjectNode error(String code, String message, String event) {
        return ProtocolCodec.object().put("code", code).put("message", message).put("event", event);
    }

    private static ObjectNode failure(String code, String message) {
        ObjectNode o = ProtocolCodec.object().put("ok", false);
        o.putObject("error").put("code", code).put("message", message);
        return o;
    }

    private String now() {
        return Instant.ofEpochMilli(clock.wallMillis()).toString();
    }

    // ------------------------------------------------------------------ HTTP API

    @Override
    public boolean authorized(String bearerToken) {
        return serviceKeys.accepts(bearerToken);
    }

    @Override
    public ObjectNode health() {
        return ProtocolCodec.object()
                .put("status", "ok")
                .put("connections", sessions.size())
                .put("groups", registry.groupCount())
                .set("handshakes", handshakes.toJson(deadline.pending()));
    }

    @Override
    public ObjectNode overview() {
        ObjectNode o = ProtocolCodec.object();
        o.set("groups", registry.summary());
        o.put("connections", sessions.size());
        return o;
    }

    @Override
    public ObjectNode group(String groupId) {
        ObjectNode o = ProtocolCodec.object().put("groupId", groupId);
        o.set("members", registry.members(groupId));
        return o;
    }

    @Override
    public int emit(String event, JsonNode data, String groupId) {
        ObjectNode payload = ProtocolCodec.object().put("from", "server").put("groupId", groupId);
        payload.set("data", data);
        payload.put("ts", clock.wallMillis());
        if (groupId != null) {
            int n = io.getRoomOperations(groupId).getClients().size();
            io.getRoomOperations(groupId).sendEvent(event, payload);
            return n;
        }
        int n = 0;
        for (SocketSession s : sessions.all()) {
            s.client().sendEvent(event, payload);
            n++;
        }
        return n;
    }

    /** Stops accepting, disconnects everyone, and stops every thread and timer it started. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Clock.Cancellable t = sweepTimer;
        if (t != null) {
            t.cancel();
        }
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
