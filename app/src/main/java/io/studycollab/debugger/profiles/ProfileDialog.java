package io.studycollab.debugger.profiles;

import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Screen;

/**
 * Adds or edits a saved server profile, of one of two kinds: a pasted token or a JWT secret to mint
 * with (kept between runs only when the user ticks the box), or a "Supabase project" that signs in
 * (its password only ever in the OS keychain, see {@link SupabaseFields}).
 */
public final class ProfileDialog extends Dialog<ServerProfile> {

    static final String TOKEN_KIND = "Token or JWT secret";
    static final String SUPABASE_KIND = "Supabase project";

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
    private final ChoiceBox<String> kind = new ChoiceBox<>();
    private final GridPane tokenFields = new GridPane();
    private final SupabaseFields supabase;

    /** {@code keychainNote}: null when there is an OS keychain, otherwise why passwords are asked each time. */
    public ProfileDialog(ServerProfile existing, String keychainNote) {
        setTitle(existing == null || existing.sandbox() ? "New server profile" : "Edit " + existing.name());
        supabase = new SupabaseFields(keychainNote);
        createView();
        if (existing != null && !existing.sandbox()) {
            fill(existing);
        }
        initListeners();
        showKind(kind.getValue());
    }

    private void createView() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(16));
        grid.setId("profileGrid");
        websocket.setSelected(true);
        polling.setSelected(true);
        headers.setPromptText("X-Header: value (one per line)");
        headers.setPrefRowCount(3);
        token.setPromptText("paste an access token, or…");
        secret.setPromptText("…a JWT secret to mint one");
        problem.getStyleClass().add("danger");
        problem.setId("profileProblem");
        kind.setId("profileKind");
        kind.getItems().addAll(TOKEN_KIND, SUPABASE_KIND);
        kind.setValue(TOKEN_KIND);
        name.setId("profileName");
        url.setId("profileServerUrl");
        url.setPromptText("the StudyCollab realtime server, http(s)://…");
        int r = 0;
        grid.addRow(r++, new Label("Name"), name);
        grid.addRow(r++, new Label("Kind"), kind);
        grid.addRow(r++, new Label("Server URL"), url);
        grid.addRow(r++, new Label("Socket.IO path"), path);
        grid.addRow(r++, new Label("Transports"), new HBox(12, websocket, polling));
        grid.addRow(r++, new Label("Extra headers"), headers);
        tokenFields.setHgap(10);
        tokenFields.setVgap(8);
        int t = 0;
        tokenFields.addRow(t++, new Label("Token"), token);
        tokenFields.addRow(t++, new Label("JWT secret"), secret);
        tokenFields.addRow(t++, new Label("Mint as user id"), mintSub);
        tokenFields.addRow(t++, new Label("Mint with name"), mintName);
        tokenFields.add(storeSecrets, 1, t);
        grid.add(tokenFields, 0, r++, 2, 1);
        grid.add(supabase, 0, r++, 2, 1);
        grid.add(problem, 1, r);
        // One label column for the dialog and both kinds' fields, so they line up.
        for (GridPane g : new GridPane[] {grid, tokenFields, supabase}) {
            g.getColumnConstraints().setAll(labelColumn(), fieldColumn());
        }
        // On a 700 px screen the Supabase kind is taller than the screen: the fields scroll, and OK
        // and Cancel stay on it.
        double cap = Math.max(300, Screen.getPrimary().getVisualBounds().getHeight() - 140);
        ScrollPane scroll = new ScrollPane(grid) {
            @Override
            protected double computePrefHeight(double width) {
                return Math.min(super.computePrefHeight(width), cap);
            }
        };
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        getDialogPane().setContent(scroll);
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
        if (existing.usesSupabase()) {
            supabase.fill(existing.supabase());
            kind.setValue(SUPABASE_KIND);
        }
    }

    // The labels' column never shrinks below its text (it cut "Name" to "Na…").
    static ColumnConstraints labelColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setPrefWidth(170);
        return c;
    }

    // The fields take what the labels leave, and stay wide enough to read a URL.
    static ColumnConstraints fieldColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(240);
        return c;
    }

    private void showKind(String k) {
        boolean sb = SUPABASE_KIND.equals(k);
        tokenFields.setVisible(!sb);
        tokenFields.setManaged(!sb);
        supabase.setVisible(sb);
        supabase.setManaged(sb);
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private boolean supabaseKind() {
        return SUPABASE_KIND.equals(kind.getValue());
    }

    /** The password typed to be kept in the OS keychain (a Supabase profile), or null. */
    public String passwordToKeep() {
        return supabaseKind() ? supabase.passwordToKeep() : null;
    }

    private void initListeners() {
        kind.valueProperty().addListener((o, was, k) -> showKind(k));
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
        return supabaseKind() ? supabase.validate() : null;
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
        if (supabaseKind()) {
            return new ServerProfile(
                    name.getText().trim(),
                    url.getText().trim(),
                    path.getText().trim(),
                    transports,
                    h,
                    null,
                    null,
                    null,
                    null,
                    false,
                    false,
                    supabase.build());
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
                false,
                null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
