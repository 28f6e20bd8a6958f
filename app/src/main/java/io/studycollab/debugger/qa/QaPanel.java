package io.studycollab.debugger.qa;

import atlantafx.base.theme.Styles;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.realtime.qa.diagnostics.ConsistencyCheck;
import io.studycollab.realtime.qa.netsim.NetworkProfile;
import io.studycollab.realtime.qa.swarm.SwarmBehaviour;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** QA tools: a bad network for our own connection, virtual users in the group, and a diagnostics report. */
public final class QaPanel extends VBox {

    /** What the panel asks of the window. */
    public interface Actions {
        /** Routes our connection through the fault proxy (true) or straight to the server; returns a problem or null. */
        String routeThroughProxy(boolean on);

        void setNetworkProfile(NetworkProfile profile);

        /** Starts virtual users; returns a problem or null. */
        String startSwarm(int users, SwarmBehaviour behaviour, double cursorRate, int throughProxy);

        /** Stops the virtual users; their final figures, or null when none ran. */
        SwarmFigures stopSwarm();

        /** Null when no swarm runs. */
        SwarmStats swarmStats();

        /** The running virtual users' figures and how long they have run; null when none run. */
        SwarmFigures swarmFigures();

        void copyDiagnostics();

        /** Presence findings over the live history, now. */
        List<ConsistencyCheck.Finding> checkConsistency();

        /** The current average heartbeat round trip, -1 when offline or unmeasured. */
        double roundTripMillis();

        /** The latest connection timeline entries (state changes, attempts, rejoins, flushes, network switches). */
        ObservableList<String> connectionTimeline();

        /** True while our connection really goes through the fault proxy. */
        ReadOnlyBooleanProperty routedProperty();
    }

    private static final Map<String, NetworkProfile> PROFILES = NetworkChoices.BY_LABEL;
    private static final int FINDINGS_ROWS = 6;

    private final CheckBox viaProxy = new CheckBox("Route my connection through the fault proxy");
    private final ComboBox<String> profile = new ComboBox<>();
    private final Label problem = new Label();
    private final Spinner<Integer> users = new Spinner<>(1, 500, 10);
    private final ComboBox<SwarmBehaviour> behaviour = new ComboBox<>();
    private final Spinner<Integer> cursorRate = new Spinner<>(0, 30, 20);
    private final Spinner<Integer> proxied = new Spinner<>(0, 500, 0);
    private final Button swarmButton = new Button("Start virtual users", new FontIcon(Feather.USERS));
    private final Label swarmFigures = new Label("no virtual users running");
    private final Button diagnostics = new Button("Copy diagnostics report", new FontIcon(Feather.CLIPBOARD));
    private final Button consistency = new Button("Check presence consistency", new FontIcon(Feather.CHECK_SQUARE));
    private final TextArea findings = new TextArea();
    private final RoundTripChart chart = new RoundTripChart();
    private final ListView<String> timeline = new ListView<>();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final Actions actions;
    private final FxEventPump.Registration ticker;

    /** {@code pump} ticks the figures and the round-trip chart once a second. */
    public QaPanel(Actions actions, ObservableBooleanValue connected, FxEventPump pump) {
        this.actions = actions;
        createView();
        initListeners(connected);
        ticker = pump.every(FxEventPump.Phase.VIEWS, Duration.ofSeconds(1), now -> tick());
    }

