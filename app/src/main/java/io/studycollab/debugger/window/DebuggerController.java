package io.studycollab.debugger.window;

import io.studycollab.debugger.api.ApiPanel;
import io.studycollab.debugger.canvas.CursorCanvas;
import io.studycollab.debugger.connection.ConnectionBar;
import io.studycollab.debugger.connection.ConnectionController;
import io.studycollab.debugger.connection.ConnectionNotifier;
import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.fx.Theme;
import io.studycollab.debugger.notifications.Notices;
import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.debugger.presence.PresenceModel;
import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.profiles.ProfilesController;
import io.studycollab.debugger.profiles.ServerProfile;
import io.studycollab.debugger.proxy.ProxyController;
import io.studycollab.debugger.qa.QaController;
import io.studycollab.debugger.qa.QaPanel;
import io.studycollab.debugger.recording.RecordingController;
import io.studycollab.debugger.replay.ReplayController;
import io.studycollab.debugger.replay.ReplayModel;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.debugger.sandbox.SandboxBoot;
import io.studycollab.debugger.server.ServerTabController;
import io.studycollab.debugger.status.StatsModel;
import io.studycollab.debugger.supabase.SupabaseAccount;
import io.studycollab.debugger.supabase.SupabaseFeature;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;

/**
 * Wires one window: the live session, the models that mirror it on the FX thread, the views, and one
 * controller per area (connection, profiles, recording, replay, QA). Owns all of them, the task
 * executor included, and closes them in {@link #close()}. The pump is the window's one frame loop:
 * models refresh first, then the board draws (see {@link FxEventPump}).
 */
public final class DebuggerController implements AutoCloseable {

    private final Theme theme;
    private final LiveSession session;
    private final Redactor redactor = new Redactor();
    private final RealtimeModel realtime;
    private final GroupModel group = new GroupModel();
    private final PresenceModel presence;
    private final EventLogModel log = new EventLogModel(LiveSession.DEFAULT_LOG_LIMIT);
    private final StatsModel stats = new StatsModel();
    private final Notices notices;
    private final ConnectionNotifier notifier;
    private final Dialogs dialogs;
    private final Tasks tasks;
    private final ReplayModel replay;
    private final ProfilesController profiles;
    private final ConnectionController connection;
    private final RecordingController recording;
    private final ReplayController replays;
    private final QaController qa;
    private final ProxyController proxy;
    private final ConnectionBar connectionBar;
    private final SupabaseAccount supabase;
    private final CursorCanvas canvas;
    // Made when their side tabs are first shown (see WindowViews).
    private QaPanel qaPanel;
    private ApiPanel api;
    private final ServerTabController serverTab;
    private final MainView view;
    private final List<AutoCloseable> alsoOwned = new ArrayList<>();
    private boolean closed;

    /** A window on {@code stage}; saved profiles come from {@code store}, time from {@code clock}. */
    public DebuggerController(Theme theme, Stage stage, ProfileStore store, Clock clock) {
        this.theme = theme;
        session = new LiveSession(ClientOptions.defaults(), clock);
        FxEventPump pump = session.pump();
        realtime = new RealtimeModel(session::client);
        presence = new PresenceModel(realtime, clock);
        notices = new Notices(clock);
        notifier = new ConnectionNotifier(realtime, notices);
        dialogs = new Dialogs(stage, notifier);
        tasks = new Tasks(e -> dialogs.error(String.valueOf(e.getMessage())));
        replay = new ReplayModel(log, group, pump);
        connection = new ConnectionController(session, realtime, redactor, tasks, dialogs);
        recording = new RecordingController(
                session.hub(), session.presence(), realtime, log, redactor, tasks, dialogs, clock);
        replays = new ReplayController(session, realtime, replay, log, group, tasks, dialogs);
        qa = new QaController(session, realtime, redactor, connection, dialogs, tasks);
        proxy = new ProxyController(session, log, tasks, replays::viewingFile);
        connection.onNewRoute(() -> {
            qa.closeProxy(); // that route is over
            if (replays.viewingFile()) {
                replays.backToLive(); // connecting is going live
            }
        });
        List<String> loadProblems = new ArrayList<>();
        profiles = new ProfilesController(store, loadProblems::add);
        connectionBar = new ConnectionBar(
                realtime,
                profiles.profiles(),
                new ConnectionBar.Actions(
                        connection::connect, this::editProfile, this::toggleTheme, connection::setMaxAttempts),
                theme.darkProperty(),
                pump);
        canvas = new CursorCanvas(group, presence::updateCursor);
        canvas.setDark(theme.isDark());
        connection.showProblemsIn(connectionBar::showProblem);
        connection.showTokensIn(connectionBar::showToken);
        connection.showWarningsIn(text ->
                notices.post("weak-jwt-secret", Notices.Kind.WARNING, "Weak JWT secret", text, Duration.ofSeconds(30)));
        serverTab = new ServerTabController(
                session.hub(),
                session.presence()::snapshot,
                () -> realtime.isConnected() ? realtime.urlProperty().get() : null,
                clock,
                pump,
                tasks);
        connection.onSandboxStarted(started -> {
            if (api != null) {
                api.setServiceKey(started.serviceKey());
            }
            serverTab.sandboxStarted(started.url()); // the sandbox runs its admin namespace
        });
        supabase = SupabaseFeature.install(new SupabaseFeature.Parts(
                session, connection, connectionBar, profiles, notices, redactor, tasks, stage));
        view = WindowViews.build(this);
        connectionBar.profileBox().getSelectionModel().selectFirst();
        PulseWork.register(this, pump);
        pump.start();
        loadProblems.forEach(dialogs::error);
    }

