package io.studycollab.debugger.window;

import io.studycollab.debugger.api.ApiPanel;
import io.studycollab.debugger.canvas.CursorCanvas;
import io.studycollab.debugger.canvas.ToolPalette;
import io.studycollab.debugger.connection.ConnectionBar;
import io.studycollab.debugger.connection.ConnectionController;
import io.studycollab.debugger.connection.ConnectionNotifier;
import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.emit.EmitPanel;
import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.debugger.eventlog.EventLogView;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.fx.Theme;
import io.studycollab.debugger.notifications.NoticeArea;
import io.studycollab.debugger.notifications.Notices;
import io.studycollab.debugger.presence.GroupBar;
import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.debugger.presence.MemberListView;
import io.studycollab.debugger.presence.PresenceIndicator;
import io.studycollab.debugger.presence.PresenceModel;
import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.profiles.ProfilesController;
import io.studycollab.debugger.profiles.ServerProfile;
import io.studycollab.debugger.qa.QaController;
import io.studycollab.debugger.qa.QaPanel;
import io.studycollab.debugger.recording.RecordingController;
import io.studycollab.debugger.replay.ReplayBar;
import io.studycollab.debugger.replay.ReplayController;
import io.studycollab.debugger.replay.ReplayModel;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.debugger.status.StatsModel;
import io.studycollab.debugger.status.StatusBar;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;

/**
 * Wires one window: the live session, the models that mirror it on the FX thread, the views, and one
 * controller per area (connection, profiles, recording, replay, QA). Owns all of them, the task
 * executor included, and closes them in {@link #close()}. The pump is the window's one frame loop:
 * models refresh first, then the board draws (see {@link FxEventPump}).
 */
public final class DebuggerController implements AutoCloseable, AppMenu.Commands {

