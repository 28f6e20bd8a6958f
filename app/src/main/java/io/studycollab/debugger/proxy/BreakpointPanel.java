package io.studycollab.debugger.proxy;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.breakpoint.Breakpoint;
import io.studycollab.realtime.proxy.rules.PacketMatch;
import io.studycollab.realtime.proxy.rules.Rule;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Breakpoints and headless rules (event name glob, direction, user, payload text or /regex/; pause,
 * drop always, or delay), the auto-release timeout, and the packets paused now with the editor for the one selected ({@link PausedEditor}).
 */
public final class BreakpointPanel extends VBox {

    private static final String ANY = "any direction";
    private static final String PAUSE = "pause (breakpoint)";
    private static final String DROP = "drop always";
    private static final String DELAY = "delay ms";

    private final ProxyController controller;
    private final TextField name = new TextField();
    private final ComboBox<String> dir = new ComboBox<>();
    private final TextField user = new TextField();
    private final TextField payload = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField delayMs = new TextField("250");
    private final Button add = new Button("Add");
    private final Label problem = new Label();
    private final ListView<Object> rules = new ListView<>();
    private final Button remove = new Button("Remove");
    private final Spinner<Integer> release = new Spinner<>(1, 3600, 30);
    private final PausedEditor editor;

    public BreakpointPanel(ProxyController controller) {
        this.controller = controller;
        this.editor = new PausedEditor(controller);
        createView();
        initListeners();
    }

    private void createView() {
        setId("breakpointPanel");
        setSpacing(6);
        setPadding(new Insets(8));
        name.setId("bpName");
        name.setPromptText("event glob, e.g. tool:*");
        dir.setId("bpDir");
        dir.getItems().setAll(ANY, "up (client → server)", "down (server → client)");
        dir.getSelectionModel().selectFirst();
        user.setId("bpUser");
        user.setPromptText("user id (any)");
        payload.setId("bpPayload");
        payload.setPromptText("payload text or /regex/");
        add.setId("bpAdd");
        action.setId("bpAction");
        action.getItems().setAll(PAUSE, DROP, DELAY);
        action.getSelectionModel().selectFirst();
        delayMs.setId("bpDelay");
        delayMs.setPrefColumnCount(4);
        delayMs.setTooltip(new Tooltip("Delay in milliseconds"));
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("event"), name, dir);
        form.addRow(1, new Label("user"), user, payload);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(payload, Priority.ALWAYS);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        rules.setId("bpRules");
        rules.getStyleClass().add(Styles.DENSE);
        rules.setPrefHeight(80);
        rules.setPlaceholder(new Label("No breakpoints or rules: packets pass"));
        rules.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Object o, boolean empty) {
                super.updateItem(o, empty);
                setText(
                        empty || o == null
                                ? null
                                : o instanceof Breakpoint b ? "‖ pause " + b.match() : String.valueOf(o));
            }
        });
        remove.getStyleClass().add(Styles.SMALL);
        release.setId("bpRelease");
        release.setEditable(true);
        release.setPrefWidth(90);
        release.setTooltip(
                new Tooltip("A paused packet goes on unchanged after this long, so the real app never hangs"));
        HBox actions = new HBox(6, action, delayMs, add, remove);
        HBox timeout = new HBox(6, new Label("a paused packet goes on after"), release, new Label("s"));
        timeout.setAlignment(Pos.CENTER_LEFT);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(editor, Priority.ALWAYS);
        getChildren().setAll(form, actions, problem, rules, timeout, editor);
    }

    private void initListeners() {
        add.setOnAction(e -> addBreakpoint());
        name.setOnAction(e -> addBreakpoint());
        ListChangeListener<Object> relist = c -> {
            rules.getItems().setAll(controller.breakpoints());
            rules.getItems().addAll(controller.rules());
        };
        controller.breakpoints().addListener(relist);
        controller.rules().addListener(relist);
        delayMs.visibleProperty().bind(action.valueProperty().isEqualTo(DELAY));
        delayMs.managedProperty().bind(delayMs.visibleProperty());
        remove.disableProperty()
                .bind(rules.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            Object o = rules.getSelectionModel().getSelectedItem();
            if (o instanceof Breakpoint b) {
                controller.removeBreakpoint(b);
            } else if (o instanceof Rule r) {
                controller.removeRule(r);
            }
        });
        release.valueProperty()
                .addListener((o, a, s) ->
                        controller.model().autoReleaseSecondsProperty().set(s));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    }

    private void addBreakpoint() {
        try {
            String glob = name.getText().isBlank() ? "*" : name.getText().trim();
            PacketMatch m = PacketMatch.name(glob);
            int d = dir.getSelectionModel().getSelectedIndex();
            if (d > 0) {
                m = m.withFlow(d == 1 ? Flow.UP : Flow.DOWN);
            }
            if (!user.getText().isBlank()) {
                m = m.withUser(user.getText().trim());
            }
            if (!payload.getText().isBlank()) {
                m = m.withPayload(payload.getText().trim());
            }
            switch (action.getValue()) {
                case DROP -> controller.addRule(Rule.drop(m));
                case DELAY -> controller.addRule(Rule.delay(m, parseDelay()));
                default -> controller.addBreakpoint(m);
            }
            problem.setText("");
        } catch (RuntimeException e) {
            problem.setText("Not a rule: " + e.getMessage());
        }
    }

    private long parseDelay() {
        try {
            long ms = Long.parseLong(delayMs.getText().trim());
            if (ms > 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("the delay is a positive number of milliseconds");
    }
}
