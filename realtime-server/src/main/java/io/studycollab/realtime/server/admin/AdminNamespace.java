package io.studycollab.realtime.server.admin;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.MultiTypeArgs;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.server.transport.RawEventJsonSupport;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO admin namespace on our netty-socketio server, speaking the protocol of
 * {@code @socket.io/admin-ui} 0.5 so the official Admin UI and our {@code inspect} read it alike:
 * {@code session}, {@code config}, {@code server_stats} every 2 s, {@code all_sockets} and the
 * socket and room changes (from {@link SocketScanner}), {@code event_received}, and the actions
 * {@code join}, {@code leave} and {@code _disconnect}.
 *
 * <p>The server hooks it in with one call and closes it; everything else about the server it
 * learns from netty-socketio and the {@link SocketView.Directory} it is given.
 */
public final class AdminNamespace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminNamespace.class);

    private final SocketIOServer io;
    private final AdminConfig config;
    private final SocketView.Directory directory;
    private final Clock clock;
    private final SocketIONamespace admin;
    private final SocketScanner scanner = new SocketScanner();
    private final Map<UUID, SocketIOClient> admins = new ConcurrentHashMap<>();
    private final AdminAuth auth;
    private final AdminActions actions;
    private final long startedNanos;
    private final String serverId;
    private volatile Clock.Cancellable scanTimer;
    private volatile Clock.Cancellable statsTimer;
    private volatile boolean closed;

    private AdminNamespace(SocketIOServer io, AdminConfig config, SocketView.Directory directory, Clock clock) {
        this.io = io;
        this.config = config;
        this.directory = directory;
        this.clock = clock;
        this.startedNanos = clock.monoNanos();
        this.serverId = config.serverId() != null ? config.serverId() : AdminStats.hostname();
        this.auth = new AdminAuth(config);
        this.actions = new AdminActions(io, directory);
        this.admin = io.addNamespace(config.namespace());
        admin.addAuthTokenListener(this::authenticate);
        admin.addDisconnectListener(c -> admins.remove(c.getSessionId()));
        admin.addMultiTypeEventListener(RawEventJsonSupport.ANY_EVENT, this::onAction, Object.class);
        if (config.development()) {
            ((Namespace) io.getNamespace(Namespace.DEFAULT_NAME)).addEventInterceptor(this::onClientEvent);
        }
    }

    /** Adds the admin namespace to {@code io} (before it starts) and starts its timers. */
    public static AdminNamespace install(
            SocketIOServer io, AdminConfig config, SocketView.Directory directory, Clock clock) {
        AdminNamespace a = new AdminNamespace(io, config, directory, clock);
        a.scheduleScan();
        a.scheduleStats();
        return a;
    }

    // ------------------------------------------------------------------ handshake

    private AuthTokenResult authenticate(Object authData, SocketIOClient client) {
        AdminAuth.Verdict verdict = auth.check(authData, client.getRemoteAddress());
        if (!verdict.admitted()) {
            return verdict.refusal();
        }
        admins.put(client.getSessionId(), client);
        // Sent after netty-socketio writes the CONNECT packet, which it does once this returns.
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        Runnable greet = () -> greet(client, verdict.newSession());
        if (loop != null) {
            loop.execute(greet);
        } else {
            greet.run();
        }
        return AuthTokenResult.AuthTokenResultSuccess;
    }

    private void greet(SocketIOClient client, String session) {
        if (session != null) {
            client.sendEvent("session", session);
        }
        client.sendEvent("config", features());
        if (config.development()) {
            ArrayNode all;
            synchronized (scanner) {
                publish(scanner.scan(sources(), clock.wallMillis()));
                all = scanner.all(sources());
            }
            client.sendEvent("all_sockets", all);
        }
        client.sendEvent("server_stats", stats());
    }

    private JsonNode features() {
        ArrayNode f = ProtocolCodec.mapper().createArrayNode();
        if (!config.readonly()) {
            f.add("JOIN")
                    .add("LEAVE")
                    .add("DISCONNECT")
                    .add("MJOIN")
                    .add("MLEAVE")
                    .add("MDISCONNECT");
        }
        if (config.development()) {
            f.add("ALL_EVENTS");
        }
        return ProtocolCodec.object().set("supportedFeatures", f);
    }

    // ------------------------------------------------------------------ actions

    private void onAction(SocketIOClient from, MultiTypeArgs args, AckRequest ack) {
        if (config.readonly() || !admins.containsKey(from.getSessionId()) || args.isEmpty()) {
            return;
        }
        if (actions.run(args)) {
            clock.schedule(Duration.ZERO, this::scanNow);
        }
    }

    // ------------------------------------------------------------------ events and changes

    private void onClientEvent(NamespaceClient client, String name, List<Object> args, AckRequest ack) {
        if (admins.isEmpty() || directory.describe(client.getSessionId()) == null) {
            return;
        }
        ArrayNode eventArgs = ProtocolCodec.mapper().createArrayNode();
        for (Object o : args) {
            eventArgs.add(o instanceof JsonNode n ? n : ProtocolCodec.toTree(o));
        }
        sendToAdmins(
                "event_received",
                List.of(
                        "/",
                        client.getSessionId().toString(),
                        eventArgs,
                        Instant.ofEpochMilli(clock.wallMillis()).toString()));
    }

    private List<SocketScanner.Source> sources() {
        List<SocketScanner.Source> s = new ArrayList<>(2);
        s.add(new SocketScanner.Source(
                "/",
                io.getNamespace(Namespace.DEFAULT_NAME).getAllClients(),
                c -> directory.describe(c.getSessionId()) != null,
                directory));
        s.add(new SocketScanner.Source(
                config.namespace(), admin.getAllClients(), c -> admins.containsKey(c.getSessionId()), null));
        return s;
    }

    private void scanNow() {
        if (closed) {
            return;
        }
        try {
            synchronized (scanner) {
                List<SocketScanner.Emit> changes = scanner.scan(sources(), clock.wallMillis());
                if (config.development()) {
                    publish(changes);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("admin scan failed", e);
        }
    }

    private void publish(List<SocketScanner.Emit> changes) {
        for (SocketScanner.Emit e : changes) {
            sendToAdmins(e.event(), e.args());
        }
    }

    private void sendToAdmins(String event, List<Object> args) {
        Object[] a = args.toArray();
        for (SocketIOClient c : admins.values()) {
            c.sendEvent(event, a);
        }
    }

    private JsonNode stats() {
        return AdminStats.of(
                serverId,
                (clock.monoNanos() - startedNanos) / 1e9,
                scanner.count("/") + scanner.count(config.namespace()),
                List.of(
                        new AdminStats.Count("/", scanner.count("/")),
                        new AdminStats.Count(config.namespace(), scanner.count(config.namespace()))),
                io.getNamespace(Namespace.DEFAULT_NAME).getAllClients());
    }

    private void scheduleScan() {
        if (closed) {
            return;
        }
        scanTimer = clock.schedule(config.scanInterval(), () -> {
            try {
                if (!admins.isEmpty()) {
                    scanNow();
                }
            } finally {
                scheduleScan();
            }
        });
    }

    private void scheduleStats() {
        if (closed) {
            return;
        }
        statsTimer = clock.schedule(AdminStats.INTERVAL, () -> {
            try {
                if (!admins.isEmpty()) {
                    sendToAdmins("server_stats", List.of(stats()));
                }
            } catch (RuntimeException e) {
                LOG.error("admin stats failed", e);
            } finally {
                scheduleStats();
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        Clock.Cancellable s = scanTimer;
        if (s != null) {
            s.cancel();
        }
        Clock.Cancellable t = statsTimer;
        if (t != null) {
            t.cancel();
        }
        admins.clear();
        auth.clear();
    }
}
