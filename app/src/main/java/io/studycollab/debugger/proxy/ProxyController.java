package io.studycollab.debugger.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.window.LiveSession;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.ProxyConfig;
import io.studycollab.realtime.proxy.ProxyConnection;
import io.studycollab.realtime.proxy.ProxyServer;
import io.studycollab.realtime.proxy.breakpoint.Breakpoint;
import io.studycollab.realtime.proxy.breakpoint.PausedPacket;
import io.studycollab.realtime.proxy.rules.PacketMatch;
import io.studycollab.realtime.proxy.rules.Rule;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.time.Clock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Proxy mode in the window: starts and stops the intercepting proxy (off the FX thread), feeds its
 * records into the window's one hub (so they reach the history, the log and recordings like every
 * other record), keeps the breakpoints and lanes in {@link ProxyModel}, injects, and keeps the
 * delivery matrix. Owns the proxy: {@link #close()} stops it.
 */
public final class ProxyController implements AutoCloseable {

    private final LiveSession session;
    private final Tasks tasks;
    private final ProxyModel model = new ProxyModel();
    private final MatrixFeed matrix;
    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList();
    // headless drop/delay rules: one thread-safe set, kept across runs of the proxy
    private final RuleSet ruleSet = new RuleSet();
    private final ObservableList<Rule> rules = FXCollections.observableArrayList();
    private volatile ProxyServer server;
    private boolean closed;

    /** {@code viewingFile} tells when the window shows a recording (the matrix is then folded from it). */
    public ProxyController(LiveSession session, EventLogModel log, Tasks tasks, BooleanSupplier viewingFile) {
        this.session = session;
        this.tasks = tasks;
        this.matrix = new MatrixFeed(session.hub(), session.clock(), log, tasks, viewingFile);
        FxEventPump pump = session.pump();
        pump.onBatch(model::onBatch);
        pump.every(FxEventPump.Phase.MODELS, Duration.ofMillis(250), now -> refresh());
        pump.every(FxEventPump.Phase.MODELS, Duration.ofMillis(500), now -> matrix.tick());
        model.autoReleaseSecondsProperty().addListener((o, a, s) -> {
            ProxyServer p = server;
            if (p != null && s.longValue() > 0) {
                p.breakpoints().autoRelease(Duration.ofSeconds(s.longValue()));
            }
        });
    }

    private void refresh() {
        ProxyServer p = server;
        if (p != null) {
            // the registry and the paused set are concurrent maps: reading them never waits on the proxy
            model.refresh(
                    p.connections().live(),
                    p.breakpoints().paused(),
                    session.clock().wallMillis());
        }
    }

    /**
     * Starts the proxy on {@code port} (0: any free one) in front of {@code target}; says why beside the
     * button when either is not right or the port is taken.
     */
    public void start(String port, String target) {
        if (server != null || model.busyProperty().get()) {
            return;
        }
        int p;
        URI uri;
        try {
            p = Integer.parseInt(port.isBlank() ? "0" : port.trim());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            model.problem("The listen port is a number from 0 (any free port) to 65535");
            return;
        }
        try {
            uri = URI.create(target.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            model.problem("The target is the real server's URL, e.g. http://127.0.0.1:3000");
            return;
        }
        Duration release = Duration.ofSeconds(
                Math.max(1, model.autoReleaseSecondsProperty().get()));
        ProxyConfig config = ProxyConfig.of(p, uri).withAutoRelease(release);
        EventHub hub = session.hub();
        Clock clock = session.clock();
        List<PacketMatch> keep = breakpoints.stream().map(Breakpoint::match).toList();
        model.busy(true);
        model.problem("");
        tasks.create(() -> ProxyServer.start(config, clock, hub::publish, ruleSet))
                .onSuccess(started -> {
                    if (closed) {
                        started.close(); // the window closed while it was starting
                        return;
                    }
                    server = started;
                    breakpoints.clear();
                    keep.forEach(this::addBreakpoint); // breakpoints set while stopped apply now
                    matrix.reset();
                    model.started(started.url());
                })
                .onError(Exception.class, e -> model.problem("Could not start: " + e.getMessage()))
                .andFinally(() -> model.busy(false))
                .run();
    }

    /** Stops the proxy; its clients see their connections close (the real app reconnects directly or not). */
    public void stop() {
        ProxyServer p = server;
        if (p == null) {
            return;
        }
        server = null;
        model.busy(true);
        tasks.run(p::close)
                .andFinally(() -> {
                    model.busy(false);
                    model.stopped();
                })
                .run();
    }

    /** Adds a breakpoint (kept while the proxy is stopped and set again when it starts). */
    public Breakpoint addBreakpoint(PacketMatch match) {
        ProxyServer p = server;
        Breakpoint b = p != null ? p.breakpoints().add(match) : new Breakpoint(-breakpoints.size() - 1, match);
        breakpoints.add(b);
        return b;
    }

    public void removeBreakpoint(Breakpoint b) {
        ProxyServer p = server;
        if (p != null) {
            p.breakpoints().remove(b);
        }
        breakpoints.remove(b);
    }

    /** Adds a drop or delay rule: it acts on every matching packet without asking (recorded as proxy:rule). */
    public void addRule(Rule rule) {
        ruleSet.add(rule);
        rules.add(rule);
    }

    public void removeRule(Rule rule) {
        ruleSet.remove(rule);
        rules.remove(rule);
    }

    public ObservableList<Rule> rules() {
        return rules;
    }

    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }

    /**
     * Injects {@code event} with {@code args} into the live connection {@code connId}: down as if from
     * the server, up as if its client sent it. Completes with the ack's arguments when {@code withAck}.
     */
    public CompletableFuture<JsonNode> inject(
            String connId, Flow flow, String nsp, String event, List<JsonNode> args, boolean withAck) {
        ProxyServer p = server;
        ProxyConnection c = p == null ? null : p.connections().byId(connId);
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no live connection " + connId));
        }
        return p.injector().inject(c, flow, nsp, event, args, withAck);
    }

    /** Resolves a paused packet: forwards it, forwards {@code edited} in its place, or drops it. */
    public void resolve(PausedPacket packet, PauseAction action, String edited) {
        switch (action) {
            case FORWARD -> packet.forward();
            case FORWARD_EDITED -> packet.forwardEdited(edited);
            case DROP -> packet.drop();
        }
        refresh();
    }

    /** What the user does with a paused packet. */
    public enum PauseAction {
        FORWARD,
        FORWARD_EDITED,
        DROP
    }

    public ProxyModel model() {
        return model;
    }

    public MatrixFeed matrix() {
        return matrix;
    }

    /** The running proxy, or null (for tests). */
    public ProxyServer server() {
        return server;
    }

    @Override
    public void close() {
        closed = true;
        ProxyServer p = server;
        server = null;
        if (p != null) {
            p.close();
        }
        matrix.close();
    }
}
