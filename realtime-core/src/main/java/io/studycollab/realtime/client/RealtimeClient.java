package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.socket.thread.EventThread;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.time.Clock;
import io.studycollab.realtime.time.Throttler;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
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
 *
 * <p>This class is the façade: it checks what callers ask for and hops onto the event thread; the
 * work is done by {@link Connection} and the parts it wires (state machine, socket factory,
 * outbound queue, transmitter, heartbeats, token expiry watch, inbound handler, live token swap).
 */
public final class RealtimeClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeClient.class);

    private final EventHub hub;
    private final ClientOptions options;
    private final Connection connection;
    private final Throttler<Payloads.Cursor> cursorThrottle;
    private volatile ConnectionSnapshot snapshot = ConnectionSnapshot.initial();

    public RealtimeClient(EventHub hub, Clock clock, ClientOptions options) {
        this.hub = hub;
        this.options = options;
        this.connection = new Connection(hub::publish, clock, options, this::onLoop, this::refreshSnapshot);
        this.cursorThrottle = new Throttler<>(
                clock, options.cursorInterval(), c -> send(EventNames.CURSOR_UPDATE, ProtocolCodec.toTree(c), false));
    }

    /**
     * An OkHttp client fit for Socket.IO: many connections per host (virtual users poll in parallel)
     * and a read timeout above the server's ping interval plus timeout.
     */
    public static OkHttpClient newHttpClient() {
        return SocketFactory.newHttpClient();
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
            connection.target = connectTarget;
            if (!connection.closed) {
                connection.connect(url, token, connectTarget, StateCause.CONNECT_REQUESTED, "connecting to " + url);
            }
        });
    }

    /** Disconnects on purpose; no retry. The current group is remembered for {@link #reconnect()}. */
    public void disconnect() {
        onLoop(() -> connection.disconnect(StateCause.USER_DISCONNECT, "disconnected by user"));
    }

    /** Connects again now, with a fresh attempt count (and the token last set). */
    public void reconnect() {
        onLoop(() -> {
            if (!connection.closed && connection.url != null) {
                connection.connect(null, null, null, StateCause.USER_RECONNECT, "manual reconnect");
            }
        });
    }

    /** Replaces the token used by the next connection attempt (after AUTH_EXPIRED, say). */
    public void setToken(AccessToken newToken) {
        onLoop(() -> connection.tokens.set(newToken));
    }

    /**
     * Where every (re)connect takes its token from, e.g. a self-refreshing Supabase session; the
     * token given to {@code connect} is used only while this returns null. Called on the event
     * thread: it must not block.
     */
    public void setTokenSupplier(Supplier<AccessToken> supplier) {
        onLoop(() -> connection.tokens.supplier(supplier));
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
        onLoop(() -> connection.reauthenticate(newToken, done));
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
        return checked(EventNames.GROUP_JOIN, () -> OutboundPayloads.join(group), true);
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
            String groupId = connection.group.groupId();
            if (groupId == null) {
                result.completeExceptionally(new RealtimeException(ErrorCodes.NOT_IN_GROUP, "not in a group"));
                return;
            }
            connection.sendOrQueue(
                    new OfflineQueue.Pending(event, ProtocolCodec.object().put("groupId", groupId), result));
        });
        return result;
    }

    public CompletableFuture<AckReply> updatePresence(Payloads.PresenceUpdate update) {
        return checked(EventNames.PRESENCE_UPDATE, () -> OutboundPayloads.presence(update), true);
    }

    /** Moves our cursor. Throttled (20/s by default); the latest position wins, nothing stale is sent. */
    public void updateCursor(double x, double y) {
        ProtocolRules.coordinate(x, "x");
        ProtocolRules.coordinate(y, "y");
        cursorThrottle.submit(new Payloads.Cursor(x, y));
    }

    public CompletableFuture<AckReply> changeTool(String tool) {
        return checked(EventNames.TOOL_CHANGE, () -> OutboundPayloads.tool(tool), true);
    }

    /** Sends a custom event to our group through {@code event:emit}. */
    public CompletableFuture<AckReply> emit(String event, JsonNode data, boolean wantAck) {
        return checked(EventNames.EVENT_EMIT, () -> OutboundPayloads.custom(event, data), wantAck);
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

    /** Sends what {@code payload} builds, or fails with the rule it breaks (nothing is sent then). */
    private CompletableFuture<AckReply> checked(String event, Supplier<JsonNode> payload, boolean wantAck) {
        try {
            return send(event, payload.get(), wantAck);
        } catch (ProtocolViolation v) {
            return CompletableFuture.failedFuture(new RealtimeException(v.code(), v.getMessage()));
        }
    }

    private CompletableFuture<AckReply> send(String event, JsonNode payload, boolean wantAck) {
        CompletableFuture<AckReply> ack = wantAck ? new CompletableFuture<>() : null;
        onLoop(() -> connection.sendOrQueue(new OfflineQueue.Pending(event, payload, ack)));
        return ack != null ? ack : CompletableFuture.completedFuture(null);
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
        return connection.state.onChange(listener);
    }

    private void onLoop(Runnable task) {
        EventThread.exec(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("realtime client task failed; the client carries on", e);
            }
        });
    }

    private void refreshSnapshot() {
        snapshot = Snapshots.of(connection);
    }

    /** Disconnects, fails what is still queued, and releases the HTTP client if it is ours. */
    @Override
    public void close() {
        CountDownLatch done = new CountDownLatch(1);
        Runnable shutdown = () -> {
            try {
                connection.shutdown();
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
        connection.sockets.close();
    }

    @Override
    public String toString() {
        ConnectionSnapshot s = snapshot;
        return "RealtimeClient[" + s.state() + " " + s.url() + " group=" + s.groupId() + "]";
    }
}
