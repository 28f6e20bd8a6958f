package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.thread.EventThread;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.events.PacketInfo;
import io.studycollab.realtime.protocol.EncodedPayload;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.InboundValidator;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.time.Clock;
import io.studycollab.realtime.time.Throttler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the StudyCollab realtime protocol on socket.io-client-java.
 *
 * <p>Threading: every piece of mutable state is confined to socket.io's {@code EventThread};
 * public methods may be called from any thread and hop onto it. Nothing here blocks that thread.
 * Inbound, outbound and local events go to the {@link EventHub} as {@link EventRecord}s;
 * listeners registered with {@link #on} run on the hub's dispatch thread, state-change listeners
 * on the event thread (keep them short).
 *
 * <p>Reconnection is ours, not socket.io's: {@link ReconnectPolicy} decides the waits, a refused
 * token or a server-side disconnect does not retry, and after every (re)connect the client
 * rejoins its group and then sends what was queued while offline, in order.
 */
public final class RealtimeClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeClient.class);

    private final EventHub hub;
    private final Clock clock;
    private final ClientOptions options;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final HeartbeatMonitor heartbeat;
    private final OfflineQueue queue;
    private final IngressGate ingress;
    private final Throttler<Payloads.Cursor> cursorThrottle;
    private final CopyOnWriteArrayList<Consumer<StateChange>> stateListeners = new CopyOnWriteArrayList<>();

    // Confined to the event thread.
    private Socket socket;
    private long generation;
    private long generations; // the last generation handed out: current and standby sockets differ
    private java.util.function.Supplier<AccessToken> tokenSupplier;
    private TokenSwap swap; // a live token swap under way, or null
    private Socket draining; // the connection a swap left, until its last events are in
    private long drainMarker; // the heartbeat ts whose ack ends the drain
    private Clock.Cancellable drainTimer;
    private InboundDedup dedup; // while two connections overlap
    private String url;
    private AccessToken token;
    private ConnectTarget target;
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private String reason = "not connected";
    private StateCause cause = StateCause.NONE;
    private String errorCode;
    private String errorMessage;
    private int attempt;
    private long nextRetryAt = -1;
    private boolean rejoining;
    private int flushing; // queued events sent in this flush so far; 0 when not flushing
    private Clock.Cancellable flushTimer;
    private String groupId;
    private String socketId;
    private String userId;
    private String displayName;
    private String transport;
    private long tokenExpiresAt = -1;
    private long lastHeartbeatTs;
    private Clock.Cancellable connectTimer;
    private Clock.Cancellable retryTimer;
    private Clock.Cancellable heartbeatTimer;
    private Clock.Cancellable tokenTimer;
    private boolean closed;

    private volatile ConnectionSnapshot snapshot = ConnectionSnapshot.initial();

    public RealtimeClient(EventHub hub, Clock clock, ClientOptions options) {
        this.hub = hub;
        this.clock = clock;
        this.options = options;
        this.queue = new OfflineQueue(options.offlineQueueCapacity());
        // Unanswered for three intervals: missed (slow links answer late, not never).
        this.heartbeat = new HeartbeatMonitor(options.heartbeatInterval().multipliedBy(3));
        if (options.httpClient() != null) {
            this.http = options.httpClient();
            this.ownsHttp = false;
        } else {
            this.http = newHttpClient();
            this.ownsHttp = true;
        }
        this.ingress = new IngressGate(
                http, clock, hub::publish, IngressGate.DEFAULT_MAX_FRAMES, IngressGate.DEFAULT_MAX_CHARS);
        this.cursorThrottle = new Throttler<>(
                clock, options.cursorInterval(), c -> send(EventNames.CURSOR_UPDATE, ProtocolCodec.toTree(c), false));
    }

    /**
     * An OkHttp client fit for Socket.IO: many connections per host (virtual users poll in parallel)
     * and a read timeout above the server's ping interval plus timeout.
     */
    public static OkHttpClient newHttpClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(2048);
        dispatcher.setMaxRequestsPerHost(2048);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                // Short keep-alive: the pool's cleanup thread ends soon after the last connection closes.
                .connectionPool(new okhttp3.ConnectionPool(16, 2, java.util.concurrent.TimeUnit.SECONDS))
                .readTimeout(Duration.ofMinutes(1))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    // ---------------------------------------------------------------- connection

    /**
     * Connects to {@code url} (e.g. {@code http://127.0.0.1:3000}) with {@code token}. Joins nothing
     * yet. A null token sends an empty handshake {@code auth}, which a conforming server refuses
     * with AUTH_MISSING.
     */
    public void connect(String url, AccessToken token) {
        connect(url, token, ConnectTarget.of(options));
    }

    /** Connects with a path, transports and headers of its own (a saved server profile's). */
    public void connect(String url, AccessToken token, ConnectTarget connectTarget) {
        URI.create(url); // fail fast on a malformed URL, on the caller's thread
        onLoop(() -> {
            this.target = connectTarget;
            if (closed) {
                return;
            }
            closeSocket();
            if (!url.equals(this.url)) {
                groupId = null;
            }
            this.url = url;
            this.token = token;
            attempt = 0;
            errorCode = null;
            errorMessage = null;
            transition(ConnectionState.CONNECTING, StateCause.CONNECT_REQUESTED, "connecting to " + url, null, 0, -1);
            openSocket();
        });
    }

    /** Disconnects on purpose; no retry. The current group is remembered for {@link #reconnect()}. */
    public void disconnect() {
        onLoop(() -> {
            closeSocket();
            attempt = 0;
            if (state != ConnectionState.DISCONNECTED) {
                transition(
                        ConnectionState.DISCONNECTED, StateCause.USER_DISCONNECT, "disconnected by user", null, 0, -1);
            }
        });
    }

    /** Connects again now, with a fresh attempt count (and the token last set). */
    public void reconnect() {
        onLoop(() -> {
            if (closed || url == null) {
                return;
            }
            closeSocket();
            attempt = 0;
            transition(ConnectionState.CONNECTING, StateCause.USER_RECONNECT, "manual reconnect", null, 0, -1);
            openSocket();
        });
    }

    /** Replaces the token used by the next connection attempt (after AUTH_EXPIRED, say). */
    public void setToken(AccessToken newToken) {
        onLoop(() -> this.token = newToken);
    }

    /**
     * Where every (re)connect takes its token from, e.g. a self-refreshing Supabase session; the
     * token given to {@code connect} is used only while this returns null. Called on the event
     * thread: it must not block.
     */
    public void setTokenSupplier(java.util.function.Supplier<AccessToken> supplier) {
        onLoop(() -> this.tokenSupplier = supplier);
    }

    /**
     * Moves the live connection to {@code newToken} without a drop: a second connection is opened
     * with it and joins the group while the first still carries everything; then sends switch to
     * the new one, the old one is drained (a heartbeat round trip, so every event already on its
     * way arrives) and closed. What is sent meanwhile waits in the offline queue; events both
     * connections receive are shown once; the others in the group never see us leave. When not
     * connected the token is just kept for the next connect. The future fails with the reason
     * when the new token is refused, and the old connection carries on until its token expires.
     */
    public CompletableFuture<Void> reauthenticate(AccessToken newToken) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            token = newToken;
            if (closed || state != ConnectionState.CONNECTED || socket == null) {
                done.complete(null);
                return;
            }
            if (swap != null) {
                abortSwap(swap, "superseded by a newer token");
            }
            startSwap(newToken, done);
        });
        return done;
    }

    public ConnectionState state() {
        return snapshot.state();
    }

    public ConnectionSnapshot snapshot() {
        return snapshot;
    }

    public ClientOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- protocol commands

    public CompletableFuture<AckReply> joinGroup(String group) {
        try {
            ProtocolRules.groupId(group);
        } catch (ProtocolViolation v) {
            return CompletableFuture.failedFuture(new RealtimeException(v.code(), v.getMessage()));
        }
        ObjectNode payload = ProtocolCodec.object().put("groupId", group);
        return send(EventNames.GROUP_JOIN, payload, true);
    }

    /** Leaves the current group. */
    public CompletableFuture<AckReply> leaveGroup() {
        return sendToCurrentGroup(EventNames.GROUP_LEAVE);
    }

    /** Asks the server for the current members of our group ({@code group:presence}). */
    public CompletableFuture<AckReply> requestPresence() {
        return sendToCurrentGroup(EventNames.GROUP_PRESENCE);
    }

    /** {@code event { groupId: <current> }} with an ack, or NOT_IN_GROUP when in none. */
    private CompletableFuture<AckReply> sendToCurrentGroup(String event) {
        CompletableFuture<AckReply> result = new CompletableFuture<>();
        onLoop(() -> {
            if (groupId == null) {
                result.completeExceptionally(new RealtimeException(ErrorCodes.NOT_IN_GROUP, "not in a group"));
                return;
            }
            sendOrQueue(new OfflineQueue.Pending(event, ProtocolCodec.object().put("groupId", groupId), result));
        });
        return result;
    }

    public CompletableFuture<AckReply> updatePresence(Payloads.PresenceUpdate update) {
        try {
            if (update.currentTool() != null) {
                ProtocolRules.tool(update.currentTool());
            }
            if (update.cursor() != null) {
                ProtocolRules.coordinate(update.cursor().x(), "x");
                ProtocolRules.coordinate(update.cursor().y(), "y");
            }
        } catch (ProtocolViolation v) {
            return CompletableFuture.failedFuture(new RealtimeException(v.code(), v.getMessage()));
        }
        return send(EventNames.PRESENCE_UPDATE, ProtocolCodec.toTree(update), true);
    }

    /** Moves our cursor. Throttled (20/s by default); the latest position wins, nothing stale is sent. */
    public void updateCursor(double x, double y) {
        ProtocolRules.coordinate(x, "x");
        ProtocolRules.coordinate(y, "y");
        cursorThrottle.submit(new Payloads.Cursor(x, y));
    }

    public CompletableFuture<AckReply> changeTool(String tool) {
        try {
            ProtocolRules.tool(tool);
        } catch (ProtocolViolation v) {
            return CompletableFuture.failedFuture(new RealtimeException(v.code(), v.getMessage()));
        }
        return send(EventNames.TOOL_CHANGE, ProtocolCodec.object().put("tool", tool), true);
    }

    /** Sends a custom event to our group through {@code event:emit}. */
    public CompletableFuture<AckReply> emit(String event, JsonNode data, boolean wantAck) {
        try {
            ProtocolRules.customEvent(event);
            JsonNode d = data == null ? com.fasterxml.jackson.databind.node.NullNode.instance : data;
            ProtocolRules.customData(d, ProtocolCodec.sizeOf(d));
            ObjectNode payload = ProtocolCodec.object().put("event", event);
            payload.set("data", d);
            return send(EventNames.EVENT_EMIT, payload, wantAck);
        } catch (ProtocolViolation v) {
            return CompletableFuture.failedFuture(new RealtimeException(v.code(), v.getMessage()));
        }
    }

    /**
     * Sends any event with any payload, unchecked: the debugger's way to see how a server treats
     * what the protocol forbids. Queued while offline like everything else.
     */
    public CompletableFuture<AckReply> sendRaw(String event, JsonNode payload, boolean wantAck) {
        if (event == null || event.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("event name is empty"));
        }
        return send(event, payload, wantAck);
    }

    // ---------------------------------------------------------------- listeners

    /** Inbound (and client-local) events named {@code event}, as records, on the hub's thread. */
    public EventHub.Subscription on(String event, Consumer<EventRecord> handler) {
        return hub.subscribe(batch -> {
            for (EventRecord r : batch) {
                if (r.direction() != Direction.OUT && r.name().equals(event)) {
                    handler.accept(r);
                }
            }
        });
    }

    /** Inbound events named {@code event} with a valid payload, decoded to {@code type}. */
    public <T> EventHub.Subscription on(String event, Class<T> type, Consumer<T> handler) {
        return on(event, r -> {
            if (!r.malformed() && r.payload() != null) {
                try {
                    handler.accept(ProtocolCodec.fromTree(r.payload(), type));
                } catch (ProtocolViolation ignored) {
                    // already recorded as what it is; typed listeners only see what decodes
                }
            }
        });
    }

    public EventHub.Subscription onStateChange(Consumer<StateChange> listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    // ---------------------------------------------------------------- internals

    private void onLoop(Runnable task) {
        EventThread.exec(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("realtime client task failed; the client carries on", e);
            }
        });
    }

    private CompletableFuture<AckReply> send(String event, JsonNode payload, boolean wantAck) {
        CompletableFuture<AckReply> ack = wantAck ? new CompletableFuture<>() : null;
        onLoop(() -> sendOrQueue(new OfflineQueue.Pending(event, payload, ack)));
        return ack != null ? ack : CompletableFuture.completedFuture(null);
    }

    private boolean connectedAndJoined() {
        return state == ConnectionState.CONNECTED && !rejoining && socket != null && draining == null;
    }

    /** New sends go straight out only when nothing queued is still waiting its turn. */
    private boolean online() {
        return connectedAndJoined() && flushing == 0 && queue.size() == 0;
    }

    private void sendOrQueue(OfflineQueue.Pending pending) {
        if (closed) {
            fail(pending, RealtimeException.CLOSED, "client closed");
            return;
        }
        if (online()) {
            transmit(pending);
            return;
        }
        OfflineQueue.Pending dropped = queue.add(pending);
        if (dropped != null) {
            fail(dropped, RealtimeException.QUEUE_OVERFLOW, "dropped from the full offline queue");
            publishLocal(
                    EventNames.CLIENT_QUEUE_DROPPED,
                    ProtocolCodec.object().put("event", dropped.event()).put("dropped", queue.dropped()));
        }
        refreshSnapshot();
    }

    private static void fail(OfflineQueue.Pending pending, String code, String message) {
        if (pending.ack() != null) {
            pending.ack().completeExceptionally(new RealtimeException(code, message + ": " + pending.event()));
        }
    }

    private void transmit(OfflineQueue.Pending p) {
        EncodedPayload wire = EncodedPayload.of(p.payload()); // the only serialisation (JacksonEventEncoder)
        publish(Direction.OUT, p.event(), p.payload(), wire.sizeBytes(), null);
        if (p.ack() == null) {
            socket.emit(p.event(), wire);
            return;
        }
        long sentAt = clock.monoNanos();
        Duration timeout = options.ackTimeout();
        Clock.Cancellable timer = clock.schedule(
                timeout,
                () -> p.ack()
                        .completeExceptionally(new RealtimeException(
                                RealtimeException.ACK_TIMEOUT,
                                "no acknowledgement for " + p.event() + " within " + timeout.toMillis() + " ms")));
        socket.emit(p.event(), new Object[] {wire}, (Ack) args -> onLoop(() -> {
            timer.cancel();
            ProtocolCodec.Decoded d = ProtocolCodec.fromWire(args.length > 0 ? args[0] : null);
            AckReply reply = AckReply.of(d.tree());
            ObjectNode body = ProtocolCodec.object()
                    .put("event", p.event())
                    .put("rttMs", (clock.monoNanos() - sentAt) / 1_000_000.0);
            body.set("reply", d.tree());
            publishLocal(EventNames.CLIENT_ACK, body);
            p.ack().complete(reply);
        }));
    }

    private Socket newSocket(AccessToken auth, long gen) {
        IO.Options o = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTimeout(-1) // our own timer, on the injected clock
                .setPath(target.path())
                .setTransports(target.transports().stream().map(Transport::wire).toArray(String[]::new))
                .setAuth(auth == null ? new HashMap<>() : new HashMap<>(Map.of("token", auth.reveal())))
                .setExtraHeaders(headers())
                .build();
        o.callFactory = http;
        o.webSocketFactory = ingress;
        o.encoder = new JacksonEventEncoder();
        o.decoder = new JacksonEventDecoder((packet, why) -> {
            if (gen == generation) {
                onUndecodable(packet, why);
            }
        });
        return IO.socket(target.socketUri(url), o);
    }

    private void openSocket() {
        long gen = ++generations;
        generation = gen;
        if (tokenSupplier != null) {
            AccessToken supplied = tokenSupplier.get();
            if (supplied != null) {
                token = supplied;
            }
        }
        Socket s;
        try {
            s = newSocket(token, gen);
        } catch (RuntimeException e) {
            transition(ConnectionState.FAILED, StateCause.BAD_URL, "bad server URL: " + e.getMessage(), null, 0, -1);
            return;
        }
        socket = s;
        transport = null;
        listen(s, gen);
        Duration timeout = options.connectTimeout();
        connectTimer = clock.schedule(
                timeout,
                () -> onLoop(() -> {
                    if (gen == generation && state != ConnectionState.CONNECTED) {
                        publishLocal(
                                EventNames.CLIENT_CONNECT_ERROR,
                                ProtocolCodec.object()
                                        .put("code", "TIMEOUT")
                                        .put("message", "no connection within " + timeout.toMillis() + " ms"));
                        closeSocket();
                        retryOrFail(
                                StateCause.CONNECT_TIMEOUT,
                                "connect timeout after " + timeout.toMillis() + " ms",
                                "TIMEOUT");
                    }
                }));
        s.connect();
    }

    /** The current connection's listeners; each ignores callbacks once {@code gen} is no longer current. */
    private void listen(Socket s, long gen) {
        s.on(
                Socket.EVENT_CONNECT,
                a -> onLoop(() -> {
                    if (gen == generation) {
                        onConnected();
                    }
                }));
        s.on(
                Socket.EVENT_CONNECT_ERROR,
                a -> onLoop(() -> {
                    if (gen == generation) {
                        onConnectError(a.length > 0 ? a[0] : null);
                    }
                }));
        s.on(
                Socket.EVENT_DISCONNECT,
                a -> onLoop(() -> {
                    if (gen == generation) {
                        onDisconnected(a.length > 0 ? String.valueOf(a[0]) : "unknown");
                    }
                }));
        s.onAnyIncoming(a -> {
            if (gen == generation && (dedup == null || dedup.firstCopy(gen, InboundDedup.fingerprint(a)))) {
                onIncoming(a);
            }
        });
        s.io().on(Manager.EVENT_TRANSPORT, a -> {
            if (a.length > 0 && a[0] instanceof io.socket.engineio.client.Transport t) {
                transport = t.name;
            }
        });
    }

    // ---------------------------------------------------------------- live token swap

    private void startSwap(AccessToken newToken, CompletableFuture<Void> done) {
        long gen = ++generations;
        Socket standby;
        try {
            standby = newSocket(newToken, gen);
        } catch (RuntimeException e) {
            done.completeExceptionally(new RealtimeException("SWAP_FAILED", e.getMessage()));
            return;
        }
        TokenSwap sw = new TokenSwap(standby, gen, groupId, done);
        swap = sw;
        if (dedup == null) {
            dedup = new InboundDedup();
        }
        standby.on(
                Socket.EVENT_CONNECT,
                a -> onLoop(() -> {
                    if (swap == sw) {
                        standbyConnected(sw);
                    }
                }));
        standby.on(
                Socket.EVENT_CONNECT_ERROR,
                a -> onLoop(() -> {
                    if (swap == sw) {
                        Object e = a.length > 0 ? a[0] : null;
                        String why = e instanceof JSONObject j
                                ? j.optString("message") + " " + String.valueOf(j.optJSONObject("data"))
                                : String.valueOf(e);
                        abortSwap(sw, "the new token was refused: " + why);
                    }
                }));
        standby.on(
                Socket.EVENT_DISCONNECT,
                a -> onLoop(() -> {
                    if (swap == sw) {
                        abortSwap(sw, "the new connection dropped: " + (a.length > 0 ? a[0] : "unknown"));
                    }
                }));
        standby.onAnyIncoming(a -> {
            if (swap != sw) {
                return;
            }
            if (!sw.joined) {
                sw.joined = EventNames.GROUP_JOINED.equals(String.valueOf(a[0]));
                return;
            }
            if (dedup.firstCopy(gen, InboundDedup.fingerprint(a))) {
                onIncoming(a);
            }
        });
        Duration timeout = options.connectTimeout();
        sw.timeout = clock.schedule(
                timeout,
                () -> onLoop(() -> {
                    if (swap == sw) {
                        abortSwap(sw, "the new connection was not ready within " + timeout.toMillis() + " ms");
                    }
                }));
        standby.connect();
    }

    private void standbyConnected(TokenSwap sw) {
        if (sw.group == null) {
            switchTo(sw);
            return;
        }
        Object wire = EncodedPayload.of(ProtocolCodec.object().put("groupId", sw.group));
        sw.socket.emit(EventNames.GROUP_JOIN, new Object[] {wire}, (Ack) args -> onLoop(() -> {
            if (swap != sw) {
                return;
            }
            AckReply reply = AckReply.of(
                    ProtocolCodec.fromWire(args.length > 0 ? args[0] : null).tree());
            if (!reply.ok()) {
                abortSwap(sw, "the new connection could not join " + sw.group + ": " + reply.errorCode());
            } else if (!sw.group.equals(groupId)) {
                abortSwap(sw, "the group changed during the swap");
            } else {
                switchTo(sw);
            }
        }));
    }

    /** The new connection is in the group: it becomes the current one, the old one drains. */
    private void switchTo(TokenSwap sw) {
        cancel(sw.timeout);
        swap = null;
        Socket old = socket;
        long oldGen = generation;
        cancel(heartbeatTimer);
        cancel(tokenTimer);
        cancel(flushTimer);
        heartbeatTimer = tokenTimer = flushTimer = null;
        flushing = 0;
        sw.socket.off();
        sw.socket.offAnyIncoming();
        socket = sw.socket;
        generation = sw.generation;
        socketId = socket.id();
        listen(socket, generation);
        // The old connection stays until the server answers a heartbeat on it: everything it sent
        // there before (broadcasts from before the new one joined) has arrived by then.
        old.off();
        old.offAnyIncoming();
        old.io().off();
        draining = old;
        drainMarker = Math.max(clock.wallMillis(), lastHeartbeatTs + 1);
        lastHeartbeatTs = drainMarker;
        old.onAnyIncoming(a -> {
            if (draining != old) {
                return;
            }
            if (EventNames.HEARTBEAT_ACK.equals(String.valueOf(a[0]))
                    && a.length > 1
                    && ProtocolCodec.fromWire(a[1]).tree().path("ts").asLong() == drainMarker) {
                onLoop(this::endDrain);
                return;
            }
            if (dedup.firstCopy(oldGen, InboundDedup.fingerprint(a))) {
                onIncoming(a);
            }
        });
        old.emit(EventNames.HEARTBEAT, EncodedPayload.of(ProtocolCodec.object().put("ts", drainMarker)));
        drainTimer = clock.schedule(
                options.ackTimeout(),
                () -> onLoop(() -> {
                    if (draining == old) {
                        endDrain();
                    }
                }));
        startHeartbeat(generation);
        scheduleTokenWarning(generation);
        ObjectNode body = ProtocolCodec.object().put("ok", true);
        if (tokenExpiresAt > 0) {
            body.put("expiresAt", Instant.ofEpochMilli(tokenExpiresAt).toString());
        }
        publishLocal(EventNames.CLIENT_TOKEN_SWAPPED, body);
        refreshSnapshot();
        sw.done.complete(null);
    }

    private void endDrain() {
        if (draining == null) {
            return;
        }
        cancel(drainTimer);
        drainTimer = null;
        Socket old = draining;
        draining = null;
        dedup = null;
        old.off();
        old.disconnect();
        flushQueue();
    }

    private void abortSwap(TokenSwap sw, String why) {
        cancel(sw.timeout);
        if (swap == sw) {
            swap = null;
        }
        sw.socket.off();
        sw.socket.disconnect();
        if (draining == null) {
            dedup = null;
        }
        ObjectNode body = ProtocolCodec.object().put("ok", false).put("reason", why);
        if (tokenExpiresAt > 0) {
            body.put(
                    "currentTokenExpiresAt",
                    Instant.ofEpochMilli(tokenExpiresAt).toString());
        }
        publishLocal(EventNames.CLIENT_TOKEN_SWAPPED, body);
        sw.done.completeExceptionally(new RealtimeException("SWAP_FAILED", why));
    }

    private Map<String, List<String>> headers() {
        Map<String, List<String>> out = new HashMap<>();
        target.extraHeaders().forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    private void closeSocket() {
        generation = ++generations;
        if (swap != null) {
            abortSwap(swap, "the connection closed");
        }
        if (draining != null) {
            draining.off();
            draining.disconnect();
            draining = null;
            cancel(drainTimer);
            drainTimer = null;
        }
        dedup = null;
        cancel(connectTimer);
        cancel(retryTimer);
        cancel(heartbeatTimer);
        cancel(tokenTimer);
        cancel(flushTimer);
        connectTimer = retryTimer = heartbeatTimer = tokenTimer = flushTimer = null;
        flushing = 0;
        rejoining = false;
        nextRetryAt = -1;
        if (socket != null) {
            Socket s = socket;
            socket = null;
            s.off();
            s.io().off();
            s.disconnect();
        }
        socketId = null;
        heartbeat.reset();
    }

    private static void cancel(Clock.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    private void onConnected() {
        cancel(connectTimer);
        connectTimer = null;
        boolean again = attempt > 0 || state == ConnectionState.RECONNECTING;
        attempt = 0;
        nextRetryAt = -1;
        socketId = socket.id();
        errorCode = null;
        errorMessage = null;
        transition(
                ConnectionState.CONNECTED,
                again ? StateCause.RECONNECTED : StateCause.CONNECTED,
                again ? "reconnected" : "connected",
                null,
                0,
                -1);
        startHeartbeat(generation);
        scheduleTokenWarning(generation);
        if (groupId != null) {
            rejoin(groupId);
        } else {
            flushQueue();
        }
    }

    private void rejoin(String group) {
        rejoining = true;
        CompletableFuture<AckReply> ack = new CompletableFuture<>();
        long gen = generation;
        ack.whenComplete((reply, error) -> onLoop(() -> {
            if (gen != generation) {
                return;
            }
            ObjectNode body = ProtocolCodec.object().put("groupId", group);
            if (error != null) {
                body.put("ok", false).put("code", error instanceof RealtimeException re ? re.code() : "ERROR");
            } else {
                body.put("ok", reply.ok());
                if (!reply.ok()) {
                    body.put("code", reply.errorCode());
                    if (ErrorCodes.FORBIDDEN.equals(reply.errorCode())) {
                        groupId = null;
                    }
                }
            }
            publishLocal(EventNames.CLIENT_REJOINED, body);
            rejoining = false;
            flushQueue();
        }));
        transmit(new OfflineQueue.Pending(
                EventNames.GROUP_JOIN, ProtocolCodec.object().put("groupId", group), ack));
    }

    /**
     * Sends what was queued while offline, in order: a burst at once, the rest paced below the
     * server's rate limit so none of it is dropped. Sends made meanwhile queue up behind.
     */
    private void flushQueue() {
        if (!connectedAndJoined() || flushTimer != null) {
            return;
        }
        if (queue.size() == 0) {
            if (flushing > 0) {
                publishLocal(
                        EventNames.CLIENT_QUEUE_FLUSHED,
                        ProtocolCodec.object()
                                .put("count", flushing)
                                .put("dropped", queue.dropped())
                                .put("coalesced", queue.coalesced()));
                flushing = 0;
            }
            refreshSnapshot();
            return;
        }
        int now = flushing == 0 ? Math.max(1, options.flushBurst()) : 1;
        for (int i = 0; i < now && queue.size() > 0; i++) {
            transmit(queue.poll());
            flushing++;
        }
        refreshSnapshot();
        long gen = generation;
        long intervalNanos = (long) (1_000_000_000L / Math.max(0.001, options.flushRatePerSecond()));
        flushTimer = clock.schedule(
                queue.size() == 0 ? Duration.ZERO : Duration.ofNanos(intervalNanos),
                () -> onLoop(() -> {
                    flushTimer = null;
                    if (gen == generation) {
                        flushQueue();
                    }
                }));
    }

    private void onConnectError(Object error) {
        cancel(connectTimer);
        connectTimer = null;
        ConnectError refused = ConnectError.of(error);
        String code = refused.code();
        String message = refused.message();
        ObjectNode body = ProtocolCodec.object().put("message", message);
        body.put("code", code);
        publishLocal(EventNames.CLIENT_CONNECT_ERROR, body);
        errorCode = code;
        errorMessage = message;
        closeSocket();
        if (ErrorCodes.isAuth(code)) {
            transition(
                    ConnectionState.FAILED,
                    StateCause.AUTH_REFUSED,
                    "refused: " + code + " (" + message + "); set a new token and reconnect",
                    code,
                    attempt,
                    -1);
        } else {
            retryOrFail(StateCause.CONNECT_ERROR, "connect error: " + message, code);
        }
    }

    private void onDisconnected(String why) {
        boolean wasConnected = state == ConnectionState.CONNECTED;
        cancel(heartbeatTimer);
        heartbeatTimer = null;
        if (wasConnected) {
            publishLocal(EventNames.CONNECTION_LOST, ProtocolCodec.object().put("reason", why));
        }
        switch (why) {
            case "io client disconnect" -> {
                /* ours: disconnect() already moved the state */
            }
            case "io server disconnect" -> {
                closeSocket();
                String detail = errorCode != null
                        ? " (" + errorCode + (errorMessage != null ? ": " + errorMessage : "") + ")"
                        : "";
                transition(
                        ConnectionState.DISCONNECTED,
                        StateCause.SERVER_DISCONNECT,
                        "server closed the connection" + detail + "; not retrying, reconnect manually",
                        errorCode,
                        0,
                        -1);
            }
            default -> {
                closeSocket();
                retryOrFail(StateCause.CONNECTION_LOST, "connection lost: " + why, null);
            }
        }
    }

    private void retryOrFail(StateCause cause, String why, String code) {
        attempt++;
        ReconnectPolicy policy = options.reconnectPolicy();
        if (!policy.allows(attempt)) {
            transition(
                    ConnectionState.FAILED,
                    StateCause.GAVE_UP,
                    why + "; gave up after " + (attempt - 1) + " retries",
                    code,
                    attempt - 1,
                    -1);
            return;
        }
        Duration delay = policy.delayFor(attempt);
        nextRetryAt = clock.wallMillis() + delay.toMillis();
        long gen = generation;
        retryTimer = clock.schedule(
                delay,
                () -> onLoop(() -> {
                    if (gen == generation && !closed) {
                        nextRetryAt = -1;
                        openSocket();
                    }
                }));
        transition(ConnectionState.RECONNECTING, cause, why, code, attempt, delay.toMillis());
    }

    private void startHeartbeat(long gen) {
        sendHeartbeat();
        heartbeatTimer = clock.schedule(
                options.heartbeatInterval(),
                () -> onLoop(() -> {
                    if (gen == generation && state == ConnectionState.CONNECTED) {
                        startHeartbeat(gen);
                    }
                }));
    }

    private void sendHeartbeat() {
        long ts = Math.max(clock.wallMillis(), lastHeartbeatTs + 1);
        lastHeartbeatTs = ts;
        heartbeat.sent(ts, clock.monoNanos());
        transmit(new OfflineQueue.Pending(
                EventNames.HEARTBEAT, ProtocolCodec.object().put("ts", ts), null));
        refreshSnapshot();
    }

    private void scheduleTokenWarning(long gen) {
        Instant expires;
        if (token == null) {
            return;
        }
        try {
            expires = TokenClaims.decode(token).expiresAt();
        } catch (IllegalArgumentException e) {
            return; // not a JWT we can read; the server decides
        }
        if (expires == null) {
            return;
        }
        tokenExpiresAt = expires.toEpochMilli();
        long warnIn = tokenExpiresAt - options.tokenWarningBefore().toMillis() - clock.wallMillis();
        tokenTimer = clock.schedule(
                Duration.ofMillis(Math.max(0, warnIn)),
                () -> onLoop(() -> {
                    if (gen == generation) {
                        long left = Math.max(0, tokenExpiresAt - clock.wallMillis());
                        publishLocal(
                                EventNames.CLIENT_TOKEN_EXPIRING,
                                ProtocolCodec.object()
                                        .put(
                                                "expiresAt",
                                                Instant.ofEpochMilli(tokenExpiresAt)
                                                        .toString())
                                        .put("secondsLeft", left / 1000));
                    }
                }));
    }

    private static final int MALFORMED_PACKET_SHOWN = 4096;

    /**
     * Records an inbound event with every argument it carried, in order (the library hands them all
     * over, an ack callback last when the server asked for one), and reacts to the protocol's own.
     */
    private void onIncoming(Object[] args) {
        try {
            String name = String.valueOf(args[0]);
            boolean wantsAck = args.length > 1 && args[args.length - 1] instanceof Ack;
            ProtocolCodec.Arguments a = ProtocolCodec.fromArguments(args, 1, wantsAck ? args.length - 1 : args.length);
            InboundValidator.Verdict verdict = InboundValidator.verdict(name, a.tree(), a.count());
            String problem = a.problem() != null ? a.problem() : verdict.problem();
            EventRecord r = EventRecord.of(
                    Direction.IN,
                    name,
                    a.tree(),
                    a.sizeBytes(),
                    problem,
                    clock.wallMillis(),
                    clock.monoNanos(),
                    userId);
            if (r.category() != verdict.category()) {
                r = r.withCategory(verdict.category());
            }
            if (a.count() != 1 || !"/".equals(target.namespace())) {
                r = r.withPacket(new PacketInfo(null, target.namespace(), -1, a.count()));
            }
            hub.publish(r);
            if (problem == null && verdict.category() != EventCategory.OTHER) {
                react(name, a.tree());
            }
        } catch (RuntimeException e) {
            LOG.error("could not record an inbound event; carrying on", e);
        }
    }

    private void onUndecodable(String packet, String why) {
        String shown = packet.length() <= MALFORMED_PACKET_SHOWN
                ? packet
                : packet.substring(0, MALFORMED_PACKET_SHOWN) + "… (" + packet.length() + " characters)";
        publish(
                Direction.IN,
                EventNames.CLIENT_MALFORMED_PACKET,
                JsonNodeFactory.instance.textNode(shown),
                packet.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                "Socket.IO packet that cannot be decoded: " + why);
    }

    private void react(String name, JsonNode p) {
        switch (name) {
            case EventNames.CONNECTION_ESTABLISHED -> {
                userId = p.path("userId").asText(null);
                displayName = p.path("displayName").asText(null);
                socketId = p.path("socketId").asText(socketId);
            }
            case EventNames.HEARTBEAT_ACK -> heartbeat.acked(p.path("ts").asLong(), clock.monoNanos());
            case EventNames.CONNECTION_ERROR -> {
                errorCode = p.path("code").asText(null);
                errorMessage = p.path("message").asText(null);
            }
            case EventNames.GROUP_JOINED -> groupId = p.path("groupId").asText();
            case EventNames.GROUP_LEFT -> {
                if (p.path("groupId").asText().equals(groupId)) {
                    groupId = null;
                }
            }
            default -> {
                return;
            }
        }
        refreshSnapshot();
    }

    private void publish(Direction direction, String name, JsonNode payload, int size, String problem) {
        hub.publish(
                EventRecord.of(direction, name, payload, size, problem, clock.wallMillis(), clock.monoNanos(), userId));
    }

    private void publishLocal(String name, JsonNode payload) {
        publish(Direction.LOCAL, name, payload, ProtocolCodec.sizeOf(payload), null);
    }

    private void transition(
            ConnectionState to, StateCause cause, String why, String code, int attemptNo, long retryInMillis) {
        ConnectionState from = state;
        state = to;
        reason = why;
        if (code != null) {
            errorCode = code;
        }
        StateChange change = new StateChange(from, to, why, code, attemptNo, retryInMillis, clock.wallMillis(), cause);
        this.cause = cause;
        refreshSnapshot();
        ObjectNode body = ProtocolCodec.object()
                .put("from", from.name())
                .put("to", to.name())
                .put("cause", cause.name())
                .put("reason", why)
                .put("attempt", attemptNo)
                .put("retryInMs", retryInMillis);
        body.put("code", code);
        publishLocal(EventNames.CLIENT_STATE, body);
        if (to != ConnectionState.CONNECTED) {
            LOG.info("connection {} -> {}: {}", from, to, why);
        }
        for (Consumer<StateChange> l : stateListeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.error("state listener failed", e);
            }
        }
    }

    private void refreshSnapshot() {
        boolean isOnline = state == ConnectionState.CONNECTED;
        snapshot = new ConnectionSnapshot(
                state,
                reason,
                errorCode,
                errorMessage,
                attempt,
                options.reconnectPolicy().maxAttempts(),
                nextRetryAt,
                url,
                isOnline ? transport : null,
                socketId,
                userId,
                displayName,
                groupId,
                heartbeat.averageRttMillis(),
                heartbeat.jitterMillis(),
                heartbeat.missedTotal(),
                heartbeat.quality(isOnline),
                queue.size(),
                queue.dropped(),
                tokenExpiresAt,
                cause);
    }

    /** Disconnects, fails what is still queued, and releases the HTTP client if it is ours. */
    @Override
    public void close() {
        CountDownLatch done = new CountDownLatch(1);
        Runnable shutdown = () -> {
            try {
                if (!closed) {
                    closed = true;
                    closeSocket();
                    for (OfflineQueue.Pending p : queue.drain()) {
                        fail(p, RealtimeException.CLOSED, "client closed");
                    }
                    if (state != ConnectionState.DISCONNECTED) {
                        transition(
                                ConnectionState.DISCONNECTED, StateCause.CLIENT_CLOSED, "client closed", null, 0, -1);
                    }
                }
            } finally {
                done.countDown();
            }
        };
        if (EventThread.isCurrent()) {
            shutdown.run();
        } else {
            EventThread.exec(shutdown);
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cursorThrottle.close();
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        ConnectionSnapshot s = snapshot;
        return "RealtimeClient[" + s.state() + " " + s.url() + " group=" + s.groupId() + "]";
    }
}
