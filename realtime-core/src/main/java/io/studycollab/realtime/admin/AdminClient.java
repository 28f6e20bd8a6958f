package io.studycollab.realtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.thread.EventThread;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of a server's admin namespace, the one {@code @socket.io/admin-ui}'s {@code instrument()}
 * adds (and our own server, with {@code serve --admin}). It keeps an {@link AdminModel} up to date
 * and tells listeners what changed. Read-only unless {@link AdminOptions#allowActions()}: actions
 * are then prepared as {@link PendingAction}s and sent only when confirmed.
 *
 * <p>Threading: socket.io calls back on its one global event thread; the model is updated there and
 * listeners are called there, so they must only hand work off. {@link #close()} stops the socket
 * and the OkHttp client it owns.
 */
public final class AdminClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminClient.class);

    private final AdminOptions options;
    private final Clock clock;
    private final OkHttpClient http;
    private final AdminModel model = new AdminModel();
    private final List<Consumer<List<AdminChange>>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<AdminSnapshot> ready = new CompletableFuture<>();
    private final AdminAuth auth = new AdminAuth();
    private volatile Socket socket;
    private boolean configSeen;
    private boolean statsSeen;

    public AdminClient(AdminOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.http = RealtimeClient.newHttpClient();
    }

    public AdminOptions options() {
        return options;
    }

    /**
     * Connects to {@code url} (the server's base URL, e.g. {@code http://127.0.0.1:3000}); the future
     * completes with the first full snapshot (features, the socket list when the server sends one,
     * and the first stats) or fails with the server's refusal ("invalid credentials").
     */
    public CompletableFuture<AdminSnapshot> connect(String url) {
        URI base = URI.create(url);
        if (options.username() != null) {
            auth.put("username", options.username());
            auth.put("password", options.password().reveal());
        }
        IO.Options o = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(true)
                .setPath(options.path())
                .setTransports(
                        options.websocketOnly() ? new String[] {"websocket"} : new String[] {"polling", "websocket"})
                .build();
        o.auth = auth;
        o.callFactory = http;
        o.webSocketFactory = http;
        Socket s = IO.socket(base.resolve(options.namespace()), o);
        socket = s;
        s.on(Socket.EVENT_CONNECT_ERROR, a -> {
            String why = a.length > 0 && a[0] instanceof JSONObject j
                    ? j.optString("message", "refused")
                    : a.length > 0 && a[0] instanceof Exception e ? e.getMessage() : "connection refused";
            if (!ready.isDone()) {
                ready.completeExceptionally(new AdminConnectException(why));
                s.close();
            }
        });
        s.on("session", a -> {
            // A reconnect presents the session id the server handed out, as the official UI does.
            if (a.length > 0 && a[0] instanceof String id) {
                auth.put("sessionId", id);
            }
        });
        s.onAnyIncoming(this::onIncoming);
        s.connect();
        return ready;
    }

    private void onIncoming(Object... a) {
        if (a.length == 0 || !(a[0] instanceof String event)) {
            return;
        }
        List<JsonNode> args = new ArrayList<>(a.length - 1);
        for (int i = 1; i < a.length; i++) {
            JsonNode tree = ProtocolCodec.fromWire(a[i]).tree();
            args.add(tree == null ? ProtocolCodec.mapper().nullNode() : tree);
        }
        List<AdminChange> changes;
        try {
            changes = model.apply(event, args, clock.wallMillis());
        } catch (RuntimeException e) {
            LOG.warn("admin event {} could not be applied: {}", event, e.toString());
            return;
        }
        configSeen |= "config".equals(event);
        statsSeen |= "server_stats".equals(event);
        if (!ready.isDone() && configSeen && statsSeen) {
            AdminSnapshot snap = model.snapshot();
            if (snap.socketsKnown() || !snap.features().contains("ALL_EVENTS")) {
                ready.complete(snap);
            }
        }
        if (!changes.isEmpty()) {
            for (Consumer<List<AdminChange>> l : listeners) {
                try {
                    l.accept(changes);
                } catch (RuntimeException e) {
                    LOG.warn("admin change listener failed", e);
                }
            }
        }
    }

    /** Called on socket.io's event thread with each batch of changes: hand work off, never block. */
    public Runnable onChanges(Consumer<List<AdminChange>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Publishes every change to {@code hub} as a server-side record ({@link AdminRecords}). */
    public Runnable publishTo(EventHub hub) {
        return onChanges(changes -> {
            for (AdminChange c : changes) {
                hub.publish(AdminRecords.toRecord(c, options.namespace(), clock.monoNanos()));
            }
        });
    }

    public AdminModel model() {
        return model;
    }

    public AdminSnapshot snapshot() {
        return model.snapshot();
    }

    public boolean connected() {
        Socket s = socket;
        return s != null && s.connected();
    }

    /** Disconnect one socket (the Engine.IO connection stays unless {@code closeConnection}). */
    public PendingAction prepareDisconnect(String namespace, String socketId, boolean closeConnection) {
        require("DISCONNECT");
        return new PendingAction(
                "disconnect socket " + socketId + who(namespace, socketId) + " in " + namespace
                        + (closeConnection ? " and close its connection" : ""),
                "_disconnect",
                List.of(namespace, closeConnection, socketId),
                this::send);
    }

    /** Make one socket join a room. */
    public PendingAction prepareJoin(String namespace, String socketId, String room) {
        require("JOIN");
        return new PendingAction(
                "make socket " + socketId + who(namespace, socketId) + " join room " + room + " in " + namespace,
                "join",
                List.of(namespace, room, socketId),
                this::send);
    }

    /** Make one socket leave a room. */
    public PendingAction prepareLeave(String namespace, String socketId, String room) {
        require("LEAVE");
        return new PendingAction(
                "make socket " + socketId + who(namespace, socketId) + " leave room " + room + " in " + namespace,
                "leave",
                List.of(namespace, room, socketId),
                this::send);
    }

    private void require(String feature) {
        if (!options.allowActions()) {
            throw new IllegalStateException("read-only: admin actions were not allowed for this connection");
        }
        Set<String> f = model.features();
        if (!f.contains(feature)) {
            throw new IllegalStateException("the server does not offer " + feature + " (it offers " + f + ")");
        }
    }

    private String who(String namespace, String socketId) {
        AdminSocket s = model.snapshot().socket(namespace, socketId);
        return s == null || s.userId() == null
                ? ""
                : " (" + (s.displayName() != null ? s.displayName() : s.userId()) + ")";
    }

    private void send(PendingAction action) {
        Socket s = socket;
        if (s == null) {
            throw new IllegalStateException("not connected");
        }
        s.emit(action.event(), action.args().toArray());
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        listeners.clear();
        if (!ready.isDone()) {
            ready.completeExceptionally(new AdminConnectException("closed"));
        }
        if (s != null) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            EventThread.exec(() -> {
                try {
                    s.off();
                    s.io().off();
                    s.close();
                } finally {
                    done.complete(null);
                }
            });
            try {
                done.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("admin socket close: {}", e.toString());
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Refused by the server or never reached. */
    public static final class AdminConnectException extends RuntimeException {
        public AdminConnectException(String message) {
            super(message);
        }
    }

    /** The handshake auth map (sent in CONNECT); its toString masks everything so no log line shows it. */
    private static final class AdminAuth extends HashMap<String, String> {
        @Override
        public String toString() {
            return "{credentials masked}";
        }
    }
}
