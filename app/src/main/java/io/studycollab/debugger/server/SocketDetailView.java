package io.studycollab.debugger.server;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.admin.PendingAction;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The picked socket as the server sees it: who (the user read from the server's data or decoded from
 * the token, never the token itself), where, since when, its rooms and its handshake with every secret
 * masked. Below, the admin actions; each is first described in words and sent only on Confirm.
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
    private final Button join = new Button("Join", new FontIcon(Feather.LOG_IN));
    private final ComboBox<String> leaveRoom = new ComboBox<>();
    private final Button leave = new Button("Leave", new FontIcon(Feather.LOG_OUT));
    private final Label pendingText = new Label();
    private final Button confirm = new Button("Confirm", new FontIcon(Feather.CHECK));
    private final Button cancel = new Button("Cancel");
    private final HBox pendingBar = new HBox(6, pendingText, confirm, cancel);
    private final Label readOnly = new Label();
    private final Label note = new Label();
    private PendingAction pending;

    SocketDetailView(ServerTabController controller) {
        this.controller = controller;
        this.model = controller.model();
        createView();
        initListeners();
    }

    private void createView() {
        setId("adminSocketDetail");
        setSpacing(6);
        setPadding(new Insets(6));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setId("adminDetailTitle");
        gone.getStyleClass().add(Styles.WARNING);
        gone.setId("adminDetailGone");
        facts.setHgap(8);
        facts.setVgap(2);
        facts.setId("adminDetailFacts");
        handshake.setId("adminHandshake");
        handshake.setEditable(false);
        handshake.setWrapText(false);
        handshake.getStyleClass().add("monospace");
        VBox.setVgrow(handshake, Priority.ALWAYS);
        disconnect.setId("adminActionDisconnect");
        disconnect.getStyleClass().add(Styles.DANGER);
        for (Button b : new Button[] {disconnect, join, leave}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "…": the word says what it does
        }
        joinRoom.setId("adminJoinRoom");
        joinRoom.setPromptText("room");
        joinRoom.setPrefColumnCount(8);
        join.setId("adminActionJoin");
        leaveRoom.setId("adminLeaveRoom");
        leaveRoom.setPromptText("room");
        leave.setId("adminActionLeave");
        pendingText.setId("adminPendingAction");
        pendingText.setWrapText(true);
        HBox.setHgrow(pendingText, Priority.ALWAYS);
        confirm.setId("adminConfirm");
        confirm.getStyleClass().add(Styles.DANGER);
        cancel.setId("adminCancel");
        pendingBar.setId("adminPendingBar");
        pendingBar.setAlignment(Pos.CENTER_LEFT);
        pendingBar.getStyleClass().add("admin-pending");
        readOnly.setId("adminReadOnly");
        readOnly.getStyleClass().add("text-muted");
        readOnly.setWrapText(true);
        note.setId("adminActionNote");
        note.setWrapText(true);
        // The actions and their confirmation right under the title, wrapping in a narrow pane: above the
        // facts, whose rows grow with the socket's rooms, so that a short pane cuts off the handshake
        // and the last facts, never Confirm. The handshake takes what height is left.
        handshake.setMinHeight(0);
        FlowPane actions = new FlowPane(6, 4, disconnect, new HBox(4, joinRoom, join), new HBox(4, leaveRoom, leave));
        actions.setId("adminActions");
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren()
                .addAll(
                        title,
                        gone,
                        actions,
                        pendingBar,
                        readOnly,
                        note,
                        facts,
                        new Label("Handshake (secrets masked)"),
                        handshake);
        showPending(null);
    }

    private void initListeners() {
        model.detailProperty().addListener((o, was, s) -> show(s));
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
                                : model.actionsAllowedProperty().get()
                                        ? ""
                                        : "Read-only: connect with \"Allow actions\" to disconnect a socket or move it between rooms.",
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
            title.setText("Pick a socket");
            handshake.clear();
            leaveRoom.getItems().clear();
            showPending(null);
            return;
        }
        title.setText("Socket " + s.id());
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
        if (!leaveRoom.getItems().equals(java.util.List.copyOf(shared))) {
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
