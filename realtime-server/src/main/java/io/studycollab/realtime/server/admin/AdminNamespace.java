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
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final int MAX_SESSIONS = 1024;

    private final SocketIOServer io;
    private final AdminConfig config;
    private final SocketView.Directory directory;
    private final Clock clock;
    private final SocketIONamespace admin;
    private final SocketScanner scanner = new SocketScanner();
    private final Map<UUID, SocketIOClient> admins = new ConcurrentHashMap<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
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
        if (!config.allowRemote() && !loopback(client.getRemoteAddress())) {
            return refuse("admin namespace is loopback-only");
        }
        Map<?, ?> auth = authData instanceof Map<?, ?> m ? m : Map.of();
        String newSession = null;
        if (config.username() != null) {
            Object sid = auth.get("sessionId");
            boolean knownSession = sid instanceof String s && sessions.contains(s);
            boolean credentials =
                    config.username().equals(auth.get("username")) && config.passwordMatches(auth.get("password"));
            if (!knownSession && !credentials) {
                return refuse("invalid credentials");
            }
            if (!knownSession) {
                newSession = HexFormat.of().formatHex(bytes(8));
                if (sessions.size() >= MAX_SESSIONS) {
                    sessions.clear(); // bounded: old admin sessions log in again
                }
                sessions.add(newSession);
            }
        }
        admins.put(client.getSessionId(), client);
        String session = newSession;
        // Sent after netty-socketio writes the CONNECT packet, which it does once this returns.
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        Runnable greet = () -> greet(client, session);
        if (loop != null) {
            loop.execute(greet);
        } else {
            greet.run();
        }
        return AuthTokenResult.AuthTokenResultSuccess;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static AuthTokenResult refuse(String message) {
        return new AuthTokenResult(false, Map.of("message", message));
    }

    private static boolean loopback(SocketAddress a) {
        return a instanceof InetSocketAddress i
                && i.getAddress() != null
                && i.getAddress().isLoopbackAddress();
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
        List<JsonNode> a = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            a.add((JsonNode) args.get(i));
        }
        String action = a.get(0).asText();
        String nsp = a.size() > 1 ? a.get(1).asText() : "";
        if (!nsp.equals("/")) {
            return; // only the StudyCollab namespace's sockets are acted on
        }
        String filter = a.size() > 3 && a.get(3).isTextual() ? a.get(3).textValue() : null;
        switch (action) {
            case "join" -> targets(filter).forEach(c -> c.joinRoom(a.get(2).asText()));
            case "leave" -> targets(filter).forEach(c -> c.leaveRoom(a.get(2).asText()));
            case "_disconnect" -> targets(filter).forEach(SocketIOClient::disconnect);
            default -> {
                return;
            }
        }
        LOG.info("admin action {} on {} in /", action, filter == null ? "every socket" : filter);
        clock.schedule(java.time.Duration.ZERO, this::scanNow);
    }

    /** Sockets of the default namespace whose id is {@code filter} or that are in room {@code filter}; all when null. */
    private List<SocketIOClient> targets(String filter) {
        List<SocketIOClient> out = new ArrayList<>();
        for (SocketIOClient c : io.getNamespace(Namespace.DEFAULT_NAME).getAllClients()) {
            if (directory.describe(c.getSessionId()) == null) {
                continue;
            }
            if (filter == null
                    || c.getSessionId().toString().equals(filter)
                    || c.getAllRooms().contains(filter)) {
                out.add(c);
            }
        }
        return out;
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
        sessions.clear();
    }
}
