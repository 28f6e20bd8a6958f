package io.studycollab.debugger.server;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.admin.PendingAction;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The picked socket as the server sees it: who (the user read from the server's data or decoded from
 * the token, never the token itself), where, since when, its rooms and its handshake with every secret
 * masked. On top, the admin actions; each is first described in words and sent only on Confirm.
 */
final class SocketDetailView extends VBox {

    private final ServerTabController controller;
    private final ServerTabModel model;
    private final Label title = new Label("Pick a socket");
    private final Label gone = new Label("No longer on the server: its last known state");
    private final GridPane facts = new GridPane();
    private final TextArea handshake = new TextArea();
    private final Button disconnect = new Button("Disconnect", new FontIcon(Feather.USER_X));
    private final TextField joinRoom = new TextField();
    private final Button join = new Button("Join");
    private final ComboBox<String> leaveRoom = new ComboBox<>();
    private final Button leave = new Button("Leave");
    private final Label pendingText = new Label();
    private final Button confirm = new Button("Confirm", new FontIcon(Feather.CHECK));
    private final Button cancel = new Button("Cancel");
    // The question above its answers: beside them it had a third of the width and many lines.
    private final VBox pendingBar = new VBox(4, pendingText, new HBox(6, confirm, cancel));
    private final Label readOnly = new Label();
    private final Label note = new Label();
    private final MiddleCut titleText = new MiddleCut(title);
    private PendingAction pending;

    SocketDetailView(ServerTabController controller) {
        this.controller = controller;
        this.model = controller.model();
        createView();
        initListeners();
    }

