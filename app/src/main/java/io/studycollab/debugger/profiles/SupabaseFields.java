package io.studycollab.debugger.profiles;

import io.studycollab.realtime.supabase.SupabaseProject;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * The "Supabase project" part of the profile dialog: project URL, anon or publishable key (masked),
 * email or anonymous, and the password, which goes to the OS keychain when there is one and is
 * otherwise asked for at each sign-in (the note says which).
 */
final class SupabaseFields extends GridPane {

    private final TextField projectUrl = new TextField();
    private final PasswordField anonKey = new PasswordField();
    private final TextField email = new TextField();
    private final CheckBox anonymous = new CheckBox("Sign in anonymously (no email)");
    private final PasswordField password = new PasswordField();
    private final CheckBox remember = new CheckBox("Remember the password in the OS keychain");
    private final Label note = new Label();

    /** {@code keychainNote} null: there is a keychain; otherwise why the password is asked each time. */
    SupabaseFields(String keychainNote) {
        createView(keychainNote);
        initListeners();
    }

    private void createView(String keychainNote) {
        setHgap(10);
        setVgap(8);
        projectUrl.setId("supabaseUrl");
        projectUrl.setPromptText("https://<ref>.supabase.co");
        anonKey.setId("supabaseAnonKey");
        anonKey.setPromptText("sb_publishable_… or the legacy anon key");
        anonKey.setTooltip(new Tooltip("Project Settings ▸ API Keys in the Supabase dashboard"));
        email.setId("supabaseEmail");
        email.setPromptText("a test user's email");
        anonymous.setId("supabaseAnonymous");
        password.setId("supabaseProfilePassword");
        remember.setId("supabaseRememberPassword");
        note.setId("supabaseKeychainNote");
        note.setWrapText(true);
        note.setMaxWidth(420);
        note.setMinHeight(Region.USE_PREF_SIZE); // every line of why, not "asked for…"
        boolean keychain = keychainNote == null;
        remember.setDisable(!keychain);
        password.setDisable(!keychain);
        password.setPromptText(keychain ? "kept in the keychain (optional)" : "asked at each sign-in");
        note.setText(keychain ? "Without a remembered password, it is asked for at each sign-in." : keychainNote);
        int r = 0;
        addRow(r++, new Label("Project URL"), projectUrl);
        addRow(r++, new Label("Anon / publishable key"), anonKey);
        addRow(r++, new Label("Email"), email);
        add(anonymous, 1, r++);
        addRow(r++, new Label("Password"), password);
        add(remember, 1, r++);
        add(note, 1, r);
    }

    private void initListeners() {
        anonymous.selectedProperty().addListener((o, was, anon) -> {
            email.setDisable(anon);
            password.setDisable(anon || remember.isDisabled());
        });
    }

    void fill(SupabaseLogin s) {
        projectUrl.setText(s.projectUrl());
        anonKey.setText(s.anonKey());
        email.setText(s.email() == null ? "" : s.email());
        anonymous.setSelected(s.anonymous());
        remember.setSelected(s.rememberPassword() && !remember.isDisabled());
        if (s.rememberPassword() && !remember.isDisabled()) {
            password.setPromptText("kept in the keychain: leave blank to keep it");
        }
    }

    /** Why these fields cannot be saved, or null. */
    String validate() {
        try {
            SupabaseProject.of(projectUrl.getText(), anonKey.getText());
        } catch (IllegalArgumentException e) {
            return capitalised(e.getMessage());
        }
        if (!anonymous.isSelected() && !email.getText().trim().contains("@")) {
            return "Enter the user's email, or tick 'Sign in anonymously'.";
        }
        return null;
    }

    SupabaseLogin build() {
        boolean anon = anonymous.isSelected();
        return new SupabaseLogin(
                projectUrl.getText().trim(),
                anonKey.getText().trim(),
                anon ? null : email.getText().trim(),
                anon,
                !anon && remember.isSelected());
    }

    /** The password typed to be kept in the keychain, or null. */
    String passwordToKeep() {
        return anonymous.isSelected()
                        || !remember.isSelected()
                        || password.getText().isEmpty()
                ? null
                : password.getText();
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
