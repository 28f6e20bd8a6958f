package io.studycollab.debugger.qa;

import io.studycollab.debugger.AppVersion;
import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.debugger.window.DebuggerController;
import io.studycollab.debugger.window.LiveSession;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.qa.diagnostics.ConsistencyCheck;
import io.studycollab.realtime.qa.diagnostics.DiagnosticsReport;
import io.studycollab.realtime.qa.netsim.FaultProxy;
import io.studycollab.realtime.qa.netsim.NetworkProfile;
import io.studycollab.realtime.qa.swarm.Swarm;
import io.studycollab.realtime.qa.swarm.SwarmBehaviour;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.session.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The QA tab's commands: a fault proxy in front of our connection (and of some virtual users),
 * the virtual users themselves, and the diagnostics. Owns the proxy and the swarm.
 */
public final class QaController implements QaPanel.Actions, AutoCloseable {

    /** What the QA tools need to know about, and do to, the live connection. */
    public interface Connection {
        /** The server URL we connected to directly, or null before any connection. */
        String directUrl();

        /** Mints tokens for virtual users (the sandbox's or a profile's secret), or null. */
        TokenMinter minter();

        /** Connects again to {@code url} with the same token and options, rejoining {@code group}. */
        void reconnectTo(String url, String group);
    }

    /** Where passing messages and errors go. */
    public interface Notices {
        void info(String message);

        void error(String message);
    }

    private static final String DEFAULT_GROUP = DebuggerController.DEMO_GROUP;

    private final LiveSession session;
    private final RealtimeModel realtime;
    private final Redactor redactor;
    private final Connection connection;
    private final Notices notices;
    private FaultProxy proxy;
    private Swarm swarm;

    public QaController(
            LiveSession session, RealtimeModel realtime, Redactor redactor, Connection connection, Notices notices) {
        this.session = session;
        this.realtime = realtime;
        this.redactor = redactor;
        this.connection = connection;
        this.notices = notices;
    }

    @Override
    public String routeThroughProxy(boolean on) {
        if (connection.directUrl() == null) {
            return "Connect to a server first.";
        }
        String group = realtime.currentGroupIdProperty().get();
        String directUrl = connection.directUrl();
        if (on) {
            try {
                java.net.URI u = java.net.URI.create(directUrl);
                int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
                if ("https".equals(u.getScheme())) {
                    return "The fault proxy forwards plain TCP to http:// servers; this one is https://.";
                }
                proxy = FaultProxy.start(u.getHost(), port);
            } catch (IOException | IllegalArgumentException e) {
                return "The fault proxy could not start: " + e.getMessage();
            }
            proxy.onChange(this::recordProfile);
            connection.reconnectTo(proxy.url(), group);
            recordProfile(proxy.profile());
        } else {
            connection.reconnectTo(directUrl, group);
            closeProxy();
        }
        return null;
    }

    /** A profile switch is an event in the log, like everything else that happens to the connection. */
    private void recordProfile(NetworkProfile p) {
        session.hub()
                .publish(EventRecord.of(
                        io.studycollab.realtime.events.Direction.LOCAL,
                        "netsim:profile",
                        io.studycollab.realtime.protocol.ProtocolCodec.object()
                                .put("profile", p.describe())
                                .put("proxy", proxy == null ? null : proxy.url()),
                        40,
                        null,
                        session.clock().wallMillis(),
                        session.clock().monoNanos(),
                        null));
    }

    @Override
    public void setNetworkProfile(NetworkProfile profile) {
        if (proxy != null) {
            proxy.set(profile);
        }
    }

    /** Stops the proxy; our connection, if it went through it, will see the cut. */
    public void closeProxy() {
        if (proxy != null) {
            FaultProxy p = proxy;
            proxy = null;
            p.close();
        }
    }

    @Override
    public String startSwarm(int users, SwarmBehaviour behaviour, double cursorRate, int throughProxy) {
        if (swarm != null) {
            return "Virtual users are already running.";
        }
        TokenMinter minter = connection.minter();
        if (connection.directUrl() == null || minter == null) {
            return "Virtual users need tokens: use the sandbox, or a profile with a JWT secret.";
        }
        String group = realtime.currentGroupIdProperty().get() != null
                ? realtime.currentGroupIdProperty().get()
                : DEFAULT_GROUP;
        if (throughProxy > 0 && proxy == null) {
            return "Route your connection through the fault proxy first; virtual users share it.";
        }
        String direct = connection.directUrl();
        String viaProxy = proxy == null ? null : proxy.url();
        swarm = Swarm.start(
                i -> i < throughProxy ? viaProxy : direct,
                users,
                i -> minter.mint("virtual-" + (i + 1), "Virtual " + (i + 1), null, null, Duration.ofHours(8)),
                group,
                behaviour,
                cursorRate,
                session.clock(),
                ClientOptions.defaults());
        return null;
    }

    @Override
    public void stopSwarm() {
        if (swarm != null) {
            Swarm s = swarm;
            swarm = null;
            FxTasks.background(
                    "swarm-stop",
                    () -> {
                        s.close();
                        return s;
                    },
                    x -> {},
                    e -> notices.error("Stopping virtual users: " + e.getMessage()));
        }
    }

    @Override
    public SwarmStats swarmStats() {
        return swarm == null ? null : swarm.stats();
    }

    @Override
    public void copyDiagnostics() {
        String report = DiagnosticsReport.build(
                AppVersion.full() + " (realtime-core, realtime-server " + AppVersion.get() + ")",
                realtime.connectionStatusProperty().get(),
                session.history().snapshot(),
                redactor);
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(report);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        notices.info("Diagnostics report copied (" + report.length() + " characters, secrets masked).");
    }

    @Override
    public List<ConsistencyCheck.Finding> checkConsistency() {
        return ConsistencyCheck.run(
                session.history().snapshot(), session.clock().wallMillis());
    }

    @Override
    public double roundTripMillis() {
        io.studycollab.realtime.client.ConnectionSnapshot s =
                realtime.connectionStatusProperty().get();
        return s.state() == io.studycollab.realtime.client.ConnectionState.CONNECTED ? s.rttMillis() : -1;
    }

    @Override
    public List<String> connectionTimeline() {
        java.time.format.DateTimeFormatter f =
                java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneId.systemDefault());
        List<String> out = new ArrayList<>();
        for (EventRecord r : session.history()
                .matching(r -> r.direction() == io.studycollab.realtime.events.Direction.LOCAL
                        && DiagnosticsReport.TIMELINE.contains(r.name()))) {
            String detail = switch (r.name()) {
                case "client:state" ->
                    r.payload().path("to").asText() + " — "
                            + r.payload().path("reason").asText()
                            + (r.payload().path("retryInMs").asLong(-1) >= 0
                                    ? " (retry in "
                                            + r.payload().path("retryInMs").asLong() + " ms)"
                                    : "");
                case "netsim:profile" ->
                    "network " + r.payload().path("profile").asText();
                default -> r.name() + " " + redactor.json(r.payload());
            };
            out.add(f.format(java.time.Instant.ofEpochMilli(r.wallMillis())) + "  " + detail);
        }
        return out.size() > 200 ? out.subList(out.size() - 200, out.size()) : out;
    }

    @Override
    public void close() {
        if (swarm != null) {
            swarm.close();
            swarm = null;
        }
        closeProxy();
    }
}
