package io.studycollab.debugger.window;

import io.studycollab.debugger.api.ApiPanel;
import io.studycollab.debugger.canvas.CursorCanvas;
import io.studycollab.debugger.canvas.ToolPalette;
import io.studycollab.debugger.connection.ConnectionBar;
import io.studycollab.debugger.connection.ConnectionNotifier;
import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.emit.EmitPanel;
import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.debugger.eventlog.EventLogView;
import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.debugger.fx.Theme;
import io.studycollab.debugger.presence.GroupBar;
import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.debugger.presence.MemberListView;
import io.studycollab.debugger.presence.PresenceIndicator;
import io.studycollab.debugger.presence.PresenceModel;
import io.studycollab.debugger.profiles.ProfileDialog;
import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.profiles.ServerProfile;
import io.studycollab.debugger.qa.QaController;
import io.studycollab.debugger.qa.QaPanel;
import io.studycollab.debugger.replay.ReplayBar;
import io.studycollab.debugger.replay.ReplayModel;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.debugger.status.StatsModel;
import io.studycollab.debugger.status.StatusBar;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.replay.ReEmitter;
import io.studycollab.realtime.replay.SessionComparison;
import io.studycollab.realtime.replay.SessionTimeline;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionExport;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionReader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.session.SnapshottingRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Wires one window: the live session, the models that mirror it on the FX thread, the views,
 * the embedded sandbox and the saved profiles. Owns all of them and closes them in {@link #close()}.
 */
public final class DebuggerController implements AutoCloseable, AppMenu.Commands {

    public static final String DEMO_GROUP = "demo";
    public static final int SANDBOX_BOTS = 3;

    private final Theme theme;
    private final Stage stage;
    private final LiveSession session = new LiveSession(ClientOptions.defaults());
    private final RealtimeModel realtime = new RealtimeModel(session.client());
    private final GroupModel group = new GroupModel();
    private final PresenceModel presence = new PresenceModel(realtime, session.clock());
    private final EventLogModel log = new EventLogModel(LiveSession.DEFAULT_LOG_LIMIT);
    private final StatsModel stats = new StatsModel();
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper("LIVE");
    private final ReplayModel replay = new ReplayModel(log, group);
    private final ReplayBar replayBar = new ReplayBar(replay, new ReplayBar.LiveActions() {
        @Override
        public void backToLive() {
            DebuggerController.this.backToLive();
        }

        @Override
        public void reEmitToLive() {
            DebuggerController.this.reEmitToLive();
        }

        @Override
        public void compareWithLive() {
            DebuggerController.this.compareWithLive();
        }
    });
    private boolean viewingFile;
    private final ProfileStore store = ProfileStore.inUserConfig();
    private final ObservableList<ServerProfile> profiles = FXCollections.observableArrayList();
    private final ConnectionBar connectionBar;
    private final CursorCanvas canvas;
    private final ApiPanel api;
    private final MainView view;
    private final ConnectionNotifier notifier;
    private final Redactor redactor = new Redactor();
    private final javafx.beans.property.BooleanProperty recording =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private SessionWriter recorder;
    private io.studycollab.realtime.events.EventHub.Subscription recorderSubscription;
    private volatile Sandbox sandbox;
    private final QaPanel qaPanel;
    private final QaController qa;
    private String directUrl;
    private AccessToken lastToken;
    private io.studycollab.realtime.client.ConnectTarget lastTarget;
    private TokenMinter lastMinter;
    private String joinOnConnect;
    private boolean closed;

    public DebuggerController(Theme theme, Stage stage) {
        this.theme = theme;
        this.stage = stage;
        profiles.add(ServerProfile.embeddedSandbox());
        ProfileStore.Loaded loaded = store.load();
        profiles.addAll(loaded.profiles());

        connectionBar = new ConnectionBar(
                realtime, profiles, this::connect, this::editProfile, this::toggleTheme, theme.darkProperty());
        PresenceIndicator indicator = new PresenceIndicator(group.groupMembers(), group.userCursors());
        GroupBar groupBar = new GroupBar(realtime, indicator, connectionBar.indicator(), this::showError);
        canvas = new CursorCanvas(group, presence::updateCursor);
        canvas.setDark(theme.isDark());
        ToolPalette tools = new ToolPalette(presence::changeTool);
        tools.select("select");
        EventLogView logView = new EventLogView(log);
        api = new ApiPanel(realtime.urlProperty());
        notifier = new ConnectionNotifier(realtime);
        qa = new QaController(
                session,
                realtime,
                redactor,
                new QaController.Connection() {
                    @Override
                    public String directUrl() {
                        return directUrl;
                    }

                    @Override
                    public TokenMinter minter() {
                        return lastMinter;
                    }

                    @Override
                    public void reconnectTo(String url, String group) {
                        joinOnConnect = group;
                        realtime.connect(url, lastToken, lastTarget);
                    }
                },
                new QaController.Notices() {
                    @Override
                    public void info(String message) {
                        DebuggerController.this.info(message);
                    }

                    @Override
                    public void error(String message) {
                        showError(message);
                    }
                });
        qaPanel = new QaPanel(qa, realtime.isConnectedProperty());
        view = new MainView(
                new AppMenu(this, recording),
                connectionBar,
                groupBar,
                tools,
                canvas,
                logView,
                new MemberListView(group.memberIds(), group.membersById()),
                new EmitPanel(realtime),
                api,
                qaPanel,
                new StatusBar(stats, mode.getReadOnlyProperty()),
                notifier,
                replayBar);
        replayBar.setVisible(false);
        replayBar.setManaged(false);
        connectionBar.profileBox().getSelectionModel().selectFirst();

        log.limitProperty().addListener((o, a, n) -> session.history().setCapacity(n.intValue()));
        // While a recording is shown, live events still reach history and the fold, not the views.
        // The table refreshes up to 10 times a second (at 10,000 events/s, every frame would be spent
        // re-laying out rows nobody can read that fast); canvas and presence stay at frame rate.
        session.pump()
                .onBatch(
                        batch -> {
                            if (!viewingFile) {
                                log.onBatch(batch);
                            }
                        },
                        Duration.ofMillis(100));
        session.pump().onBatch(stats::onBatch);
        session.pump().onPulse(() -> {
            realtime.refresh();
            if (!viewingFile) {
                group.refresh(session.presence());
            }
            presence.tick();
            stats.refresh(session.history(), realtime.connectionStatusProperty().get());
        });
        // On the status, not on isConnected: a reconnect within one pulse never shows as "not connected".
        realtime.connectionStatusProperty().addListener((o, was, now) -> {
            if (now.state() == io.studycollab.realtime.client.ConnectionState.CONNECTED
                    && now.groupId() == null
                    && joinOnConnect != null) {
                String g = joinOnConnect;
                joinOnConnect = null;
                FxTasks.whenDone(
                        realtime.joinGroup(g),
                        r -> {
                            if (!r.ok()) {
                                showError("joining " + g + ": " + r.errorCode());
                            }
                        },
                        e -> showError("joining " + g + ": " + e.getMessage()));
            }
        });
        session.pump().start();
        if (loaded.problem() != null) {
            showError(loaded.problem());
        }
    }

    public Parent view() {
        return view;
    }

    /** Mouse and keyboard anywhere in the window count as activity; a session file dropped on it opens. */
    public void attach(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
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
        FxTasks.background(
                "sandbox-start",
                () -> Sandbox.start(
                        "127.0.0.1", 0, null, null, ServerConfig.GroupsPolicy.OPEN, SANDBOX_BOTS, DEMO_GROUP),
                started -> {
                    if (closed) {
                        started.close();
                        return;
                    }
                    sandbox = started;
                    System.out.println("Sandbox server listening on " + started.url());
                    System.out.flush();
                    api.setServiceKey(started.serviceKey());
                    redactor.addSecret(started.serviceKey()).addSecret(started.jwtSecret());
                    connect(ServerProfile.embeddedSandbox(), started.url(), "");
                },
                e -> showError("The embedded sandbox could not start: " + e.getMessage()));
    }

    private void connect(ServerProfile profile, String url, String tokenText) {
        ServerProfile p = profile == null ? ServerProfile.embeddedSandbox() : profile;
        try {
            String target = url;
            AccessToken token;
            if (p.sandbox()) {
                Sandbox s = sandbox;
                if (s == null) {
                    showError("The sandbox is still starting");
                    return;
                }
                target = s.url();
                token = tokenText.isBlank()
                        ? s.mint(p.mintSub(), p.mintName(), Duration.ofHours(8))
                        : AccessToken.of(tokenText);
                if (realtime.currentGroupIdProperty().get() == null) {
                    joinOnConnect = DEMO_GROUP;
                }
                lastMinter = s.minter();
            } else if (!tokenText.isBlank()) {
                token = AccessToken.of(tokenText);
            } else if (p.jwtSecret() != null) {
                lastMinter = new TokenMinter(p.jwtSecret(), "authenticated");
                token = lastMinter.mint(
                        p.mintSub() == null ? "debugger" : p.mintSub(), p.mintName(), null, null, Duration.ofHours(8));
            } else {
                token = null; // the server will answer AUTH_MISSING, which is worth seeing too
            }
            if (target == null || !target.matches("(?i)https?://\\S+")) {
                showError("Enter a server URL starting with http:// or https://");
                return;
            }
            if (token != null) {
                connectionBar.showToken(token.reveal());
                redactor.addSecret(token.reveal());
            }
            if (p.jwtSecret() != null) {
                redactor.addSecret(p.jwtSecret());
            }
            if (viewingFile) {
                backToLive();
            }
            qa.closeProxy();
            directUrl = target;
            lastToken = token;
            lastTarget = p.target();
            realtime.connect(target, token, p.target());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
        }
    }

    private void editProfile(ServerProfile current) {
        new ProfileDialog(current).showAndWait().ifPresent(p -> {
            profiles.removeIf(old -> !old.sandbox() && old.name().equals(p.name()));
            profiles.add(p);
            connectionBar.profileBox().getSelectionModel().select(p);
            try {
                store.save(new ArrayList<>(profiles));
            } catch (IOException e) {
                showError("Profiles not saved: " + e.getMessage());
            }
        });
    }

    /**
     * Shows a session file instead of the live group: a timeline to play, step and seek, the log
     * and the group as they were at the playhead. The live connection keeps running underneath.
     */
    public void openSession(Path file) {
        FxTasks.background(
                "session-open",
                () -> SessionTimeline.open(file),
                timeline -> {
                    List<SessionReader.Problem> problems = timeline.problems();
                    viewingFile = true;
                    replay.load(timeline);
                    replayBar.setVisible(true);
                    replayBar.setManaged(true);
                    mode.set("REPLAY " + file.getFileName() + " (" + timeline.size() + " events) · not live");
                    if (!problems.isEmpty()) {
                        showError(problems.size() + " line(s) skipped; first: " + problems.get(0));
                    }
                },
                e -> showError("Cannot open " + file + ": " + e.getMessage()));
    }

    /** Leaves the recording and shows the live group again. */
    public void backToLive() {
        replay.unload();
        viewingFile = false;
        replayBar.setVisible(false);
        replayBar.setManaged(false);
        log.replaceAll(session.history().snapshot());
        group.refresh(session.presence());
        mode.set(recorder != null ? "LIVE · REC" : "LIVE");
    }

    /** Sends the recording's outbound events through the live connection, to its current group. */
    public void reEmitToLive() {
        SessionTimeline t = replay.timelineProperty().get();
        if (t == null) {
            return;
        }
        if (!realtime.isConnected()) {
            showError("Connect to a live server first: the recording is re-emitted through that connection.");
            return;
        }
        double speed = replay.speedProperty().get();
        String target = realtime.currentGroupIdProperty().get();
        FxTasks.background(
                "re-emit",
                () -> {
                    List<EventRecord> steps = new ArrayList<>();
                    for (int from = 0; from < t.size(); from += 10_000) {
                        steps.addAll(ReEmitter.replayable(t.records(from, Math.min(t.size(), from + 10_000))));
                    }
                    if (steps.isEmpty()) {
                        throw new IllegalStateException("this recording holds no outbound events to send");
                    }
                    ReEmitter emitter = new ReEmitter(session.client(), session.clock(), steps, speed, target);
                    return emitter.start().get();
                },
                sent -> info("Re-emitted " + sent + " events" + (target != null ? " to " + target : "") + " at " + speed
                        + "×."),
                e -> showError("Re-emit failed: " + e.getMessage()));
    }

    /** Counts per event and the first difference between the recording and the live history. */
    public void compareWithLive() {
        SessionTimeline t = replay.timelineProperty().get();
        if (t == null) {
            return;
        }
        List<EventRecord> history = session.history().snapshot();
        FxTasks.background(
                "compare",
                () -> {
                    List<EventRecord> recorded = t.records(0, t.size());
                    long span = SessionComparison.spanMillis(recorded);
                    // Like with like: the live events of the last span as long as the recording.
                    List<EventRecord> live = SessionComparison.lastSpan(history, span);
                    return SessionComparison.report(
                            SessionComparison.compare(recorded, live),
                            "the recording (" + t.size() + " events over " + span / 1000 + " s)",
                            "the live history's last " + span / 1000 + " s (" + live.size() + " events)");
                },
                report -> {
                    javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(report);
                    text.setEditable(false);
                    text.setPrefColumnCount(90);
                    text.setPrefRowCount(24);
                    text.setStyle("-fx-font-family: monospace;");
                    Alert alert = new Alert(Alert.AlertType.INFORMATION);
                    alert.initOwner(stage);
                    alert.setTitle("Recording vs live");
                    alert.setHeaderText(null);
                    alert.getDialogPane().setContent(text);
                    alert.show();
                },
                e -> showError("Compare failed: " + e.getMessage()));
    }

    private void info(String message) {
        notifier.info("Done", message);
    }

    public QaPanel.Actions qa() {
        return qa;
    }

    public ReplayModel replay() {
        return replay;
    }

    @Override
    public void openSession() {
        FileChooser chooser = chooser("Open a session file");
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openSession(f.toPath());
        }
    }

    @Override
    public void setRecording(boolean on) {
        if (on == (recorder != null)) {
            return;
        }
        if (!on) {
            recorderSubscription.unsubscribe();
            SessionWriter w = recorder;
            recorder = null;
            recorderSubscription = null;
            recording.set(false);
            FxTasks.background(
                    "recorder-close",
                    () -> {
                        w.close();
                        return w;
                    },
                    done -> mode.set("LIVE"),
                    e -> showError("Closing the recording: " + e.getMessage()));
            return;
        }
        FileChooser chooser = chooser("Record to");
        chooser.setInitialFileName("recording.jsonl");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null) {
            recording.set(false);
            return;
        }
        try {
            recorder = new SessionWriter(f.toPath(), header(), redactor);
            // The file opens with the state on screen now, not an empty group (see session-format.md).
            recorderSubscription = session.hub()
                    .subscribe(new SnapshottingRecorder(
                            recorder,
                            session.presence(),
                            realtime.connectionStatusProperty().get(),
                            session.clock()));
            recording.set(true);
            mode.set("LIVE · REC " + f.getName());
        } catch (IOException e) {
            recording.set(false);
            showError("Cannot record to " + f + ": " + e.getMessage());
        }
    }

    @Override
    public void saveHistory(boolean onlyVisible) {
        List<EventRecord> records = List.copyOf(onlyVisible ? log.visible() : log.all());
        FileChooser chooser = chooser(onlyVisible ? "Save filtered events" : "Save history");
        chooser.setInitialFileName("session.jsonl");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f != null) {
            SessionHeader h = header();
            FxTasks.background(
                    "save-session",
                    () -> {
                        SessionExport.session(f.toPath(), h, records, redactor);
                        return records.size();
                    },
                    n -> {},
                    e -> showError("Cannot save " + f + ": " + e.getMessage()));
        }
    }

    @Override
    public void exportVisible(boolean csv) {
        List<EventRecord> records = List.copyOf(log.visible());
        FileChooser chooser = chooser(csv ? "Export as CSV" : "Export as JSON");
        chooser.setInitialFileName(csv ? "events.csv" : "events.json");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f != null) {
            FxTasks.background(
                    "export",
                    () -> {
                        if (csv) {
                            SessionExport.csv(f.toPath(), records, redactor);
                        } else {
                            SessionExport.json(f.toPath(), records, redactor);
                        }
                        return records.size();
                    },
                    n -> {},
                    e -> showError("Cannot export to " + f + ": " + e.getMessage()));
        }
    }

    @Override
    public void toggleTheme() {
        theme.toggle();
        canvas.setDark(theme.isDark());
    }

    @Override
    public void quit() {
        stage.close();
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Session files", "*.jsonl", "*.studycollab"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    private SessionHeader header() {
        io.studycollab.realtime.client.ConnectionSnapshot s =
                realtime.connectionStatusProperty().get();
        return SessionHeader.of(
                io.studycollab.debugger.AppVersion.full(),
                s.url(),
                s.userId(),
                s.groupId(),
                java.time.Instant.now().toString());
    }

    /** Calls {@code onVisible} once the demo group shows its bots, or {@code onTimeout} after 60 s. */
    public void whenDemoVisible(Runnable onVisible, Runnable onTimeout) {
        PauseTransition timeout = new PauseTransition(javafx.util.Duration.seconds(60));
        javafx.beans.InvalidationListener[] check = new javafx.beans.InvalidationListener[1];
        check[0] = obs -> {
            long bots = group.groupMembers().stream()
                    .filter(m -> m.userId().startsWith("bot-"))
                    .count();
            if (bots >= SANDBOX_BOTS
                    && DEMO_GROUP.equals(group.snapshotProperty().get().groupId())) {
                group.groupMembers().removeListener(check[0]);
                timeout.stop();
                onVisible.run();
            }
        };
        group.groupMembers().addListener(check[0]);
        timeout.setOnFinished(e -> {
            group.groupMembers().removeListener(check[0]);
            onTimeout.run();
        });
        timeout.play();
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setHeaderText(null);
        alert.show();
    }

    // Exposed for tests.
    public RealtimeModel realtime() {
        return realtime;
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
        return sandbox;
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
        presence.close();
        if (recorder != null) {
            recorderSubscription.unsubscribe();
            recorder.close();
        }
        session.close();
        Sandbox s = sandbox;
        if (s != null) {
            s.close();
        }
    }
}