    public static final String DEMO_GROUP = Sandbox.DEMO_GROUP;
    public static final int SANDBOX_BOTS = Sandbox.BOTS;

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
    private final ConnectionBar connectionBar;
    private final CursorCanvas canvas;
    private final QaPanel qaPanel;
    private final ApiPanel api;
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
        connection = new ConnectionController(session, realtime, redactor, tasks, connectionFeedback());
        recording = new RecordingController(
                session.hub(), session.presence(), realtime, log, redactor, tasks, dialogs, clock);
        replays = new ReplayController(session, realtime, replay, log, group, tasks, dialogs);
        qa = new QaController(session, realtime, redactor, connection, qaNotices(), tasks);
        connection.onNewRoute(qa::closeProxy);
        api = new ApiPanel(realtime.urlProperty());
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
        qaPanel = new QaPanel(qa, realtime.isConnectedProperty(), pump);
        view = buildView();
        connectionBar.profileBox().getSelectionModel().selectFirst();
        registerPulseWork(pump);
        pump.start();
        loadProblems.forEach(dialogs::error);
    }

    private MainView buildView() {
        PresenceIndicator indicator = new PresenceIndicator(group.groupMembers(), this::cursorOf);
        GroupBar groupBar = new GroupBar(realtime, indicator, connectionBar.indicator(), dialogs::error);
        ToolPalette tools = new ToolPalette(presence::changeTool);
        tools.select("select");
        ReplayBar replayBar = new ReplayBar(replay, new ReplayBar.LiveActions() {
            @Override
            public void backToLive() {
                replays.backToLive();
            }

            @Override
            public void reEmitToLive() {
                replays.reEmitToLive();
            }

            @Override
            public void compareWithLive() {
                replays.compareWithLive();
            }
        });
        replayBar.visibleProperty().bind(replays.viewingFileProperty());
        replayBar.managedProperty().bind(replays.viewingFileProperty());
        MemberListView members = new MemberListView(group.memberIds(), group.membersById());
        // "You" (live, or the recorded user in a replay): own colour and "(you)" in every view.
        StringBinding self = Bindings.createStringBinding(
                () -> group.snapshotProperty().get().selfUserId(), group.snapshotProperty());
        members.selfIdProperty().bind(self);
        indicator.selfIdProperty().bind(self);
        group.offlineNoteProperty().addListener((o, was, note) -> {
            members.pseudoClassStateChanged(GroupModel.OFFLINE, note != null);
            indicator.pseudoClassStateChanged(GroupModel.OFFLINE, note != null);
        });
        return new MainView(
                new AppMenu(this, recording.recordingProperty()),
                connectionBar,
                groupBar,
                tools,
                canvas,
                new EventLogView(log),
                members,
                new EmitPanel(realtime),
                api,
                qaPanel,
                new StatusBar(stats, modeText(), log.limitProperty(), recording.badgeProperty()),
                new NoticeArea(notices),
                replayBar);
    }

    private StringBinding modeText() {
        return Bindings.createStringBinding(
                () -> replays.viewingFile()
                        ? replays.fileDescriptionProperty().get()
                        : recording.recordingProperty().get() ? "LIVE · recording " + recording.fileName() : "LIVE",
                replays.viewingFileProperty(),
                replays.fileDescriptionProperty(),
                recording.recordingProperty());
    }

    /** The frame loop's work, in order: batch sinks, then models, then views (see {@link FxEventPump}). */
    private void registerPulseWork(FxEventPump pump) {
        log.limitProperty().addListener((o, a, n) -> session.history().setCapacity(n.intValue()));
        // While a recording is shown, live events still reach history and the fold, not the views.
        // The table refreshes up to 10 times a second (at 10,000 events/s, every frame would be spent
        // re-laying out rows nobody can read that fast); canvas and presence stay at frame rate.
        pump.onBatch(
                batch -> {
                    if (!replays.viewingFile()) {
                        log.onBatch(batch);
                    }
                },
                Duration.ofMillis(100));
        pump.onBatch(stats::onBatch);
        pump.onPulse(FxEventPump.Phase.MODELS, now -> {
            LiveFeed.Reading reading = session.feed().poll();
            realtime.refresh();
            if (!replays.viewingFile()) {
                group.show(reading.presence());
            }
            presence.tick();
            stats.refresh(reading.evicted(), realtime.connectionStatusProperty().get());
        });
        pump.onPulse(FxEventPump.Phase.VIEWS, canvas::frame);
        pump.every(FxEventPump.Phase.VIEWS, Duration.ofSeconds(1), now -> {
            notices.expire();
            recording.tick();
        });
    }

    private Payloads.Cursor cursorOf(String userId) {
        Member m = group.snapshotProperty().get().member(userId);
        return m == null ? null : m.cursor();
    }

    private ConnectionController.Feedback connectionFeedback() {
        return new ConnectionController.Feedback() {
            @Override
            public void problem(String why) {
                connectionBar.showProblem(why);
            }

            @Override
            public void error(String message) {
                dialogs.error(message);
            }

            @Override
            public void sandboxStarted(Sandbox sandbox) {
                api.setServiceKey(sandbox.serviceKey());
            }

            @Override
            public void token(String reveal) {
                connectionBar.showToken(reveal);
            }
        };
    }

    private QaController.Notices qaNotices() {
        return new QaController.Notices() {
            @Override
            public void info(String message) {
                dialogs.info(message);
            }

            @Override
            public void error(String message) {
                dialogs.error(message);
            }
        };
    }

    private void editProfile(ServerProfile current) {
        ServerProfile saved = profiles.edit(current);
        if (saved != null) {
            connectionBar.profileBox().getSelectionModel().select(saved);
        }
    }

    public Parent view() {
        return view;
    }

    /** Mouse and keyboard anywhere in the window count as activity; a session file dropped on it opens. */
    public void attach(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok =
                    e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                openSession(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> presence.markActivity());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> presence.markActivity());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> presence.markActivity());
    }

    /** Starts the embedded sandbox (off the FX thread), connects to it and joins the demo group. */
    public void startSandbox() {
        connection.startSandbox();
    }

    /** Shows a session file instead of the live group; the live connection keeps running underneath. */
    public void openSession(Path file) {
        replays.open(file);
    }

    /** Calls {@code onVisible} once the demo group shows its bots, or {@code onTimeout} after 60 s. */
    public void whenDemoVisible(Runnable onVisible, Runnable onTimeout) {
        DemoWatch.start(group, javafx.util.Duration.seconds(60), onVisible, onTimeout);
    }

    /** Closes {@code resource} with the window (after everything it made). */
    public void closeAlso(AutoCloseable resource) {
        alsoOwned.add(resource);
    }

    @Override
    public void openSession() {
        replays.openChosen();
    }

    @Override
    public void setRecording(boolean on) {
        recording.setRecording(on);
    }

    @Override
    public void saveHistory(boolean onlyVisible) {
        recording.saveHistory(onlyVisible);
    }

    @Override
    public void exportVisible(boolean csv) {
        recording.exportVisible(csv);
    }

    @Override
    public void toggleTheme() {
        theme.toggle();
        canvas.setDark(theme.isDark());
    }

    @Override
    public void quit() {
        dialogs.stage().close();
    }

    // Exposed for tests and benchmarks.
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
        qaPanel.stop();
        qa.close();
        replay.unload();
        replays.closeComparisons();
        presence.close();
        recording.close();
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
