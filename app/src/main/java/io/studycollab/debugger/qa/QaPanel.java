package io.studycollab.debugger.qa;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.qa.netsim.NetworkProfile;
import io.studycollab.realtime.qa.swarm.SwarmBehaviour;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
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

        void stopSwarm();

        /** Null when no swarm runs. */
        SwarmStats swarmStats();

        void copyDiagnostics();

        /** Presence findings over the live history, now. */
        java.util.List<io.studycollab.realtime.qa.diagnostics.ConsistencyCheck.Finding> checkConsistency();

        /** The current average heartbeat round trip, -1 when offline or unmeasured. */
        double roundTripMillis();

        /** The latest connection timeline entries (state changes, attempts, rejoins, flushes, network switches). */
        java.util.List<String> connectionTimeline();
    }

    static final Map<String, NetworkProfile> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("Normal", new NetworkProfile.Normal());
        PROFILES.put("Offline (cut now)", new NetworkProfile.Offline());
        PROFILES.put("Flaky (cut every 5 s)", new NetworkProfile.Flaky(Duration.ofSeconds(5)));
        PROFILES.put(
                "High latency (300 ± 100 ms)",
                new NetworkProfile.Latency(Duration.ofMillis(300), Duration.ofMillis(100)));
        PROFILES.put("Slow (16 KB/s)", new NetworkProfile.Bandwidth(16 * 1024));
        PROFILES.put("Stall (hold, keep open)", new NetworkProfile.Stall());
    }

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
    private final javafx.scene.control.TextArea findings = new javafx.scene.control.TextArea();
    private final javafx.scene.chart.XYChart.Series<Number, Number> rtt = new javafx.scene.chart.XYChart.Series<>();
    private final javafx.scene.control.ListView<String> timeline = new javafx.scene.control.ListView<>();
    private long seconds;
    private final Timeline ticker;

    private final javafx.beans.property.BooleanProperty running =
            new javafx.beans.property.SimpleBooleanProperty(false);

    public QaPanel(Actions actions, javafx.beans.value.ObservableBooleanValue connected) {
        setId("qaPanel");
        setSpacing(8);
        setPadding(new Insets(10));
        viaProxy.setId("viaProxy");
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
        behaviour.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SwarmBehaviour b) {
                return b == null ? "" : b.name().toLowerCase(java.util.Locale.ROOT);
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
        Label net = title("Network conditions");
        Label swarm = title("Virtual users");
        Label diag = title("Diagnostics");
        consistency.setId("checkConsistency");
        findings.setId("qaFindings");
        findings.setEditable(false);
        findings.setWrapText(true);
        findings.setPrefRowCount(4);
        findings.setPromptText("ghosts, cursor senders over 20/s, lastSeen going backwards");
        javafx.scene.chart.NumberAxis time = new javafx.scene.chart.NumberAxis();
        time.setLabel("s");
        time.setForceZeroInRange(false);
        javafx.scene.chart.NumberAxis ms = new javafx.scene.chart.NumberAxis();
        ms.setLabel("round trip ms");
        javafx.scene.chart.LineChart<Number, Number> chart = new javafx.scene.chart.LineChart<>(time, ms);
        chart.setId("rttChart");
        chart.getData().add(rtt);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(170);
        timeline.setId("connectionTimeline");
        timeline.setPrefHeight(150);
        timeline.setPlaceholder(new Label("connection events appear here"));
        getChildren()
                .addAll(
                        net,
                        viaProxy,
                        profile,
                        problem,
                        new Separator(),
                        swarm,
                        swarmRow(users, cursorRate),
                        new HBox(6, behaviour, proxiedLabel(), proxied),
                        swarmButton,
                        swarmFigures,
                        new Separator(),
                        diag,
                        chart,
                        new Label("Connection timeline"),
                        timeline,
                        diagnostics,
                        consistency,
                        findings);
        consistency.setOnAction(e -> {
            var found = actions.checkConsistency();
            findings.setText(
                    found.isEmpty()
                            ? "No inconsistency found."
                            : found.stream().map(Object::toString).collect(java.util.stream.Collectors.joining("\n")));
        });

        viaProxy.setOnAction(e -> {
            String p = actions.routeThroughProxy(viaProxy.isSelected());
            problem.setText(p == null ? "" : p);
            if (p != null) {
                viaProxy.setSelected(false);
            }
            profile.setDisable(!viaProxy.isSelected());
            if (!viaProxy.isSelected()) {
                profile.setValue("Normal");
            }
        });
        profile.valueProperty().addListener((o, a, name) -> {
            if (name != null && viaProxy.isSelected()) {
                actions.setNetworkProfile(PROFILES.get(name));
            }
        });
        // Starting needs a connection; stopping never does.
        swarmButton
                .disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> !connected.get() && !running.get(), connected, running));
        swarmButton.setOnAction(e -> {
            if (running.get()) {
                actions.stopSwarm();
                running.set(false);
                swarmButton.setText("Start virtual users");
                swarmFigures.setText("stopped");
                return;
            }
            String p = actions.startSwarm(
                    users.getValue(), behaviour.getValue(), cursorRate.getValue(), proxied.getValue());
            problem.setText(p == null ? "" : p);
            if (p == null) {
                running.set(true);
                swarmButton.setText("Stop virtual users");
            }
        });
        diagnostics.setOnAction(e -> actions.copyDiagnostics());
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            SwarmStats s = actions.swarmStats();
            if (s != null) {
                swarmFigures.setText(String.format(
                        "connected %d/%d · failed %d · sent %,d · received %,d%nerrors %s · rtt p50 %s p95 %s p99 %s",
                        s.connected(),
                        s.users(),
                        s.failedToConnect(),
                        s.sent(),
                        s.received(),
                        s.errors().isEmpty() ? "none" : s.errors(),
                        ms(s.rttP50()),
                        ms(s.rttP95()),
                        ms(s.rttP99())));
            }
            seconds++;
            double r = actions.roundTripMillis();
            if (r >= 0) {
                rtt.getData().add(new javafx.scene.chart.XYChart.Data<>(seconds, r));
                if (rtt.getData().size() > 120) {
                    rtt.getData().remove(0);
                }
            }
            java.util.List<String> entries = actions.connectionTimeline();
            if (!entries.equals(timeline.getItems())) {
                timeline.getItems().setAll(entries);
                timeline.scrollTo(entries.size() - 1);
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private static Label proxiedLabel() {
        Label l = new Label("via proxy");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setTooltip(new javafx.scene.control.Tooltip(
                "How many of the virtual users go through the fault proxy (the first N); the rest connect directly"));
        return l;
    }

    private static HBox swarmRow(Spinner<Integer> users, Spinner<Integer> rate) {
        Label u = new Label("users");
        Label r = new Label("cursor/s");
        u.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, u, users, r, rate);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static String ms(double v) {
        return v < 0 ? "–" : String.format("%.0f ms", v);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    public void stop() {
        ticker.stop();
    }
}