    private void createView() {
        setId("adminSocketDetail");
        setSpacing(4);
        setPadding(new Insets(6));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setId("adminDetailTitle");
        gone.getStyleClass().add(Styles.WARNING);
        gone.setId("adminDetailGone");
        gone.setWrapText(true);
        gone.setMinHeight(Region.USE_PREF_SIZE);
        facts.setHgap(8);
        facts.setVgap(2);
        facts.setId("adminDetailFacts");
        facts.setPadding(new Insets(4, 2, 4, 2));
        // Names as wide as they need, values take the rest and wrap.
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        facts.getColumnConstraints().setAll(names, values);
        handshake.setId("adminHandshake");
        handshake.setEditable(false);
        handshake.setWrapText(false);
        handshake.getStyleClass().add("monospace");
        disconnect.setId("adminActionDisconnect");
        disconnect.getStyleClass().add(Styles.DANGER);
        for (Button b : new Button[] {disconnect, join, leave, confirm, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // never "…": the word says what it does
        }
        joinRoom.setId("adminJoinRoom");
        joinRoom.setPromptText("room");
        joinRoom.setPrefColumnCount(3);
        join.setId("adminActionJoin");
        leaveRoom.setId("adminLeaveRoom");
        leaveRoom.setPromptText("room");
        leaveRoom.setPrefWidth(100);
        leave.setId("adminActionLeave");
        pendingText.setId("adminPendingAction");
        pendingText.setWrapText(true);
        pendingText.setMinHeight(Region.USE_PREF_SIZE);
        confirm.setId("adminConfirm");
        confirm.getStyleClass().add(Styles.DANGER);
        cancel.setId("adminCancel");
        pendingBar.setId("adminPendingBar");
        pendingBar.getStyleClass().add("admin-pending");
        readOnly.setId("adminReadOnly");
        readOnly.getStyleClass().add("text-muted");
        readOnly.setWrapText(true);
        readOnly.setMinHeight(Region.USE_PREF_SIZE);
        readOnly.setTooltip(
                new Tooltip("Tick \"Allow actions\" and Connect again to disconnect a socket or move it between rooms;"
                        + " each action is described and sent only on Confirm."));
        note.setId("adminActionNote");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        // Join and Leave in words only (no icons): with their rooms they fit one row at 1024 wide.
        // The title, the actions and their confirmation on top, never squeezed (VBox gives the rest its
        // minimum first): a short pane shortens the tabs below, never Confirm or a note. The facts and
        // the handshake share that room as tabs, each getting all of it (as a browser's request detail).
        HBox head = new HBox(8, title, disconnect);
        head.setAlignment(Pos.CENTER_LEFT);
        FlowPane actions = new FlowPane(6, 4, new HBox(4, joinRoom, join), new HBox(4, leaveRoom, leave));
        actions.setId("adminActions");
        actions.setAlignment(Pos.CENTER_LEFT);
        ScrollPane factsPane = new ScrollPane(facts);
        factsPane.setFitToWidth(true);
        factsPane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Both give way to the actions and a pending question above them (a short pane scrolls them).
        factsPane.setMinHeight(0);
        handshake.setMinHeight(0);
        Tab overview = new Tab("Overview", factsPane);
        overview.setId("adminDetailOverview");
        Tab secrets = new Tab("Handshake (masked)", handshake);
        secrets.setId("adminDetailHandshake");
        secrets.setTooltip(new Tooltip("The socket's handshake, auth and data; tokens and passwords masked"));
        TabPane tabs = new TabPane(overview, secrets);
        tabs.setId("adminDetailTabs");
        tabs.getStyleClass().add(Styles.DENSE);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(0);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        for (Region r : new Region[] {head, actions, pendingBar}) {
            r.setMinHeight(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(head, gone, actions, pendingBar, readOnly, note, tabs);
        showPending(null);
    }

    private void initListeners() {
        model.detailProperty().addListener((o, was, s) -> show(s));
        // Notes take a line only when they say something.
        for (Label l : new Label[] {readOnly, note}) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        gone.visibleProperty().bind(model.pickedGoneProperty());
        gone.managedProperty().bind(gone.visibleProperty());
        BooleanBinding usable = model.actionsAllowedProperty()
                .and(model.connectedProperty())
                .and(model.detailProperty().isNotNull())
                .and(model.pickedGoneProperty().not());
        disconnect.disableProperty().bind(usable.and(offers("DISCONNECT")).not());
        join.disableProperty()
                .bind(usable.and(offers("JOIN"))
                        .and(joinRoom.textProperty().isEmpty().not())
                        .not());
        leave.disableProperty()
                .bind(usable.and(offers("LEAVE"))
                        .and(leaveRoom.valueProperty().isNotNull())
                        .not());
        readOnly.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> !model.connectedProperty().get()
                                ? ""
                                : model.actionsAllowedProperty().get() ? "" : "Read-only: \"Allow actions\" above.",
                        model.connectedProperty(),
                        model.actionsAllowedProperty()));
        disconnect.setOnAction(e -> prepare(
                () -> controller.prepareDisconnect(model.detailProperty().get())));
        join.setOnAction(e -> prepare(() -> controller.prepareJoin(
                model.detailProperty().get(), joinRoom.getText().trim())));
        leave.setOnAction(e ->
                prepare(() -> controller.prepareLeave(model.detailProperty().get(), leaveRoom.getValue())));
        confirm.setOnAction(e -> {
            PendingAction a = pending;
            showPending(null);
            if (a != null) {
                try {
                    a.confirm();
                    readOnlyNote("Sent: " + a.description());
                } catch (RuntimeException ex) {
                    readOnlyNote("Not sent: " + ex.getMessage());
                }
            }
        });
        cancel.setOnAction(e -> showPending(null));
        model.connectedProperty().addListener((o, was, now) -> {
            if (!now) {
                showPending(null);
            }
        });
    }

    private BooleanBinding offers(String feature) {
        return Bindings.createBooleanBinding(
                () -> model.featuresProperty().get().contains(feature), model.featuresProperty());
    }

    private void readOnlyNote(String text) {
        note.setText(text);
    }

    private void prepare(Supplier<PendingAction> make) {
        try {
            showPending(make.get());
        } catch (IllegalStateException e) {
            showPending(null);
            readOnlyNote(e.getMessage());
        }
    }

    private void showPending(PendingAction a) {
        pending = a;
        pendingText.setText(a == null ? "" : capitalized(a.description()) + "?");
        pendingBar.setVisible(a != null);
        pendingBar.setManaged(a != null);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void show(AdminSocket s) {
        facts.getChildren().clear();
        if (s == null) {
            titleText.show("Pick a socket", null);
            handshake.clear();
            leaveRoom.getItems().clear();
            showPending(null);
            return;
        }
        titleText.show("Socket ", s.id());
        int row = 0;
        row = fact(
                row,
                "User",
                ServerTabView.user(s) == null ? "unknown (no user in its data or token)" : ServerTabView.user(s));
        row = fact(row, "Group (server's data)", s.groupId() == null ? "none" : s.groupId());
        row = fact(row, "Namespace", s.namespace());
        row = fact(row, "Transport", s.transport());
        row = fact(row, "Address", s.address());
        row = fact(row, "Connected", ServerTabView.connectedAt(s));
        row = fact(row, "Client (Engine.IO)", s.clientId());
        fact(row, "Rooms", s.sharedRooms().isEmpty() ? "only its own" : String.join(", ", s.sharedRooms()));
        handshake.setText(json("handshake", s.handshake()) + json("auth", s.auth()) + json("data", s.data()));
        Set<String> shared = s.sharedRooms();
        if (!leaveRoom.getItems().equals(List.copyOf(shared))) {
            leaveRoom.getItems().setAll(shared);
        }
        if (pending != null && !pending.description().contains(s.id())) {
            showPending(null); // a different socket: what was pending was about another one
        }
    }

    private int fact(int row, String name, String value) {
        Label k = new Label(name);
        k.getStyleClass().add("text-muted");
        Label v = new Label(value == null ? "" : value);
        v.setWrapText(true); // a long user name or many rooms take more lines, never "…"
        v.setMinHeight(Region.USE_PREF_SIZE);
        k.setMinWidth(Region.USE_PREF_SIZE);
        v.setId("adminFact-" + name.split(" ")[0].toLowerCase());
        facts.addRow(row, k, v);
        return row + 1;
    }

    private static String json(String name, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        try {
            return name + ": "
                    + ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            return name + ": (unreadable)\n";
        }
    }
}
