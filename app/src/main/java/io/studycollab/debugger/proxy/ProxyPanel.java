package io.studycollab.debugger.proxy;

import atlantafx.base.theme.Styles;
import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.realtime.events.EventRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Starting and stopping the proxy (listen port, target URL), the address to point the web app at
 * (copyable), a lane per live connection and the selected lane's own stream; "log: this lane only"
 * filters the event log by that connection.
 */
public final class ProxyPanel extends VBox {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ProxyController controller;
    private final ProxyModel model;
    private final EventLogModel log;
    private final TextField port = new TextField("0");
    private final TextField target = new TextField();
    private final Button startStop = new Button("Start proxy");
    private final TextField address = new TextField();
    private final Label hint =
            new Label("Point the web app's realtime server URL at this address instead of the server");
    private final Button copy = new Button("Copy", new FontIcon(Feather.COPY));
    private final Label problem = new Label();
    private final ListView<ProxyLane> lanes = new ListView<>();
    private final ListView<EventRecord> stream = new ListView<>();
    private final ToggleButton onlyThisLane = new ToggleButton("log: this lane only");
    private final Label streamTitle = new Label("Select a lane to see its stream");

    public ProxyPanel(ProxyController controller, EventLogModel log) {
        this.controller = controller;
        this.model = controller.model();
        this.log = log;
        createView();
        initListeners();
    }

    private void createView() {
        setId("proxyPanel");
        setSpacing(6);
        setPadding(new Insets(8));
        port.setId("proxyPort");
        port.setPrefColumnCount(5);
        port.setTooltip(new Tooltip("Port the proxy listens on; 0 picks a free one"));
        target.setId("proxyTarget");
        target.setPromptText("http://127.0.0.1:3000");
        target.setTooltip(new Tooltip("The real server the proxy forwards to"));
        HBox.setHgrow(target, Priority.ALWAYS);
        startStop.setId("proxyStartStop");
        startStop.getStyleClass().add(Styles.ACCENT);
        // Two short rows: at 1024×700 the side panel is ~300 px, and one row cut the field's example.
        Label listen = new Label("listen on");
        Label forward = new Label("forward to");
        for (Label l : new Label[] {listen, forward}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        listen.minWidthProperty().bind(forward.widthProperty()); // the fields start in one column
        HBox portRow = new HBox(6, listen, port);
        portRow.setAlignment(Pos.CENTER_LEFT);
        HBox targetRow = new HBox(6, forward, target);
        targetRow.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(6, portRow, targetRow);
        address.setId("proxyAddress");
        address.setEditable(false);
        address.setPromptText("not running");
        address.getStyleClass().add("monospace");
        startStop.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines rather than eliding in a VBox
        copy.setId("proxyCopy");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the address: the web app's realtime URL points here instead of the server"));
        // The address on a row of its own, whole (it is what the web app is pointed at).
        HBox buttons = new HBox(6, startStop, copy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        address.setMaxWidth(Double.MAX_VALUE);
        problem.setId("proxyProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        lanes.setId("proxyLanes");
        Label noLanes = new Label("No connection yet: point a client at the address above");
        noLanes.setWrapText(true);
        noLanes.setPadding(new Insets(8));
        lanes.setPlaceholder(noLanes);
        lanes.setPrefHeight(200);
        lanes.setCellFactory(v -> new LaneCell(model));
        onlyThisLane.setId("proxyLogLane");
        onlyThisLane.getStyleClass().add(Styles.SMALL);
        onlyThisLane.setMinWidth(Region.USE_PREF_SIZE);
        streamTitle.getStyleClass().add("text-muted");
        streamTitle.setWrapText(true);
        streamTitle.setMinHeight(Region.USE_PREF_SIZE);
        HBox streamBar = new HBox(6, streamTitle, onlyThisLane);
        streamBar.setAlignment(Pos.CENTER_LEFT);
        stream.setId("proxyStream");
        stream.getStyleClass().add(Styles.DENSE);
        stream.setPrefHeight(150);
        stream.setPlaceholder(new Label("No records on this lane yet"));
        stream.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(EventRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : line(r));
            }
        });
        VBox.setVgrow(lanes, Priority.SOMETIMES);
        VBox.setVgrow(stream, Priority.ALWAYS);
        getChildren().setAll(form, buttons, address, hint, problem, new Label("Lanes"), lanes, streamBar, stream);
    }

    private static String line(EventRecord r) {
        String dir = switch (r.direction()) {
            case OUT -> "↑";
            case IN -> "↓";
            default -> "·";
        };
        return TIME.format(Instant.ofEpochMilli(r.wallMillis())) + " " + dir + " " + r.name()
                + (r.userId() == null ? "" : " · " + r.userId());
    }

    private void initListeners() {
        startStop.setOnAction(e -> {
            if (model.runningProperty().get()) {
                controller.stop();
            } else {
                controller.start(port.getText(), target.getText());
            }
        });
        startStop
                .textProperty()
                .bind(Bindings.when(model.runningProperty()).then("Stop proxy").otherwise("Start proxy"));
        startStop.disableProperty().bind(model.busyProperty());
        port.disableProperty().bind(model.runningProperty());
        target.disableProperty().bind(model.runningProperty());
        address.textProperty().bind(model.addressProperty());
        copy.disableProperty().bind(model.runningProperty().not());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(model.addressProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        lanes.setItems(model.lanes());
        lanes.getSelectionModel().selectedItemProperty().addListener((o, a, lane) -> {
            if (lane != null) {
                model.selectedProperty().set(lane.id());
            }
        });
        model.selectedProperty().addListener((o, a, id) -> {
            streamTitle.setText(id == null ? "Select a lane to see its stream" : "Stream of " + id);
            if (onlyThisLane.isSelected()) {
                log.connectionProperty().set(id == null ? "" : id);
            }
        });
        onlyThisLane
                .selectedProperty()
                .addListener((o, a, on) -> log.connectionProperty()
                        .set(
                                on && model.selectedProperty().get() != null
                                        ? model.selectedProperty().get()
                                        : ""));
        stream.setItems(model.stream());
        model.stream().addListener((ListChangeListener<EventRecord>) c -> {
            if (!model.stream().isEmpty()) {
                stream.scrollTo(model.stream().size() - 1);
            }
        });
        // the countdown in a paused lane's row
        model.nowProperty().addListener((o, a, n) -> {
            if (model.lanes().stream().anyMatch(l -> l.paused() > 0)) {
                lanes.refresh();
            }
        });
    }

    /** Fills the target with the server the window would connect to, when the field is still empty. */
    public void suggestTarget(String url) {
        if (target.getText().isBlank() && url != null) {
            target.setText(url);
        }
    }
}
