package io.studycollab.debugger.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Adds or edits a saved server profile. Secrets are kept between runs only when the user ticks the box. */
public final class ProfileDialog extends Dialog<ServerProfile> {

    private final TextField name = new TextField();
    private final TextField url = new TextField();
    private final TextField path = new TextField("/socket.io");
    private final CheckBox websocket = new CheckBox("websocket");
    private final CheckBox polling = new CheckBox("polling");
    private final TextArea headers = new TextArea();
    private final PasswordField token = new PasswordField();
    private final PasswordField secret = new PasswordField();
    private final TextField mintSub = new TextField("debugger");
    private final TextField mintName = new TextField("Debugger");
    private final CheckBox storeSecrets = new CheckBox("Remember token and secret on this computer");
    private final Label problem = new Label();

    public ProfileDialog(ServerProfile existing) {
        setTitle(existing == null || existing.sandbox() ? "New server profile" : "Edit " + existing.name());
        createView();
        if (existing != null && !existing.sandbox()) {
            fill(existing);
        }
        initListeners();
    }

    private void createView() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(16));
        // The labels' column never shrinks below its text (it cut "Name" to "Na…"); the fields grow.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(240);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setId("profileGrid");
        websocket.setSelected(true);
        polling.setSelected(true);
        headers.setPromptText("X-Header: value (one per line)");
        headers.setPrefRowCount(3);
        token.setPromptText("paste an access token, or…");
        secret.setPromptText("…a JWT secret to mint one");
        problem.getStyleClass().add("danger");
        int r = 0;
        grid.addRow(r++, new Label("Name"), name);
        grid.addRow(r++, new Label("Server URL"), url);
        grid.addRow(r++, new Label("Socket.IO path"), path);
        grid.addRow(r++, new Label("Transports"), new HBox(12, websocket, polling));
        grid.addRow(r++, new Label("Extra headers"), headers);
        grid.addRow(r++, new Label("Token"), token);
        grid.addRow(r++, new Label("JWT secret"), secret);
        grid.addRow(r++, new Label("Mint as user id"), mintSub);
        grid.addRow(r++, new Label("Mint with name"), mintName);
        grid.add(storeSecrets, 1, r++);
        grid.add(problem, 1, r);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    }

    private void fill(ServerProfile existing) {
        name.setText(existing.name());
        url.setText(existing.url());
        path.setText(existing.path());
        websocket.setSelected(
                existing.transports() == null || existing.transports().contains("websocket"));
        polling.setSelected(
                existing.transports() == null || existing.transports().contains("polling"));
        StringBuilder h = new StringBuilder();
        if (existing.headers() != null) {
            existing.headers()
                    .forEach((k, v) -> h.append(k).append(": ").append(v).append('\n'));
        }
        headers.setText(h.toString());
        token.setText(existing.token() == null ? "" : existing.token());
        secret.setText(existing.jwtSecret() == null ? "" : existing.jwtSecret());
        mintSub.setText(existing.mintSub());
        mintName.setText(existing.mintName());
        storeSecrets.setSelected(existing.storeSecrets());
    }

    private void initListeners() {
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            String error = validate();
            problem.setText(error == null ? "" : error);
            if (error != null) {
                e.consume();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? build() : null);
    }

    private String validate() {
        if (name.getText().isBlank()) {
            return "A name is required.";
        }
        if (!url.getText().matches("(?i)https?://\\S+")) {
            return "The URL must start with http:// or https://";
        }
        if (!websocket.isSelected() && !polling.isSelected()) {
            return "Pick at least one transport.";
        }
        for (String line : headers.getText().split("\n")) {
            if (!line.isBlank() && !line.contains(":")) {
                return "Header lines look like 'Name: value': " + line;
            }
        }
        return null;
    }

    private ServerProfile build() {
        List<String> transports = new ArrayList<>();
        if (websocket.isSelected()) {
            transports.add("websocket");
        }
        if (polling.isSelected()) {
            transports.add("polling");
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : headers.getText().split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                h.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return new ServerProfile(
                name.getText().trim(),
                url.getText().trim(),
                path.getText().trim(),
                transports,
                h,
                blankToNull(token.getText()),
                blankToNull(secret.getText()),
                blankToNull(mintSub.getText()),
                blankToNull(mintName.getText()),
                storeSecrets.isSelected(),
                false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
