package io.studycollab.debugger.proxy;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.breakpoint.Breakpoint;
import io.studycollab.realtime.proxy.rules.PacketMatch;
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
 * The breakpoint rules (event name glob, direction, user, payload text or /regex/), the auto-release
 * timeout, and the packets paused now with the editor for the one selected ({@link PausedEditor}).
 */
public final class BreakpointPanel extends VBox {

    private static final String ANY = "any direction";

    private final ProxyController controller;
    private final TextField name = new TextField();
    private final ComboBox<String> dir = new ComboBox<>();
    private final TextField user = new TextField();
    private final TextField payload = new TextField();
    private final Button add = new Button("Add breakpoint");
    private final Label problem = new Label();
    private final ListView<Breakpoint> rules = new ListView<>();
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
        payload.setPromptText("payload text or /regex/ (any)");
        add.setId("bpAdd");
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
        rules.setPrefHeight(80);
        rules.setPlaceholder(new Label("No breakpoints: packets pass"));
        rules.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Breakpoint b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : "● " + b.match());
            }
        });
        remove.getStyleClass().add(Styles.SMALL);
        release.setId("bpRelease");
        release.setEditable(true);
        release.setPrefWidth(90);
        release.setTooltip(
                new Tooltip("A paused packet goes on unchanged after this long, so the real app never hangs"));
        HBox actions = new HBox(6, add, remove, new Label("auto-release after"), release, new Label("s"));
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(editor, Priority.ALWAYS);
        getChildren().setAll(form, actions, problem, rules, editor);
    }

    private void initListeners() {
        add.setOnAction(e -> addBreakpoint());
        name.setOnAction(e -> addBreakpoint());
        rules.setItems(controller.breakpoints());
        remove.disableProperty()
                .bind(rules.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(
                e -> controller.removeBreakpoint(rules.getSelectionModel().getSelectedItem()));
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
            controller.addBreakpoint(m);
            problem.setText("");
        } catch (RuntimeException e) {
            problem.setText("Not a breakpoint: " + e.getMessage());
        }
    }
}