    private void createView() {
        setId("qaPanel");
        setSpacing(8);
        setPadding(new Insets(10));
        viaProxy.setId("viaProxy");
        // Two lines in a narrow side panel rather than "Route my connection through th…".
        viaProxy.setWrapText(true);
        viaProxy.setMinHeight(Region.USE_PREF_SIZE);
        profile.setId("networkProfile");
        profile.getItems().setAll(PROFILES.keySet());
        profile.setValue("Normal");
        profile.setDisable(true);
        profile.setMaxWidth(Double.MAX_VALUE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        users.setId("swarmUsers");
        users.setEditable(true);
        users.setPrefWidth(90);
        cursorRate.setPrefWidth(80);
        proxied.setId("swarmProxied");
        proxied.setEditable(true);
        proxied.setPrefWidth(80);
        behaviour.setConverter(new StringConverter<>() {
            @Override
            public String toString(SwarmBehaviour b) {
                return b == null ? "" : b.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public SwarmBehaviour fromString(String s) {
                return SwarmBehaviour.parse(s);
            }
        });
        behaviour.setId("swarmBehaviour");
        behaviour.getItems().setAll(SwarmBehaviour.values());
        behaviour.setValue(SwarmBehaviour.WANDER);
        cursorRate.setId("swarmCursorRate");
        cursorRate.setEditable(true);
        swarmButton.setId("swarmStart");
        swarmFigures.setId("swarmFigures");
        swarmFigures.setWrapText(true);
        diagnostics.setId("copyDiagnostics");
        consistency.setId("checkConsistency");
        findings.setId("qaFindings");
        findings.setEditable(false);
        findings.setWrapText(true);
        findings.setPrefRowCount(FINDINGS_ROWS);
        findings.setMinHeight(Region.USE_PREF_SIZE);
        findings.setPromptText("ghosts, cursor senders over 20/s, lastSeen going backwards");
        timeline.setId("connectionTimeline");
        timeline.setPrefHeight(260);
        timeline.setMinHeight(Region.USE_PREF_SIZE);
        timeline.setCellFactory(WrappedLineCell::new);
        timeline.setPlaceholder(new Label("connection events appear here"));
        timeline.setItems(actions.connectionTimeline());
        getChildren()
                .addAll(
                        title("Network conditions"),
                        viaProxy,
                        profile,
                        problem,
                        new Separator(),
                        title("Virtual users"),
                        swarmRow(users, cursorRate),
                        new HBox(6, behaviour, proxiedLabel(), proxied),
                        swarmButton,
                        swarmFigures,
                        new Separator(),
                        title("Diagnostics"),
                        chart,
                        new Label("Connection timeline"),
                        timeline,
                        diagnostics,
                        consistency,
                        findings);
    }

    private void initListeners(ObservableBooleanValue connected) {
        consistency.setOnAction(e -> {
            List<ConsistencyCheck.Finding> found = actions.checkConsistency();
            findings.setText(
                    found.isEmpty()
                            ? "No inconsistency found."
                            : found.stream().map(Object::toString).collect(Collectors.joining("\n")));
            // Tall enough for the findings (a finding wraps onto about two lines), up to a screenful.
            findings.setPrefRowCount(Math.max(FINDINGS_ROWS, Math.min(24, found.size() * 2 + 1)));
        });
        viaProxy.setOnAction(e -> {
            String p = actions.routeThroughProxy(viaProxy.isSelected());
            problem.setText(p == null ? "" : p);
            showRoute(actions.routedProperty().get());
        });
        // The box shows the real route, also when something else (a profile switch) ended it.
        actions.routedProperty().addListener((o, was, now) -> showRoute(now));
        profile.valueProperty().addListener((o, a, name) -> {
            if (name != null && viaProxy.isSelected()) {
                actions.setNetworkProfile(PROFILES.get(name));
            }
        });
        // Starting needs a connection; stopping never does.
        swarmButton
                .disableProperty()
                .bind(Bindings.createBooleanBinding(() -> !connected.get() && !running.get(), connected, running));
        swarmButton.setOnAction(e -> toggleSwarm());
        diagnostics.setOnAction(e -> actions.copyDiagnostics());
        timeline.getItems().addListener((ListChangeListener<String>) c -> {
            if (!timeline.getItems().isEmpty()) {
                timeline.scrollTo(timeline.getItems().size() - 1);
            }
        });
    }

    private void showRoute(boolean routed) {
        viaProxy.setSelected(routed);
        profile.setDisable(!routed);
        if (!routed) {
            profile.setValue("Normal");
        }
    }

    private void toggleSwarm() {
        if (running.get()) {
            SwarmFigures last = actions.stopSwarm();
            running.set(false);
            swarmButton.setText("Start virtual users");
            // The run's result stays until the next start: stopping is when it is read.
            swarmFigures.setText(last == null ? "stopped" : last.summary());
            return;
        }
        String p =
                actions.startSwarm(users.getValue(), behaviour.getValue(), cursorRate.getValue(), proxied.getValue());
        problem.setText(p == null ? "" : p);
        if (p == null) {
            running.set(true);
            swarmButton.setText("Stop virtual users");
            swarmFigures.setText("starting…");
        }
    }

    private void tick() {
        SwarmFigures f = running.get() ? actions.swarmFigures() : null;
        if (f != null) {
            swarmFigures.setText(f.live());
        }
        chart.tick(actions.roundTripMillis());
    }

    private static Label proxiedLabel() {
        Label l = new Label("via proxy");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(
                "How many of the virtual users go through the fault proxy (the first N); the rest connect directly"));
        return l;
    }

    private static HBox swarmRow(Spinner<Integer> users, Spinner<Integer> rate) {
        Label u = new Label("users");
        Label r = new Label("cursor/s");
        u.setMinWidth(Region.USE_PREF_SIZE);
        r.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, u, users, r, rate);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    public void stop() {
        ticker.cancel();
    }
}
