package io.studycollab.debugger.proxy;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.Flow;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Sends an event into one live connection: down to it as if from the server, or up from it as if
 * its client sent it; with an ack, the reply is shown here (the real peer never sees it).
 */
public final class InjectPanel extends VBox {

    private final ProxyController controller;
    private final ComboBox<ProxyLane> lane = new ComboBox<>();
    private final ComboBox<String> dir = new ComboBox<>();
    private final TextField nsp = new TextField("/");
    private final TextField event = new TextField();
    private final TextArea args = new TextArea();
    private final CheckBox ack = new CheckBox("ask for an ack");
    private final Button send = new Button("Inject");
    private final Label result = new Label();

    public InjectPanel(ProxyController controller) {
        this.controller = controller;
        createView();
        initListeners();
    }

    private void createView() {
        setId("injectPanel");
        setSpacing(6);
        setPadding(new Insets(8));
        lane.setId("injLane");
        lane.setPromptText("connection");
        lane.setMaxWidth(Double.MAX_VALUE);
        lane.setCellFactory(v -> laneCell());
        lane.setButtonCell(laneCell());
        dir.setId("injDir");
        dir.getItems().setAll("down (as the server)", "up (as that client)");
        dir.getSelectionModel().selectFirst();
        nsp.setId("injNsp");
        nsp.setPrefColumnCount(5);
        event.setId("injEvent");
        event.setPromptText("event name, e.g. quiz:question");
        args.setId("injArgs");
        args.setPromptText("argument as JSON, e.g. {\"q\":1}; several: a JSON array; empty: none");
        args.setPrefRowCount(3);
        args.getStyleClass().add("monospace");
        ack.setId("injAck");
        send.setId("injSend");
        send.getStyleClass().add(Styles.ACCENT);
        result.setId("injResult");
        result.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("into"), lane, dir);
        form.addRow(1, new Label("event"), event, nsp);
        GridPane.setHgrow(lane, Priority.ALWAYS);
        GridPane.setHgrow(event, Priority.ALWAYS);
        HBox actions = new HBox(6, send, ack);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(form, args, actions, result);
    }

    private static ListCell<ProxyLane> laneCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ProxyLane l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : l.id() + " · " + l.who());
            }
        };
    }

    private void initListeners() {
        lane.setItems(controller.model().lanes());
        send.disableProperty()
                .bind(lane.valueProperty().isNull().or(event.textProperty().isEmpty()));
        send.setOnAction(e -> inject());
    }

    private void inject() {
        List<JsonNode> list = new ArrayList<>();
        String text = args.getText().trim();
        if (!text.isEmpty()) {
            try {
                JsonNode n = ProtocolCodec.parse(text);
                if (n.isArray()) {
                    n.forEach(list::add);
                } else {
                    list.add(n);
                }
            } catch (Exception e) {
                result.setText("✗ the argument is not JSON: "
                        + e.getMessage().lines().findFirst().orElse(""));
                return;
            }
        }
        ProxyLane target = lane.getValue();
        Flow flow = dir.getSelectionModel().getSelectedIndex() == 1 ? Flow.UP : Flow.DOWN;
        String name = event.getText().trim();
        boolean withAck = ack.isSelected();
        result.setText(
                "sent " + name + " " + flow.label() + " on " + target.id() + (withAck ? ", waiting for the ack…" : ""));
        FxTasks.whenDone(
                controller.inject(
                        target.id(),
                        flow,
                        nsp.getText().isBlank() ? "/" : nsp.getText().trim(),
                        name,
                        list,
                        withAck),
                reply -> {
                    if (withAck) {
                        result.setText("ack for " + name + " on " + target.id() + ": " + ProtocolCodec.write(reply));
                    }
                },
                error -> result.setText("✗ " + error.getMessage()));
    }
}
