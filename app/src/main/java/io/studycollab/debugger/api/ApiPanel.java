package io.studycollab.debugger.api;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The original {@code /api/realtime/test}: POST an event to a group, GET a group's presence, with the service key. */
public final class ApiPanel extends VBox {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TextField baseUrl = new TextField();
    private final PasswordField key = new PasswordField();
    private final TextField event = new TextField("announcement:new");
    private final TextField group = new TextField("demo");
    private final TextArea data = new TextArea("{ \"text\": \"Server says hi\" }");
    private final Button post = new Button("POST event", new FontIcon(Feather.SEND));
    private final Button getGroup = new Button("GET group", new FontIcon(Feather.USERS));
    private final Button getAll = new Button("GET overview", new FontIcon(Feather.LIST));
    private final Label status = new Label();
    private final TextArea body = new TextArea();

    public ApiPanel(ReadOnlyStringProperty serverUrl) {
        createView();
        initListeners(serverUrl);
    }

    private void createView() {
        setId("apiPanel");
        setSpacing(8);
        setPadding(new Insets(10));
        baseUrl.setId("apiUrl");
        baseUrl.setEditable(false);
        key.setId("apiKey");
        key.setPromptText("service role key");
        event.setId("apiEvent");
        group.setId("apiGroup");
        group.setPromptText("group (empty: everyone)");
        data.setId("apiData");
        data.setPrefRowCount(4);
        data.getStyleClass().add("monospace");
        post.setId("apiPost");
        post.getStyleClass().add(Styles.ACCENT);
        getGroup.setId("apiGetGroup");
        getAll.setId("apiGetAll");
        status.setId("apiStatus");
        status.getStyleClass().add(Styles.TEXT_BOLD);
        body.setId("apiBody");
        body.setEditable(false);
        body.getStyleClass().add("monospace");
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren()
                .addAll(
                        new Label("Server"),
                        baseUrl,
                        new Label("Service role key"),
                        key,
                        new Label("Event"),
                        event,
                        new Label("Group"),
                        group,
                        new Label("Data (JSON)"),
                        data,
                        buttons(),
                        status,
                        body);
    }

    // The buttons wrap onto a second line rather than cut their text ("POST e…").
    private FlowPane buttons() {
        FlowPane row = new FlowPane(6, 6, post, getGroup, getAll);
        row.setId("apiButtons");
        for (Button b : new Button[] {post, getGroup, getAll}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return row;
    }

    private void initListeners(ReadOnlyStringProperty serverUrl) {
        baseUrl.textProperty().bind(serverUrl);
        post.setOnAction(e -> post());
        getGroup.setOnAction(
                e -> get(group.getText().isBlank() ? null : group.getText().trim()));
        getAll.setOnAction(e -> get(null));
    }

    public void setServiceKey(String k) {
        key.setText(k == null ? "" : k);
    }

    private void post() {
        ObjectNode b = ProtocolCodec.object().put("event", event.getText().trim());
        try {
            b.set("data", data.getText().isBlank() ? null : ProtocolCodec.parse(data.getText()));
        } catch (JsonProcessingException ex) {
            status.setText("Data is not valid JSON");
            return;
        }
        if (!group.getText().isBlank()) {
            b.put("groupId", group.getText().trim());
        }
        send(HttpRequest.newBuilder(endpoint(null)).POST(HttpRequest.BodyPublishers.ofString(ProtocolCodec.write(b))));
    }

    private void get(String groupId) {
        send(HttpRequest.newBuilder(endpoint(groupId)).GET());
    }

    private URI endpoint(String groupId) {
        String base = baseUrl.getText() == null ? "" : baseUrl.getText().replaceAll("/+$", "");
        String q = groupId == null ? "" : "?groupId=" + URLEncoder.encode(groupId, StandardCharsets.UTF_8);
        return URI.create(base + "/api/realtime/test" + q);
    }

    private void send(HttpRequest.Builder request) {
        if (baseUrl.getText() == null || baseUrl.getText().isBlank()) {
            status.setText("Connect to a server first");
            return;
        }
        HttpRequest r = request.header("Authorization", "Bearer " + key.getText())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .build();
        status.setText(r.method() + " " + r.uri().getPath() + " …");
        FxTasks.whenDone(
                http.sendAsync(r, HttpResponse.BodyHandlers.ofString()),
                res -> {
                    status.setText("HTTP " + res.statusCode());
                    status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
                    status.getStyleClass().add(res.statusCode() < 300 ? Styles.SUCCESS : Styles.DANGER);
                    body.setText(pretty(res.body()));
                },
                err -> {
                    status.setText("Request failed: " + err.getMessage());
                    body.clear();
                });
    }

    private static String pretty(String text) {
        try {
            JsonNode n = ProtocolCodec.parse(text);
            return n.toPrettyString();
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
