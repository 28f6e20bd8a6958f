package io.studycollab.debugger.app;

import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.debugger.fx.Theme;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.debugger.ui.MainView;
import io.studycollab.debugger.ui.api.ApiPanel;
import io.studycollab.debugger.ui.canvas.CursorCanvas;
import io.studycollab.debugger.ui.canvas.ToolPalette;
import io.studycollab.debugger.ui.connection.ConnectionBar;
import io.studycollab.debugger.ui.connection.ConnectionNotifier;
import io.studycollab.debugger.ui.connection.RealtimeModel;
import io.studycollab.debugger.ui.emit.EmitPanel;
import io.studycollab.debugger.ui.log.EventLogModel;
import io.studycollab.debugger.ui.log.EventLogView;
import io.studycollab.debugger.ui.presence.GroupBar;
import io.studycollab.debugger.ui.presence.GroupModel;
import io.studycollab.debugger.ui.presence.MemberListView;
import io.studycollab.debugger.ui.presence.PresenceIndicator;
import io.studycollab.debugger.ui.presence.PresenceModel;
import io.studycollab.debugger.ui.profiles.ProfileDialog;
import io.studycollab.debugger.ui.profiles.ProfileStore;
import io.studycollab.debugger.ui.profiles.ServerProfile;
import io.studycollab.debugger.ui.status.StatsModel;
import io.studycollab.debugger.ui.status.StatusBar;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.session.SessionReader;
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
import javafx.stage.Stage;

/**
 * Wires one window: the live session, the models that mirror it on the FX thread, the views,
 * the embedded sandbox and the saved profiles. Owns all of them and closes them in {@link #close()}.
 */
public final class DebuggerController implements AutoCloseable {

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
    private final ProfileStore store = ProfileStore.inUserConfig();
    private final ObservableList<ServerProfile> profiles = FXCollections.observableArrayList();
    private final ConnectionBar connectionBar;
    private final CursorCanvas canvas;
    private final ApiPanel api;
    private final MainView view;
    private volatile Sandbox sandbox;
    private boolean autoJoinPending;
    private boolean closed;

    public DebuggerController(Theme theme, Stage stage) {
        this.theme = theme;
        this.stage = stage;
        profiles.add(ServerProfile.embeddedSandbox());
        ProfileStore.Loaded loaded = store.load();
        profiles.addAll(loaded.profiles());

        connectionBar = new ConnectionBar(realtime, profiles, this::connect, this::editProfile, this::toggleTheme,
                theme.darkProperty());
        PresenceIndicator indicator = new PresenceIndicator(group.groupMembers());
        GroupBar groupBar = new GroupBar(realtime, indicator, connectionBar.indicator(), this::showError);
        canvas = new CursorCanvas(group, presence::updateCursor);
        canvas.setDark(theme.isDark());
        ToolPalette tools = new ToolPalette(presence::changeTool);
        tools.select("select");
        EventLogView logView = new EventLogView(log);
        api = new ApiPanel(realtime.urlProperty());
        view = new MainView(connectionBar, groupBar, tools, canvas, logView, new MemberListView(group.groupMembers()),
                new EmitPanel(realtime), api, new StatusBar(stats, mode.getReadOnlyProperty()),
                new ConnectionNotifier(realtime));
        connectionBar.profileBox().getSelectionModel().selectFirst();

        log.limitProperty().addListener((o, a, n) -> session.history().setCapacity(n.intValue()));
        session.pump().onBatch(log::onBatch);
        session.pump().onBatch(stats::onBatch);
        session.pump().onPulse(() -> {
            realtime.refresh();
            group.refresh(session.presence());
            presence.tick();
            stats.refresh(session.history(), realtime.connectionStatusProperty().get());
        });
        realtime.isConnectedProperty().addListener((o, was, now) -> {
            if (now && autoJoinPending) {
                autoJoinPending = false;
                FxTasks.whenDone(realtime.joinGroup(DEMO_GROUP), r -> {
                    if (!r.ok()) {
                        showError("joining " + DEMO_GROUP + ": " + r.errorCode());
                    }
                }, e -> showError("joining " + DEMO_GROUP + ": " + e.getMessage()));
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

    /** Mouse and keyboard anywhere in the window count as activity. */
    public void attach(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> presence.markActivity());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> presence.markActivity());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> presence.markActivity());
    }

    /** Starts the embedded sandbox (off the FX thread), connects to it and joins the demo group. */
    public void startSandbox() {
        FxTasks.background("sandbox-start", () -> Sandbox.start("127.0.0.1", 0, null, null,
                ServerConfig.GroupsPolicy.OPEN, SANDBOX_BOTS, DEMO_GROUP), started -> {
            if (closed) {
                started.close();
                return;
            }
            sandbox = started;
            System.out.println("Sandbox server listening on " + started.url());
            System.out.flush();
            api.setServiceKey(started.serviceKey());
            connect(ServerProfile.embeddedSandbox(), started.url(), "");
        }, e -> showError("The embedded sandbox could not start: " + e.getMessage()));
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
                token = tokenText.isBlank() ? s.mint(p.mintSub(), p.mintName(), Duration.ofHours(8)) : AccessToken.of(tokenText);
                autoJoinPending = realtime.currentGroupIdProperty().get() == null;
            } else if (!tokenText.isBlank()) {
                token = AccessToken.of(tokenText);
            } else if (p.jwtSecret() != null) {
                token = new TokenMinter(p.jwtSecret(), "authenticated").mint(
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
            }
            mode.set("LIVE");
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

    private void toggleTheme() {
        theme.toggle();
        canvas.setDark(theme.isDark());
    }

    /** Opens a session file read-only: the log shows its events, presence its final state. */
    public void openSession(Path file) {
        FxTasks.background("session-open", () -> {
            try (SessionReader reader = SessionReader.open(file)) {
                List<EventRecord> records = reader.readAll();
                return new Object[]{reader.header(), records, reader.problems()};
            }
        }, result -> {
            @SuppressWarnings("unchecked")
            List<EventRecord> records = (List<EventRecord>) result[1];
            @SuppressWarnings("unchecked")
            List<SessionReader.Problem> problems = (List<SessionReader.Problem>) result[2];
            PresenceTracker fold = new PresenceTracker();
            fold.onEvents(records);
            log.limitProperty().set(Math.max(log.limitProperty().get(), Math.min(records.size(), 1_000_000)));
            log.replaceAll(records);
            group.show(fold.snapshot());
            mode.set("FILE " + file.getFileName() + " (" + records.size() + " events, not live)");
            if (!problems.isEmpty()) {
                showError(problems.size() + " line(s) skipped; first: " + problems.get(0));
            }
        }, e -> showError("Cannot open " + file + ": " + e.getMessage()));
    }

    /** Calls {@code onVisible} once the demo group shows its bots, or {@code onTimeout} after 60 s. */
    public void whenDemoVisible(Runnable onVisible, Runnable onTimeout) {
        PauseTransition timeout = new PauseTransition(javafx.util.Duration.seconds(60));
        javafx.beans.InvalidationListener[] check = new javafx.beans.InvalidationListener[1];
        check[0] = obs -> {
            long bots = group.groupMembers().stream().filter(m -> m.userId().startsWith("bot-")).count();
            if (bots >= SANDBOX_BOTS && DEMO_GROUP.equals(group.snapshotProperty().get().groupId())) {
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
        presence.close();
        session.close();
        Sandbox s = sandbox;
        if (s != null) {
            s.close();
        }
    }
}
