package io.studycollab.debugger.qa;

import io.studycollab.debugger.AppVersion;
import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.debugger.window.Dialogs;
import io.studycollab.debugger.window.LiveSession;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.qa.diagnostics.ConsistencyCheck;
import io.studycollab.realtime.qa.diagnostics.DiagnosticsReport;
import io.studycollab.realtime.qa.netsim.FaultProxy;
import io.studycollab.realtime.qa.netsim.NetworkProfile;
import io.studycollab.realtime.qa.swarm.Swarm;
import io.studycollab.realtime.qa.swarm.SwarmBehaviour;
import io.studycollab.realtime.qa.swarm.SwarmShape;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.session.Redactor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The QA tab's commands: a fault proxy in front of our connection (and of some virtual users),
 * the virtual users themselves, and the diagnostics. Owns the proxy and the swarm.
 *
 * <p>{@link #routedProperty()} is the truth about the route: true only while our connection goes
 * through a running proxy. Connecting anywhere else (another profile, the sandbox again) closes the
 * proxy and clears it, so the tab's toggle can never claim a route that no longer exists.
 */
public final class QaController implements QaPanel.Actions, AutoCloseable {

    /** What the QA tools need to know about, and do to, the live connection. */
    public interface Connection {
        /** The server URL we connected to directly, or null before any connection. */
        String directUrl();

        /** Mints tokens for virtual users (the sandbox's or a profile's secret), or null. */
        TokenMinter minter();

        /** Connects again to the same server, through {@code proxyUrl} (null: directly), rejoining {@code group}. */
        void reconnectVia(String proxyUrl, String group);
    }

    private final LiveSession session;
    private final RealtimeModel realtime;
    private final Redactor redactor;
    private final Connection connection;
    private final Dialogs notices;
    private final Tasks tasks;
    private final ConnectionTimeline timeline;
    private final ReadOnlyBooleanWrapper routed = new ReadOnlyBooleanWrapper(false);
    private FaultProxy proxy;
    private Swarm swarm;
    private long swarmStartedNanos;

    public QaController(
            LiveSession session,
            RealtimeModel realtime,
            Redactor redactor,
            Connection connection,
            Dialogs notices,
            Tasks tasks) {
        this.session = session;
        this.realtime = realtime;
        this.redactor = redactor;
        this.connection = connection;
        this.notices = notices;
        this.tasks = tasks;
        this.timeline = new ConnectionTimeline(redactor);
        session.pump().onBatch(timeline::onBatch);
    }

    /** True while our connection goes through the fault proxy. */
    @Override
    public ReadOnlyBooleanProperty routedProperty() {
        return routed.getReadOnlyProperty();
    }

    @Override
    public String routeThroughProxy(boolean on) {
        if (connection.directUrl() == null) {
            return "Connect to a server first.";
        }
        String group = realtime.currentGroupIdProperty().get();
        String directUrl = connection.directUrl();
        if (on == routed.get()) {
            return null;
        }
        if (on) {
            try {
                URI u = URI.create(directUrl);
                int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
                if ("https".equals(u.getScheme())) {
                    return "The fault proxy forwards plain TCP to http:// servers; this one is https://.";
                }
                proxy = FaultProxy.start(u.getHost(), port);
            } catch (IOException | IllegalArgumentException e) {
                return "The fault proxy could not start: " + e.getMessage();
            }
            proxy.onChange(this::recordProfile);
            connection.reconnectVia(proxy.url(), group);
            routed.set(true);
            recordProfile(proxy.profile());
        } else {
            connection.reconnectVia(null, group);
            closeProxy();
        }
        return null;
    }

    /** A profile switch is an event in the log, like everything else that happens to the connection. */
    private void recordProfile(NetworkProfile p) {
        FaultProxy current = proxy;
        session.hub()
                .publish(ProfileSwitch.record(
                        p,
                        current == null ? null : current.url(),
                        session.clock().wallMillis(),
                        session.clock().monoNanos()));
    }

    /**
     * Switches the proxy's network. Back to Normal after the client gave up (Failed) starts a fresh
     * attempt: the user fixed the network, so waiting for a manual Reconnect would only confuse.
     */
    @Override
    public void setNetworkProfile(NetworkProfile profile) {
        if (proxy == null) {
            return;
        }
        proxy.set(profile);
        if (profile instanceof NetworkProfile.Normal
                && realtime.connectionStatusProperty().get().state() == ConnectionState.FAILED) {
            realtime.reconnect();
        }
    }

    /** Stops the proxy; our connection, if it went through it, will see the cut. */
    public void closeProxy() {
        routed.set(false);
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
                : Sandbox.DEMO_GROUP;
        if (throughProxy > 0 && proxy == null) {
            return "Route your connection through the fault proxy first; virtual users share it.";
        }
        String direct = connection.directUrl();
        String viaProxy = proxy == null ? null : proxy.url();
        swarmStartedNanos = session.clock().monoNanos();
        swarm = Swarm.start(
                i -> i < throughProxy ? viaProxy : direct,
                users,
                i -> minter.mint("virtual-" + (i + 1), "Virtual " + (i + 1), null, null, Duration.ofHours(8)),
                group,
                behaviour,
                cursorRate,
                session.clock(),
                ClientOptions.defaults(),
                SwarmShape.defaults());
        return null;
    }

    @Override
    public SwarmFigures stopSwarm() {
        if (swarm == null) {
            return null;
        }
        // Taken before closing: closing disconnects everyone and the figures would say so.
        SwarmFigures last = swarmFigures();
        Swarm s = swarm;
        swarm = null;
        tasks.run(s::close)
                .onError(Exception.class, e -> notices.error("Stopping virtual users: " + e.getMessage()))
                .run();
        return last;
    }

    @Override
    public SwarmStats swarmStats() {
        return swarm == null ? null : swarm.stats();
    }

    @Override
    public SwarmFigures swarmFigures() {
        return swarm == null
                ? null
                : new SwarmFigures(
                        swarm.stats(), Duration.ofNanos(session.clock().monoNanos() - swarmStartedNanos));
    }

    @Override
    public void copyDiagnostics() {
        String report = DiagnosticsReport.build(
                AppVersion.full() + " (realtime-core, realtime-server " + AppVersion.get() + ")",
                realtime.connectionStatusProperty().get(),
                session.history().snapshot(),
                redactor);
        ClipboardContent content = new ClipboardContent();
        content.putString(report);
        Clipboard.getSystemClipboard().setContent(content);
        notices.info("Diagnostics report copied (" + report.length() + " characters, secrets masked).");
    }

    @Override
    public List<ConsistencyCheck.Finding> checkConsistency() {
        return ConsistencyCheck.run(
                session.history().snapshot(), session.clock().wallMillis());
    }

    @Override
    public double roundTripMillis() {
        ConnectionSnapshot s = realtime.connectionStatusProperty().get();
        return s.state() == ConnectionState.CONNECTED ? s.rttMillis() : -1;
    }

    @Override
    public ObservableList<String> connectionTimeline() {
        return timeline.entries();
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
