package io.studycollab.debugger.server;

import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.realtime.admin.AdminClient;
import io.studycollab.realtime.admin.AdminOptions;
import io.studycollab.realtime.admin.AdminPassword;
import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.admin.PendingAction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The Server tab's commands: connect to a server's admin namespace (read-only unless asked), show
 * what it reports, prepare admin actions for confirmation, and cross-check the server's room
 * membership with our presence. Owns the {@link AdminClient} and the {@link ServerFeed}; its FX work
 * is one refresh every {@value #REFRESH_MILLIS} ms on the window's pump, however fast the server
 * reports changes.
 */
public final class ServerTabController implements AutoCloseable {

    static final long REFRESH_MILLIS = 200;

    /** Where and how to connect; the password only travels to the {@link AdminClient}, never kept here. */
    public record ConnectRequest(
            String url, String namespace, String username, AdminPassword password, boolean allowActions) {}

    private final ServerTabModel model = new ServerTabModel();
    private final ServerFeed feed;
    private final EventHub hub;
    private final Clock clock;
    private final Tasks tasks;
    private final FxEventPump.Registration refresh;
    private final FxEventPump pump;
    private final Supplier<String> clientServer;
    private AdminClient client;
    private String adminUrl;
    private Runnable unpublish = () -> {};
    private boolean closed;

    /**
     * @param presence     the presence our client folded, for the cross-check
     * @param clientServer on the FX thread: the server our client is connected to, null when it is not;
     *                     the cross-check runs only when that is the admin namespace's server
     */
    public ServerTabController(
            EventHub hub,
            Supplier<PresenceSnapshot> presence,
            Supplier<String> clientServer,
            Clock clock,
            FxEventPump pump,
            Tasks tasks) {
        this.hub = hub;
        this.clientServer = clientServer;
        this.tasks = tasks;
        this.clock = clock;
        this.pump = pump;
        this.feed = new ServerFeed(clock);
        feed.setWatch(new DivergenceWatch(presence, hub, clock));
        refresh = pump.every(FxEventPump.Phase.MODELS, Duration.ofMillis(REFRESH_MILLIS), now -> refresh());
    }

    /** The window's frame loop, for the tab's views (its split keeps its proportions on it). */
    FxEventPump pump() {
        return pump;
    }

    private void refresh() {
        feed.compare(adminUrl, clientServer.get());
        model.show(feed.poll(model.queryProperty().get()));
        AdminClient c = client;
        if (c != null && model.connectedProperty().get() != c.connected()) {
            if (c.connected()) {
                model.connected(describe(c), c.options().allowActions());
            } else {
                model.status("Lost the admin connection; reconnecting… (last known state shown)");
                model.lost();
            }
        }
    }

    public ServerTabModel model() {
        return model;
    }

    /** The embedded sandbox runs its admin namespace: fill in its URL and connect, read-only. */
    public void sandboxStarted(String url) {
        model.suggestUrl(url);
        if (client == null) {
            connect(new ConnectRequest(url, AdminOptions.DEFAULT_NAMESPACE, null, null, false));
        }
    }

    /** Connects (replacing any admin connection); says how it went in the model's status. */
    public void connect(ConnectRequest r) {
        disconnect();
        String url = r.url() == null ? "" : r.url().trim();
        if (!url.matches("(?i)https?://\\S+")) {
            model.status(
                    url.isEmpty()
                            ? "Enter the server's URL (http://…), where its admin namespace runs."
                            : "\"" + url + "\" is not a server URL: it must start with http:// or https://.");
            return;
        }
        AdminOptions options;
        try {
            String ns = r.namespace() == null || r.namespace().isBlank()
                    ? AdminOptions.DEFAULT_NAMESPACE
                    : r.namespace().trim();
            options = AdminOptions.defaults().withNamespace(ns).withActionsAllowed(r.allowActions());
            if (r.username() != null && !r.username().isBlank()) {
                if (r.password() == null) {
                    model.status("Enter the admin password for " + r.username().trim() + ".");
                    return;
                }
                options = options.withCredentials(r.username().trim(), r.password());
            }
        } catch (IllegalArgumentException e) {
            model.status(e.getMessage());
            return;
        }
        boolean allowActions = options.allowActions();
        AdminClient c = new AdminClient(options, clock);
        model.active(true);
        client = c;
        adminUrl = url;
        unpublish = c.publishTo(hub);
        c.onChanges(changes -> feed.changed());
        model.status("Connecting to " + url + options.namespace() + "…");
        FxTasks.whenDone(
                c.connect(url),
                snap -> {
                    if (client == c) {
                        feed.setSource(c::snapshot);
                        model.connected(describe(c), allowActions);
                    }
                },
                e -> {
                    if (client == c) {
                        disconnect();
                        model.status("Not connected: " + why(e));
                    }
                });
    }

    /** Shows {@code snapshots} without a connection (the benchmark's synthetic server); read-only. */
    public void showSource(Supplier<AdminSnapshot> snapshots, String description) {
        disconnect();
        feed.setSource(snapshots);
        model.active(true);
        model.connected(description, false);
    }

    /** The model behind the source changed (for {@link #showSource}). */
    public void sourceChanged() {
        feed.changed();
    }

    private static String describe(AdminClient c) {
        AdminOptions o = c.options();
        return "Connected to " + o.namespace() + (o.username() != null ? " as " + o.username() : "")
                + (o.allowActions() ? " · actions allowed" : " · read-only");
    }

    private static String why(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    public void disconnect() {
        AdminClient c = client;
        client = null;
        adminUrl = null;
        unpublish.run();
        unpublish = () -> {};
        feed.setSource(null);
        model.active(false);
        if (c != null) {
            // Closing waits for socket.io's event thread: never on the FX thread's time.
            tasks.run(c::close).run();
            model.disconnected("Disconnected from the admin namespace.");
        }
    }

    /** Disconnect {@code s} (its Engine.IO connection stays up), once confirmed. */
    public PendingAction prepareDisconnect(AdminSocket s) {
        return requireClient().prepareDisconnect(s.namespace(), s.id(), false);
    }

    public PendingAction prepareJoin(AdminSocket s, String room) {
        return requireClient().prepareJoin(s.namespace(), s.id(), room);
    }

    public PendingAction prepareLeave(AdminSocket s, String room) {
        return requireClient().prepareLeave(s.namespace(), s.id(), room);
    }

    private AdminClient requireClient() {
        AdminClient c = client;
        if (c == null || !c.connected()) {
            throw new IllegalStateException("not connected to an admin namespace");
        }
        return c;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        refresh.cancel();
        AdminClient c = client;
        client = null;
        unpublish.run();
        feed.close();
        if (c != null) {
            c.close();
        }
    }
}