    private void editProfile(ServerProfile current) {
        ServerProfile saved = profiles.edit(current);
        if (saved != null) {
            connectionBar.profileBox().getSelectionModel().select(saved);
        }
    }

    public MainView view() {
        return view;
    }

    /** Starts the embedded sandbox (off the FX thread), connects to it and joins the demo group. */
    public void startSandbox() {
        connection.startSandbox();
    }

    /** As {@link #startSandbox()}, with the sandbox {@code boot} is already starting (the window owns it). */
    public void startSandbox(SandboxBoot boot) {
        closeAlso(boot); // closes it only if the connection never took it
        connection.startSandbox(boot::take);
    }

    /** Shows a session file instead of the live group; the live connection keeps running underneath. */
    public void openSession(Path file) {
        replays.open(file);
    }

    /** Calls {@code onVisible} once the demo group shows its bots, or {@code onTimeout} after 60 s. */
    public void whenDemoVisible(Runnable onVisible, Runnable onTimeout) {
        DemoWatch.start(group, 60_000, onVisible, onTimeout);
    }

    /** Closes {@code resource} with the window (after everything it made). */
    public void closeAlso(AutoCloseable resource) {
        alsoOwned.add(resource);
    }

    /** Light to dark and back (the board draws itself, so it is told). */
    public void toggleTheme() {
        theme.toggle();
        canvas.setDark(theme.isDark());
    }

    // The parts WindowViews lays out.
    PresenceModel presence() {
        return presence;
    }

    StatsModel stats() {
        return stats;
    }

    ConnectionNotifier notifier() {
        return notifier;
    }

    Dialogs dialogs() {
        return dialogs;
    }

    ConnectionBar connectionBar() {
        return connectionBar;
    }

    /** The API tab's panel, made on first use (it holds an HTTP client the first frame does not need). */
    ApiPanel api() {
        if (api == null) {
            api = new ApiPanel(realtime.urlProperty());
            api.setServiceKey(sandbox() == null ? null : sandbox().serviceKey()); // the sandbox's, if it runs
        }
        return api;
    }

    /** The QA tab's panel, made on first use; its chart and figures tick from then on. */
    QaPanel qaPanel() {
        if (qaPanel == null) {
            qaPanel = new QaPanel(qa, realtime.isConnectedProperty(), session.pump());
        }
        return qaPanel;
    }

    // Exposed for tests and benchmarks.
    public ServerTabController serverTab() {
        return serverTab;
    }

    public QaPanel.Actions qa() {
        return qa;
    }

    public ReplayModel replay() {
        return replay;
    }

    public ReplayController replays() {
        return replays;
    }

    public RecordingController recording() {
        return recording;
    }

    public ProxyController proxy() {
        return proxy;
    }

    public ConnectionController connection() {
        return connection;
    }

    public RealtimeModel realtime() {
        return realtime;
    }

    public Notices notices() {
        return notices;
    }

    public GroupModel group() {
        return group;
    }

    public EventLogModel log() {
        return log;
    }

    public CursorCanvas canvas() {
        return canvas;
    }

    public SupabaseAccount supabase() {
        return supabase;
    }

    public Sandbox sandbox() {
        return connection.sandbox();
    }

    public LiveSession session() {
        return session;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        canvas.stop();
        if (qaPanel != null) {
            qaPanel.stop();
        }
        qa.close();
        serverTab.close();
        proxy.close();
        replays.close(); // the file shown, its indexing thread, the comparison windows
        presence.close();
        recording.close();
        supabase.close();
        session.close();
        connection.close();
        tasks.close();
        for (AutoCloseable c : alsoOwned) {
            try {
                c.close();
            } catch (Exception e) {
                // closing on the way out: nothing left to tell
            }
        }
    }
}
