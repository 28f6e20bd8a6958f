package io.studycollab.debugger.supabase;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a Supabase password at sign-in, saying why it is asked (nothing stored, or no keychain
 * here). Offers to keep it in the keychain when there is one. The password never leaves this
 * dialog except to Auth (and the keychain when ticked).
 */
public final class PasswordPrompt extends Dialog<PasswordPrompt.Answer> {

    /** What the user typed, and whether to keep it in the keychain. */
    public record Answer(String password, boolean remember) {
        @Override
        public String toString() {
            return "Answer[remember=" + remember + "]"; // never the password
        }
    }

    private final PasswordField password = new PasswordField();
    private final CheckBox remember = new CheckBox("Remember in the OS keychain");
    private final Label note = new Label();

    public PasswordPrompt(Window owner, String who, String project, PasswordVault.Status keychain) {
        initOwner(owner);
        setTitle("Sign in to Supabase");
        setHeaderText("Password for " + who + "\nat " + project);
        createView(keychain);
        setResultConverter(b -> b == ButtonType.OK && !password.getText().isEmpty()
                ? new Answer(password.getText(), remember.isSelected())
                : null);
    }

    private void createView(PasswordVault.Status keychain) {
        password.setId("supabasePassword");
        password.setPromptText("password");
        remember.setId("supabaseRemember");
        remember.setDisable(!keychain.available());
        remember.setVisible(keychain.available());
        remember.setManaged(keychain.available());
        note.setId("supabasePasswordNote");
        note.setWrapText(true);
        note.setMaxWidth(380);
        note.setText(keychain.available() ? "No password is stored for this profile." : keychain.note());
        VBox box = new VBox(10, password, remember, note);
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("supabasePasswordOk");
        // An empty password is no answer: OK waits for one instead of silently doing nothing.
        getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(password.textProperty().isEmpty());
        setOnShown(e -> password.requestFocus()); // the user types straight away
    }

    /** Shows it and waits; empty when cancelled or left blank. */
    public Optional<Answer> ask() {
        return showAndWait();
    }
}
