package io.studycollab.debugger.emit;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.realtime.client.AckReply;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Sends an event: a protocol event with the payload as typed (unchecked, to see how a server
 * copes), or a custom event relayed through {@code event:emit} to the group. The JSON is
 * validated as you type; the acknowledgement, if asked for, is shown.
 */
public final class EmitPanel extends VBox {

    private final RealtimeModel realtime;
    private final ComboBox<String> event = new ComboBox<>();
    private final TextArea payload = new TextArea("{\n  \"text\": \"hello from the debugger\"\n}");
    private final Label validation = new Label();
    private final TextField group = new TextField();
    private final CheckBox ack = new CheckBox("ask for an acknowledgement");
    private final Button send = new Button("Send", new FontIcon(Feather.SEND));
    private final TextArea reply = new TextArea();
    private final Label mode = new Label();

    public EmitPanel(RealtimeModel realtime) {
        this.realtime = realtime;
        createView();
        initListeners();
        validate();
    }

    private void createView() {
        setId("emitPanel");
        setSpacing(8);
        setPadding(new Insets(10));
        List<String> names = new ArrayList<>(EventNames.CLIENT_EVENTS);
        names.add("chat:message");
        names.add("note:added");
        event.getItems().setAll(names);
        event.setEditable(true);
        event.setValue("chat:message");
        event.setId("emitEvent");
        event.setMaxWidth(Double.MAX_VALUE);
        payload.setId("emitPayload");
        payload.getStyleClass().add("monospace");
        payload.setPrefRowCount(8);
        validation.setId("emitValidation");
        validation.setWrapText(true);
        group.setId("emitGroup");
        // Short enough for the side panel at 1024×700; the whole rule is in the tooltip.
        group.setPromptText("group (default: current)");
        group.setTooltip(new Tooltip("Target group of a custom event; empty: the group you are in"));
        ack.setId("emitAck");
        ack.setSelected(true);
        send.setId("emitSend");
        send.getStyleClass().add(Styles.ACCENT);
        reply.setId("emitReply");
        reply.setEditable(false);
        reply.setPrefRowCount(5);
        reply.getStyleClass().add("monospace");
        reply.setPromptText("the acknowledgement appears here");
        mode.getStyleClass().add("text-muted");
        mode.setWrapText(true);
        // Wrapped texts keep their lines: the payload gives way, not them.
        for (Region r : new Region[] {mode, validation, ack}) {
            r.setMinHeight(Region.USE_PREF_SIZE);
        }
        ack.setWrapText(true);
        send.setMinWidth(Region.USE_PREF_SIZE);
        HBox ackRow = new HBox(10, ack, send);
        ackRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(ack, Priority.ALWAYS);
        VBox.setVgrow(payload, Priority.ALWAYS);
        getChildren()
                .addAll(
                        new Label("Event"),
                        event,
                        mode,
                        new Label("Payload (JSON)"),
                        payload,
                        validation,
                        group,
                        ackRow,
                        new Label("Reply"),
                        reply);
        send.disableProperty().bind(realtime.isConnectedProperty().not());
    }

    private void initListeners() {
        payload.textProperty().addListener((o, a, b) -> validate());
        event.getEditor().textProperty().addListener((o, a, b) -> validate());
        event.valueProperty().addListener((o, a, picked) -> {
            // Picking a contract event fills its payload (what §3 asks for), in the current group.
            String template =
                    EmitTemplates.of(picked, realtime.currentGroupIdProperty().get());
            if (template != null) {
                payload.setText(template);
            }
            validate();
        });
        send.setOnAction(e -> send());
    }

    private String eventName() {
        String typed = event.getEditor().getText();
        return (typed == null || typed.isBlank() ? String.valueOf(event.getValue()) : typed).trim();
    }

    private boolean isProtocolEvent(String name) {
        return EventNames.CLIENT_EVENTS.contains(name) || EventNames.isProtocolEvent(name);
    }

    /** Null when sendable, else what is wrong. */
    private String validate() {
        String problem = null;
        String jsonProblem = EmitTemplates.problem(payload.getText());
        if (jsonProblem != null) {
            problem = "Not valid JSON: " + jsonProblem;
        }
        String name = eventName();
        if (name.isEmpty()) {
            problem = "Type an event name";
        } else if (!isProtocolEvent(name)) {
            String nameProblem = EventNames.customNameProblem(name);
            if (nameProblem != null) {
                problem = nameProblem;
            }
            mode.setText("Custom event: sent as event:emit { event, data, groupId? } to the group.");
        } else {
            mode.setText("Protocol event: sent as typed, unchecked, so you see how the server answers.");
        }
        validation.setText(problem == null ? "✓ valid" : problem);
        validation.getStyleClass().setAll("label", problem == null ? Styles.SUCCESS : Styles.DANGER);
        send.setUserData(problem);
        return problem;
    }

    private JsonNode parse() {
        String text = payload.getText();
        if (text == null || text.isBlank()) {
            return ProtocolCodec.mapper().nullNode();
        }
        try {
            return ProtocolCodec.parse(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void send() {
        String problem = validate();
        if (problem != null) {
            reply.setText("Not sent: " + problem);
            return;
        }
        String name = eventName();
        JsonNode data = parse();
        boolean wantAck = ack.isSelected();
        reply.setText(wantAck ? "waiting for the acknowledgement…" : "sent (no acknowledgement asked)");
        CompletableFuture<AckReply> f;
        if (isProtocolEvent(name)) {
            f = realtime.emitRaw(name, data, wantAck);
        } else {
            ObjectNode wrapped = ProtocolCodec.object().put("event", name);
            wrapped.set("data", data);
            if (!group.getText().isBlank()) {
                wrapped.put("groupId", group.getText().trim());
            }
            f = realtime.emitRaw(EventNames.EVENT_EMIT, wrapped, wantAck);
        }
        if (wantAck) {
            FxTasks.whenDone(
                    f,
                    r -> reply.setText((r.ok() ? "ok\n" : "refused: " + r.errorCode() + "\n")
                            + r.body().toPrettyString()),
                    err -> reply.setText("failed: " + err.getMessage()));
        }
    }
}
